"""The lists of the step pages (experiments, goals, suppliers, …) share one way
of being shown, added to, edited and deleted in place. Each is described here
once, with the page it is on and the piece of that page drawn from it;
views/sections.py serves them all through the same views."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.db import models
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from projects.models import (
    Activity,
    DesignPrinciple,
    Experiment,
    Goal,
    IdentifiedBenefit,
    JourneyStage,
    Lesson,
    Measure,
    Stakeholder,
    Supplier,
    SupplierDialogue,
    Touchpoint,
    TrialEntry,
    UserProfile,
)
from projects.people import person_name

from . import drawn as d
from . import forms as f


@dataclass(frozen=True)
class Drawn:
    """A piece of the section's page drawn from the section's rows (see drawn.py)."""

    partial: str  # the partial of the page's template that shows it
    context: Callable[..., dict]  # (project, rows) -> the partial's context


@dataclass(frozen=True)
class Section:
    slug: str  # URL segment and element id
    model: type[models.Model]
    form: type
    title: str | Promise
    intro: str | Promise
    page: str  # URL name of the page the section lives on
    add_label: str | Promise = _("Add")
    display: tuple[str, ...] = ()  # fields shown under the heading, in order
    fixed: dict = field(default_factory=dict)  # set on new rows and used to filter
    related: tuple[str, ...] = ()
    can_add: bool = True
    can_delete: bool = True
    # False when the page lists the rows itself (the matrix's ordered table):
    # the section then holds only the add form and, while editing, the edit form.
    list_items: bool = True
    # _rows.html, or a template that extends it to show the rows differently
    rows_template: str = "projects/steps/_rows.html"
    drawn: Drawn | None = None

    def queryset(self, project):
        qs = self.model.objects.filter(project=project, **self.fixed)
        if self.related:
            qs = qs.select_related(*self.related)
        return qs

    def drawn_context(self, project, rows=None) -> dict:
        """The context of the piece of the page drawn from this list, from
        `rows` when they are loaded already."""
        return self.drawn.context(project, list(self.queryset(project)) if rows is None else rows)

    @cached_property
    def _display_fields(self) -> list[tuple[str, models.Field, dict | None]]:
        """(name, field, choices by value) of the display fields, looked up once.
        The labels stay lazy; get_FOO_display() would translate every label of
        the field on each call."""
        result = []
        for name in self.display:
            fld = self.model._meta.get_field(name)
            choices = dict(fld.flatchoices) if fld.choices and not fld.is_relation else None
            result.append((name, fld, choices))
        return result

    def facts(self, items) -> list[list[tuple[str, str]]]:
        """For each item, (label, text) of its filled-in display fields; the
        labels are translated once for the whole list."""
        fields = [
            (name, fld, str(fld.verbose_name).capitalize(), choices)
            for name, fld, choices in self._display_fields
        ]
        return [self._facts(item, fields) for item in items]

    @staticmethod
    def _facts(item, fields) -> list[tuple[str, str]]:
        result = []
        for name, fld, label, choices in fields:
            value = getattr(item, name)
            if value is None or value == "":
                continue
            if choices is not None:
                value = choices.get(value, value)
            elif hasattr(value, "strftime"):
                value = formats.date_format(value, "SHORT_DATE_FORMAT")
            elif fld.is_relation:
                value = person_name(value) if name == "responsible" else value
            result.append((label, str(value)))
        return result


SECTIONS = {
    s.slug: s
    for s in [
        Section(
            "experiments",
            Experiment,
            f.ExperimentForm,
            _("Experiments (build – measure – learn)"),
            _(
                "Test the hypothesis in small steps: build a simple experiment or prototype, "
                "measure how it is received, learn, and decide whether to persevere, pivot or stop."
            ),
            "projects:step-hypothesis",
            add_label=_("Log an experiment"),
            display=(
                "date",
                "prototype",
                "measure",
                "result",
                "learning",
                "decision",
                "responsible",
            ),
            related=("responsible",),
        ),
        Section(
            "goals",
            Goal,
            f.GoalForm,
            _("Goals"),
            _(
                "Goals for the users, the service and the organisation. Say for each how you "
                "will recognise that it has been reached."
            ),
            "projects:step-goals",
            add_label=_("Add a goal"),
            display=("level", "description", "success", "responsible"),
            related=("responsible",),
        ),
        Section(
            "principles",
            DesignPrinciple,
            f.DesignPrincipleForm,
            _("Design principles"),
            _("The principles every solution must follow, e.g. “digital first, but not only”."),
            "projects:step-goals",
            add_label=_("Add a design principle"),
            display=("description",),
        ),
        Section(
            "benefits",
            IdentifiedBenefit,
            f.IdentifiedBenefitForm,
            _("Identified benefits"),
            _(
                "The benefits you see so far. In step 3 the benefit plan takes them over, "
                "with owners, values and indicators."
            ),
            "projects:step-goals",
            add_label=_("Add a benefit"),
            display=("kind", "description"),
        ),
        Section(
            "activities",
            Activity,
            f.ActivityForm,
            _("The eleven activities"),
            _(
                "Every project in step 3 works through these. "
                "Mark what does not apply as not relevant."
            ),
            "projects:step-deliver",
            related=("responsible",),
            can_add=False,
            can_delete=False,
            rows_template="projects/steps/_activity.html",
            drawn=Drawn("progress", d.activity_progress),
        ),
        Section(
            "suppliers",
            Supplier,
            f.SupplierForm,
            _("Suppliers"),
            _(
                "Who delivers what, who is responsible for innovation, and how able they are "
                "to improve things on their own (proactive) and to answer what you ask (reactive)."
            ),
            "projects:step-deliver",
            add_label=_("Add a supplier"),
            display=(
                "delivers",
                "responsibility",
                "area",
                "proactive",
                "proactive_note",
                "reactive",
                "reactive_note",
            ),
        ),
        Section(
            "dialogues",
            SupplierDialogue,
            f.SupplierDialogueForm,
            _("Supplier dialogue log"),
            _("Meetings and talks with the suppliers, and what happens next."),
            "projects:step-deliver",
            add_label=_("Log a dialogue"),
            display=("date", "summary", "next_step"),
            related=("supplier",),
            rows_template="projects/steps/_dialogue.html",
        ),
        Section(
            "touchpoints",
            Touchpoint,
            f.TouchpointForm,
            _("Touchpoints"),
            _("Where the users meet the solution: digital, physical and interpersonal."),
            "projects:step-deliver",
            add_label=_("Add a touchpoint"),
            display=("kind", "status", "description"),
        ),
        Section(
            "journey-today",
            JourneyStage,
            f.JourneyStageForm,
            _("Service journey today"),
            _("The stages the user goes through today, in order."),
            "projects:step-deliver",
            add_label=_("Add a stage"),
            display=("actor", "channel", "touchpoints", "pain_points"),
            fixed={"journey": JourneyStage.Journey.TODAY},
            rows_template="projects/steps/_stage.html",
        ),
        Section(
            "journey-future",
            JourneyStage,
            f.JourneyStageForm,
            _("Service journey in the future"),
            _("The stages as they will be with the new solution, in order."),
            "projects:step-deliver",
            add_label=_("Add a stage"),
            display=("actor", "channel", "touchpoints", "pain_points"),
            fixed={"journey": JourneyStage.Journey.FUTURE},
            rows_template="projects/steps/_stage.html",
        ),
        Section(
            "trials",
            TrialEntry,
            f.TrialEntryForm,
            _("Trial log"),
            _("What happened during the trial: questions, concerns and positive feedback."),
            "projects:step-deliver",
            add_label=_("Log the trial"),
            display=("date", "questions", "concerns", "positive"),
        ),
        Section(
            "lessons",
            Lesson,
            f.LessonForm,
            _("Lessons learned"),
            _("What you would do again, and what you would do differently."),
            "projects:step-deliver",
            add_label=_("Add a lesson"),
            display=("description",),
        ),
        Section(
            "stakeholders",
            Stakeholder,
            f.StakeholderForm,
            _("Stakeholders"),
            _(
                "Everyone who affects or is affected by the project, "
                "with interest and influence 1–5."
            ),
            "projects:stakeholders",
            add_label=_("Add a stakeholder"),
            display=("role", "interest", "influence", "needs", "involvement"),
            drawn=Drawn("map", d.stakeholder_map),
        ),
        Section(
            "profiles",
            UserProfile,
            f.UserProfileForm,
            _("User profiles"),
            _("Who the users are: their jobs to be done, pains, gains, needs, in their own words."),
            "projects:stakeholders",
            add_label=_("Add a user profile"),
            display=("description", "jobs", "pains", "gains", "needs", "quotes"),
        ),
        Section(
            "measures",
            Measure,
            f.MeasureForm,
            _("Measures"),
            _("Add the measures (tiltak) to place in the matrix. Edit one from the table above."),
            "projects:matrix",
            add_label=_("Add a measure"),
            display=("description", "benefit", "effort", "status", "goal", "responsible"),
            related=("goal", "responsible"),
            list_items=False,
            drawn=Drawn("priorities", d.priorities),
        ),
    ]
}
