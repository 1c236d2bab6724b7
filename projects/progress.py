"""Where a project stands in the three steps: pure rules on plain facts."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

STEPS = ["hypothesis", "goals", "deliver"]
STEP_ORDER = [*STEPS, "operation"]


@dataclass
class StepStatus:
    key: str
    label: str
    state: str  # "done", "current" or "upcoming"
    done: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def step_state(*, step: str, current: str) -> str:
    """A step before the current one is done; the current one is under way."""
    here, now = STEP_ORDER.index(step), STEP_ORDER.index(current)
    if here < now:
        return "done"
    return "current" if here == now else "upcoming"


# What each step needs: (fact name, description). Later work adds facts here.
CHECKLIST = {
    "hypothesis": [
        ("has_summary", _("The project is described")),
        ("has_team", _("The team has at least two members")),
        ("has_commissioning_owner", _("A commissioning owner is appointed")),
    ],
    "goals": [
        ("has_target_date", _("A target date is set")),
    ],
    "deliver": [
        ("has_solution_owner", _("A solution owner is appointed")),
    ],
}

LABELS = {
    "hypothesis": _("1. Hypothesis"),
    "goals": _("2. Goals"),
    "deliver": _("3. Deliver solution"),
}


def steps(*, current: str, facts: dict[str, bool]) -> list[StepStatus]:
    """The three steps with their state and what is done and missing in each."""
    result = []
    for key in STEPS:
        status = StepStatus(
            key=key, label=str(LABELS[key]), state=step_state(step=key, current=current)
        )
        for fact, text in CHECKLIST[key]:
            (status.done if facts.get(fact) else status.missing).append(str(text))
        result.append(status)
    return result


def steps_for(project, memberships) -> list[StepStatus]:
    """`steps` for a project and its (already loaded) memberships."""
    roles = [m.role for m in memberships]
    facts = {
        "has_summary": bool(project.summary.strip()),
        "has_team": len(roles) >= 2,
        "has_commissioning_owner": "commissioning_owner" in roles,
        "has_target_date": project.target_date is not None,
        "has_solution_owner": "solution_owner" in roles,
    }
    return steps(current=project.step, facts=facts)
