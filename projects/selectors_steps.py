"""Reads for the step pages' checklist: what exists of each step's work."""

from django.db.models import Exists, OuterRef, Q

from .models import (
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


def flow_facts(project: Project) -> dict[str, bool]:
    """Facts for `progress.steps_for`, in one query however much work exists."""
    criteria = Q(**{f"{key}__isnull": False for key, _label in ProjectFlow.CRITERIA})
    flow = ProjectFlow.objects.filter(project=OuterRef("pk"))
    open_activity = Q(status__in=[Activity.Status.NOT_STARTED, Activity.Status.IN_PROGRESS])
    annotations = {
        "has_hypothesis": Exists(
            flow.exclude(hypothesis_project="")
            .exclude(hypothesis_value="")
            .exclude(hypothesis_measures="")
        ),
        "criteria_answered": Exists(flow.filter(criteria)),
        "has_bimodal": Exists(flow.exclude(mode1_effect="").exclude(bimodal_maturity="")),
        "has_operation": Exists(flow.exclude(operation="")),
        "has_experiment": _has(Experiment),
        "has_stakeholders": _has(Stakeholder),
        "has_profiles": _has(UserProfile),
        "has_user_goal": _has(Goal, level=Goal.Level.USER),
        "has_service_goal": _has(Goal, level=Goal.Level.SERVICE),
        "has_org_goal": _has(Goal, level=Goal.Level.ORGANISATION),
        "has_principles": _has(DesignPrinciple),
        "has_benefits": _has(IdentifiedBenefit),
        "has_activities": _has(Activity),
        "has_open_activity": Exists(Activity.objects.filter(open_activity, project=OuterRef("pk"))),
        "has_suppliers": _has(Supplier),
        "has_touchpoints": _has(Touchpoint),
        "has_future_journey": _has(JourneyStage, journey=JourneyStage.Journey.FUTURE),
        "has_measures": _has(Measure),
        "has_trials": _has(TrialEntry),
        "has_lessons": _has(Lesson),
        **{
            f"gate_{step}": _has(GateDecision, step=step, decision=GateDecision.Decision.GO_ON)
            for step in ("hypothesis", "goals", "deliver")
        },
    }
    row = Project.objects.filter(pk=project.pk).annotate(**annotations).values(*annotations)[0]
    facts = dict(row)
    facts["has_all_goals"] = (
        row["has_user_goal"] and row["has_service_goal"] and row["has_org_goal"]
    )
    facts["activities_done"] = row["has_activities"] and not row["has_open_activity"]
    return facts
