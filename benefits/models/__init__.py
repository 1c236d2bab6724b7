"""The benefits app's models, by what they belong to: plan.py (the plan, its
costs and review trail), benefit.py (benefits and their yearly values),
indicator.py (S.M.A.R.T.E indicators and their measurements) and links.py
(the benefit map's links)."""

from .benefit import Benefit, BenefitValue, Realisation
from .indicator import Indicator, Measurement, ReminderSent
from .links import MapLink
from .plan import BenefitPlan, Cost, PlanEvent

__all__ = [
    "Benefit",
    "BenefitPlan",
    "BenefitValue",
    "Cost",
    "Indicator",
    "MapLink",
    "Measurement",
    "PlanEvent",
    "Realisation",
    "ReminderSent",
]
