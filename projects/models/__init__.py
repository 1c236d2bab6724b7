"""The projects app's models, by what they belong to: core.py (units, projects,
members, preferences), flow.py (the three steps' texts, gates, lists of steps 1
and 2, stakeholders, profiles, measures), deliver.py (step 3's lists),
discussion.py (comments) and changes.py (the index of each project's history)."""

from .changes import RecordedChange
from .core import Membership, Project, TemplatePart, Unit
from .deliver import (
    Activity,
    JourneyStage,
    Lesson,
    Supplier,
    SupplierDialogue,
    Touchpoint,
    TrialEntry,
)
from .discussion import Comment
from .flow import (
    SCORE_CHOICES,
    BenefitKind,
    DesignPrinciple,
    Experiment,
    GateDecision,
    Goal,
    IdentifiedBenefit,
    LowHigh,
    Measure,
    ProjectFlow,
    Stakeholder,
    UserProfile,
)

__all__ = [
    "SCORE_CHOICES",
    "Activity",
    "BenefitKind",
    "Comment",
    "DesignPrinciple",
    "Experiment",
    "GateDecision",
    "Goal",
    "IdentifiedBenefit",
    "JourneyStage",
    "Lesson",
    "LowHigh",
    "Measure",
    "Membership",
    "Project",
    "ProjectFlow",
    "RecordedChange",
    "Stakeholder",
    "TemplatePart",
    "Supplier",
    "SupplierDialogue",
    "Touchpoint",
    "TrialEntry",
    "Unit",
    "UserProfile",
]
