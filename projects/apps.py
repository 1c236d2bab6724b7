from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _step_label(row, refs: dict) -> str:
    """How a recorded row of the step work is named in the project's history."""
    from .history_words import default_label

    match row.instance_type.__name__:
        case "Activity":
            return row.get_key_display()
        case "GateDecision":
            return f"{row.get_step_display()}: {row.get_decision_display()}"
        case "ProjectFlow":
            return str(_("Step texts"))
        case "SupplierDialogue":
            return f"{row.date:%d.%m.%Y}"
    return default_label(row, refs)


# The single texts of the step pages, by the part of the page that edits them.
_FLOW_PARTS = {
    "hypothesis": _("the hypothesis"),
    "criteria": _("the selection criteria"),
    "bimodal": _("the bimodal placement"),
    "implementation": _("the implementation status"),
}


def _flow_subject(names: set[str]) -> str | None:
    """Which of the step texts a change changed: "the hypothesis"."""
    from .flow.pages import PARTS

    changed = [
        str(_FLOW_PARTS[key])
        for key, part in PARTS.items()
        if key in _FLOW_PARTS and names & set(part.form._meta.fields)
    ]
    return ", ".join(changed) or None


def _gate_cause(decision, who: str) -> str:
    """Who made a change that a gate decision made: the decision itself."""
    from django.utils import formats, timezone
    from django.utils.translation import gettext

    when = formats.date_format(timezone.localtime(decision.decided_at), "SHORT_DATE_FORMAT")
    return gettext("The gate decision of %(date)s") % {"date": when}


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self) -> None:
        from django.db.models import Q
        from django.urls import register_converter, reverse

        from . import history, history_words, models, navigation, responsibilities
        from .discussion import targets
        from .ids import IdConverter

        # Before any URLconf is loaded: every app's urls.py writes ids as <id:...>.
        register_converter(IdConverter, "id")
        from .models import IdentifiedBenefit, Measure, Membership, Project

        navigation.register(_("Overview"), "projects:detail", order=0)
        navigation.register(_("1 Hypothesis"), "projects:step-hypothesis", order=10)
        navigation.register(_("2 Goals"), "projects:step-goals", order=12)
        navigation.register(_("3 Deliver solution"), "projects:step-deliver", order=14)
        navigation.register(_("Stakeholders and users"), "projects:stakeholders", order=16)
        navigation.register(_("Prioritization"), "projects:matrix", order=18)
        navigation.register(_("Members"), "projects:members", order=80)
        navigation.register(_("History"), "projects:history", order=90)

        history.register(Project, project_lookup="id")
        history.register(
            Membership,
            project_lookup="project_id",
            label=history.membership_label,
            shown_whole=("role",),
        )
        history.register(
            models.GateDecision,
            project_lookup="project_id",
            label=_step_label,
            shown_whole=("decision", "comment"),
        )
        history_words.register_cause(
            models.GateDecision, project_lookup="project_id", words=_gate_cause
        )
        history.register(IdentifiedBenefit, project_lookup="project_id")
        # The step work, parents before children (a backup restores in this order):
        # Goal before Measure, Supplier before SupplierDialogue.
        for model in (
            models.ProjectFlow,
            models.GateDecision,
            models.Experiment,
            models.Goal,
            models.DesignPrinciple,
            models.Activity,
            models.Supplier,
            models.SupplierDialogue,
            models.Touchpoint,
            models.JourneyStage,
            models.TrialEntry,
            models.Lesson,
            models.Stakeholder,
            models.UserProfile,
            Measure,
        ):
            history.register(
                model,
                project_lookup="project_id",
                label=_step_label,
                subject=_flow_subject if model is models.ProjectFlow else None,
            )

        open_activity = models.Activity.Status
        responsibilities.register(
            models.Activity,
            field="responsible",
            project_lookup="project_id",
            # Begun or given a date: work that someone must carry.
            needed=lambda: (
                Q(status=open_activity.IN_PROGRESS)
                | Q(status=open_activity.NOT_STARTED, due_date__isnull=False)
            ),
            url=lambda row: (
                reverse("projects:step-deliver", args=[row.project_id]) + "#activity-progress"
            ),
            current=lambda: Q(status__in=[open_activity.NOT_STARTED, open_activity.IN_PROGRESS]),
            due=lambda row: row.due_date,
        )
        measure = Measure.Status
        responsibilities.register(
            Measure,
            field="responsible",
            project_lookup="project_id",
            # Decided on: someone must carry it out.
            needed=lambda: Q(status__in=[measure.PLANNED, measure.IN_PROGRESS]),
            current=lambda: ~Q(status__in=[measure.DONE, measure.DROPPED]),
            url=lambda row: (
                reverse("projects:matrix", args=[row.project_id]) + f"#priority-{row.pk}"
            ),
        )
        # An experiment runs until the team decides on it; goals are carried throughout.
        for model, page, slug, undecided in (
            (models.Experiment, "projects:step-hypothesis", "experiments", Q(decision="")),
            (models.Goal, "projects:step-goals", "goals", Q()),
        ):
            responsibilities.register(
                model,
                field="responsible",
                project_lookup="project_id",
                needed=lambda q=undecided: q,
                current=lambda q=undecided: q,
                url=lambda row, page=page, slug=slug: (
                    reverse(page, args=[row.project_id]) + f"#{slug}-{row.pk}"
                ),
            )
        history.register(models.Comment, project_lookup="project_id", label=_comment_label)
        _register_comment_targets(targets, reverse)


def _comment_label(row, refs: dict) -> str:
    from django.utils.text import Truncator

    return Truncator(row.text).chars(80)


def _register_comment_targets(targets, reverse) -> None:
    """What of the projects app members comment on, and where each is shown."""
    from .flow.progress import URL_NAMES
    from .models import Activity, Experiment, GateDecision, Measure, Project

    def on(name: str, anchor: str = ""):
        return lambda row: reverse(name, args=[row.project_id]) + anchor

    targets.register(
        Project, kind="project", project_lookup="id", url=lambda p: p.get_absolute_url()
    )
    targets.register(
        Experiment,
        kind="experiment",
        project_lookup="project_id",
        url=on("projects:step-hypothesis"),
    )
    targets.register(
        Measure, kind="measure", project_lookup="project_id", url=on("projects:matrix")
    )
    targets.register(
        Activity,
        kind="activity",
        project_lookup="project_id",
        url=on("projects:step-deliver", "#activity-progress"),
    )
    targets.register(
        GateDecision,
        kind="gate",
        project_lookup="project_id",
        url=lambda row: reverse(URL_NAMES[row.step], args=[row.project_id]) + "#gate",
    )
