"""Reads of the step work: what exists of each step's work (for the overview's
checklist), and the step work as lines for the project's slides."""

from django.db.models import Exists, OuterRef, Q

from projects.models import (
    Activity,
    DesignPrinciple,
    Experiment,
    GateDecision,
    Goal,
    IdentifiedBenefit,
    JourneyStage,
    Lesson,
    Measure,
    Project,
    ProjectFlow,
    Stakeholder,
    Supplier,
    Touchpoint,
    TrialEntry,
    UserProfile,
)


def _has(model, **filters):
    return Exists(model.objects.filter(project=OuterRef("pk"), **filters))


def _fact_annotations() -> dict:
    """Each fact's expression, made when asked for (fact name → () → expression)."""
    criteria = Q(**{f"{key}__isnull": False for key, _label in ProjectFlow.CRITERIA})
    open_activity = Q(status__in=[Activity.Status.NOT_STARTED, Activity.Status.IN_PROGRESS])

    def flow():
        return ProjectFlow.objects.filter(project=OuterRef("pk"))

    return {
        "has_hypothesis": lambda: Exists(
            flow()
            .exclude(hypothesis_project="")
            .exclude(hypothesis_value="")
            .exclude(hypothesis_measures="")
        ),
        "criteria_answered": lambda: Exists(flow().filter(criteria)),
        "has_bimodal": lambda: Exists(flow().exclude(mode1_effect="").exclude(bimodal_maturity="")),
        "has_operation": lambda: Exists(flow().exclude(operation="")),
        "has_experiment": lambda: _has(Experiment),
        "has_stakeholders": lambda: _has(Stakeholder),
        "has_profiles": lambda: _has(UserProfile),
        "has_user_goal": lambda: _has(Goal, level=Goal.Level.USER),
        "has_service_goal": lambda: _has(Goal, level=Goal.Level.SERVICE),
        "has_org_goal": lambda: _has(Goal, level=Goal.Level.ORGANISATION),
        "has_principles": lambda: _has(DesignPrinciple),
        "has_benefits": lambda: _has(IdentifiedBenefit),
        "has_activities": lambda: _has(Activity),
        "has_open_activity": lambda: Exists(
            Activity.objects.filter(open_activity, project=OuterRef("pk"))
        ),
        "has_suppliers": lambda: _has(Supplier),
        "has_touchpoints": lambda: _has(Touchpoint),
        "has_future_journey": lambda: _has(JourneyStage, journey=JourneyStage.Journey.FUTURE),
        "has_measures": lambda: _has(Measure),
        "has_trials": lambda: _has(TrialEntry),
        "has_lessons": lambda: _has(Lesson),
        **{
            f"gate_{step}": lambda step=step: _has(
                GateDecision, step=step, decision=GateDecision.Decision.GO_ON
            )
            for step in ("hypothesis", "goals", "deliver")
        },
    }


def _facts(row: dict) -> dict[str, bool]:
    facts = dict(row)
    if "has_user_goal" in row:
        facts["has_all_goals"] = (
            row["has_user_goal"] and row["has_service_goal"] and row["has_org_goal"]
        )
    if "has_activities" in row:
        facts["activities_done"] = row["has_activities"] and not row["has_open_activity"]
    return facts


def flow_facts(project: Project) -> dict[str, bool]:
    """Facts for `progress.steps_for`, in one query however much work exists."""
    return flow_facts_of(Project.objects.filter(pk=project.pk))[project.pk]


# The facts read to make up another: has_all_goals, activities_done.
_MADE_OF = {
    "has_all_goals": ("has_user_goal", "has_service_goal", "has_org_goal"),
    "activities_done": ("has_activities", "has_open_activity"),
}


def flow_facts_of(projects, names: set[str] | None = None) -> dict[int, dict[str, bool]]:
    """`flow_facts` of each of the projects (a queryset), by id: one query.
    With `names`, only those facts are read (the others are left out)."""
    made = _fact_annotations()
    if names is not None:
        wanted = {part for name in names for part in _MADE_OF.get(name, (name,))}
        made = {k: v for k, v in made.items() if k in wanted}
    annotations = {name: make() for name, make in made.items()}
    rows = projects.order_by().annotate(**annotations).values("pk", *annotations)
    return {row.pop("pk"): _facts(row) for row in rows}


def deck_sections(project: Project) -> dict[str, list[str]]:
    """The step work as short lines for the project's slides, keyed by the
    deck's sections; one query per list however long it is."""
    from django.utils.translation import gettext as _

    flow = ProjectFlow.objects.filter(project=project).first() or ProjectFlow()
    hypothesis = [
        f"{_('We believe that')} {flow.hypothesis_project}" if flow.hypothesis_project else "",
        f"{_('will result in')} {flow.hypothesis_value}" if flow.hypothesis_value else "",
        f"{_('we know we have succeeded when')} {flow.hypothesis_measures}"
        if flow.hypothesis_measures
        else "",
    ]
    answers = [getattr(flow, key) for key, _label in ProjectFlow.CRITERIA]
    criteria = []
    if any(a is not None for a in answers):
        criteria.append(
            _("%(yes)s of %(total)s") % {"yes": sum(1 for a in answers if a), "total": len(answers)}
        )
        criteria += [
            f"{label}: {_('Yes') if answer else _('No')}"
            for (key, label), answer in zip(ProjectFlow.CRITERIA, answers, strict=True)
            if answer is not None
        ]
    if flow.mode1_effect and flow.bimodal_maturity:
        criteria.append(
            f"{_('effect on mode 1').capitalize()}: {flow.get_mode1_effect_display()}, "
            f"{_('bimodal maturity')}: {flow.get_bimodal_maturity_display()}"
        )
    future = JourneyStage.objects.filter(project=project, journey=JourneyStage.Journey.FUTURE)
    return {
        "hypothesis": [line for line in hypothesis if line],
        "criteria": criteria,
        "profiles": [p.title for p in UserProfile.objects.filter(project=project)]
        + [s.name for s in Stakeholder.objects.filter(project=project).order_by("-influence")],
        "experiments": [
            f"{e.title}: {e.learning}" if e.learning else e.title
            for e in Experiment.objects.filter(project=project)
        ],
        "goals": [
            f"{g.get_level_display()}: {g.title}" for g in Goal.objects.filter(project=project)
        ],
        "final_solution": [
            f"{t.title} ({t.get_kind_display().lower()})"
            for t in Touchpoint.objects.filter(project=project)
        ],
        "journey": [
            f"{n}. {s.title}" for n, s in enumerate(future.order_by("position", "pk"), start=1)
        ],
        "implementation": [
            text
            for text in (flow.implementation_status, flow.remaining_here, flow.remaining_elsewhere)
            if text
        ],
        "operation": [flow.operation] if flow.operation else [],
        "lessons": [lesson.title for lesson in Lesson.objects.filter(project=project)],
    }
