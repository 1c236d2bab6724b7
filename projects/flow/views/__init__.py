"""The flow's views, one module per feature: steps (the whole pages), sections
(the lists on them), texts (the single texts), matrix, owner and gates."""
