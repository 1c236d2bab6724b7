"""The three steps of a project (hypothesis, goals, deliver solution), with the
stakeholder map, the user profiles, the prioritization matrix and the gates
between the steps: their forms, reads, writes, lists and pages."""
