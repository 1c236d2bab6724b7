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
    url_name: str = ""
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
        ("has_hypothesis", _("The three-line hypothesis is written")),
        ("criteria_answered", _("All six selection criteria are answered")),
        ("has_bimodal", _("The project is placed in the bimodal matrix")),
        ("has_experiment", _("At least one experiment is logged")),
        ("has_stakeholders", _("The stakeholder map has stakeholders")),
        ("has_profiles", _("At least one user profile is described")),
        ("gate_hypothesis", _("The commissioning owner has decided to go on")),
    ],
    "goals": [
        ("has_target_date", _("A target date is set")),
        ("has_all_goals", _("Goals for the users, the service and the organisation")),
        ("has_principles", _("Design principles are agreed")),
        ("has_benefits", _("The expected benefits are identified")),
        ("gate_goals", _("The commissioning owner has decided to go on")),
    ],
    "deliver": [
        ("has_solution_owner", _("A solution owner is appointed")),
        ("activities_done", _("Every relevant activity is done")),
        ("has_suppliers", _("Suppliers and their capability are described")),
        ("has_touchpoints", _("The touchpoints are described")),
        ("has_future_journey", _("The future service journey is drawn")),
        ("has_measures", _("The measures are prioritized")),
        ("has_trials", _("The trial is logged")),
        ("has_lessons", _("Lessons learned are written down")),
        ("has_operation", _("It is described how the solution is managed in operation")),
        ("gate_deliver", _("The commissioning owner has decided to go on")),
    ],
}

URL_NAMES = {
    "hypothesis": "projects:step-hypothesis",
    "goals": "projects:step-goals",
    "deliver": "projects:step-deliver",
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
            key=key,
            label=str(LABELS[key]),
            state=step_state(step=key, current=current),
            url_name=URL_NAMES[key],
        )
        for fact, text in CHECKLIST[key]:
            (status.done if facts.get(fact) else status.missing).append(str(text))
        result.append(status)
    return result


def step_facts(project, roles: list[str], flow_facts: dict | None = None) -> dict[str, bool]:
    """The facts of `steps` for a project, the roles of its members and the
    facts of its step work (`flow.selectors.flow_facts`)."""
    return {
        **(flow_facts or {}),
        "has_summary": bool(project.summary.strip()),
        "has_team": len(roles) >= 2,
        "has_commissioning_owner": "commissioning_owner" in roles,
        "has_target_date": project.target_date is not None,
        "has_solution_owner": "solution_owner" in roles,
    }


def steps_for(project, memberships, flow_facts: dict | None = None) -> list[StepStatus]:
    """`steps` for a project, its (already loaded) memberships and the facts of
    its step work (`flow.selectors.flow_facts`)."""
    facts = step_facts(project, [m.role for m in memberships], flow_facts)
    return steps(current=project.step, facts=facts)


def gate_facts(steps: set[str]) -> set[str]:
    """The facts `gate_ready` reads for gates at the end of `steps`."""
    return {fact for step in steps for fact, _text in CHECKLIST.get(step, [])}


def gate_ready(*, step: str, facts: dict[str, bool], unknown: bool = False) -> bool:
    """Whether all of the step's work is done and only its gate decision
    remains; a fact missing from `facts` counts as `unknown`."""
    return step in CHECKLIST and all(
        facts.get(fact, unknown) for fact, _text in CHECKLIST[step] if fact != f"gate_{step}"
    )


def criteria_count(*, answers: list[bool | None]) -> dict[str, int]:
    """How many selection criteria are met: "5 of 6"."""
    return {"yes": sum(1 for a in answers if a is True), "total": len(answers)}


def activity_progress(*, statuses: list[str]) -> dict[str, int]:
    """Step 3's activities: done out of the relevant ones (not relevant ones
    do not count), and the share done in percent."""
    relevant = sum(1 for s in statuses if s != "not_relevant")
    done = statuses.count("done")
    return {
        "done": done,
        "relevant": relevant,
        "percent": round(100 * done / relevant) if relevant else 0,
    }
