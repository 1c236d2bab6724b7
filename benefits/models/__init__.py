"""The benefits app's models, by what they belong to: plan.py (the plan, its
costs and review trail), benefit.py (benefits and their yearly values) and
indicator.py (S.M.A.R.T.E indicators and their measurements)."""

from .benefit import Benefit, BenefitValue, Realisation
from .indicator import Indicator, Measurement, ReminderSent
from .plan import BenefitPlan, Cost, PlanEvent

__all__ = [
    "Benefit",
    "BenefitPlan",
    "BenefitValue",
    "Cost",
    "Indicator",
    "Measurement",
    "PlanEvent",
    "Realisation",
    "ReminderSent",
]
