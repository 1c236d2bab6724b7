"""The work of the three steps: the project's single texts (ProjectFlow), the
gate decisions, the lists of steps 1 and 2, the stakeholder map, the user
profiles and the prioritization matrix's measures. Step 3's lists are in
deliver.py.

Rows that belong to one project carry `version` (a stale edit is refused) and
are recorded in history (registered in apps.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from ..versioning import ProjectRow
from .core import Project


def responsible_field() -> models.ForeignKey:
    """The person who carries a row's work: one of the project's editors, or
    no one (left so when they leave the project; see responsibilities.py)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )


class BenefitKind(models.TextChoices):
    """The kinds of benefit in Norwegian benefit-realisation guidance."""

    COSTS_AVOIDED = "costs_avoided", _("Costs avoided")
    TIME_SAVED = "time_saved", _("Time saved")
    QUALITY = "quality", _("Quality")
    OTHER = "other", _("Other")


class IdentifiedBenefit(ProjectRow):
    """A benefit named while setting goals (step 2). The benefit plan adopts it
    (benefits.Benefit points back here), so nothing is typed twice."""

    project_related_name = "identified_benefits"

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=BenefitKind, default=BenefitKind.OTHER
    )
    description = models.TextField(_("description"), blank=True, max_length=2000)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("identified benefit")
        verbose_name_plural = _("identified benefits")

    def __str__(self) -> str:
        return self.title


class Measure(ProjectRow):
    """A measure (tiltak) in the prioritization matrix."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    SCORES = [(n, str(n)) for n in range(1, 6)]

    project_related_name = "measures"

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    benefit = models.PositiveSmallIntegerField(
        _("benefit"), choices=SCORES, default=3, help_text=_("Effect and importance to users, 1–5.")
    )
    effort = models.PositiveSmallIntegerField(
        _("effort"), choices=SCORES, default=3, help_text=_("Cost and difficulty, 1–5.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PROPOSED)
    goal = models.ForeignKey(
        "Goal",
        verbose_name=_("goal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
    )
    responsible = responsible_field()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(benefit__gte=1, benefit__lte=5, effort__gte=1, effort__lte=5),
                name="measure_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return self.title


SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class LowHigh(models.TextChoices):
    LOW = "low", _("Low")
    HIGH = "high", _("High")


class ProjectFlow(models.Model):
    """The project's single texts of the three steps: the hypothesis, the
    selection criteria, the bimodal placement and the delivery status. One row
    per project, created on the first save."""

    CRITERIA = [
        ("isolated", _("Isolated from core systems")),
        ("quick", _("Can be done quickly")),
        ("external_value", _("Creates external value")),
        ("innovation", _("Is an innovation")),
        ("partner", _("Has an engaged partner")),
        ("uncertain", _("Uncertain requirements and low complexity")),
    ]

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="flow")
    hypothesis_project = models.TextField(_("We believe that"), blank=True, max_length=1000)
    hypothesis_value = models.TextField(_("will result in"), blank=True, max_length=1000)
    hypothesis_measures = models.TextField(
        _("we know we have succeeded when"), blank=True, max_length=1000
    )
    isolated = models.BooleanField(_("Isolated from core systems"), null=True)
    isolated_note = models.CharField(
        pgettext_lazy("selection criterion", "note"), blank=True, max_length=500
    )
    quick = models.BooleanField(_("Can be done quickly"), null=True)
    quick_note = models.CharField(
        pgettext_lazy("selection criterion", "note"), blank=True, max_length=500
    )
    external_value = models.BooleanField(_("Creates external value"), null=True)
    external_value_note = models.CharField(
        pgettext_lazy("selection criterion", "note"), blank=True, max_length=500
    )
    innovation = models.BooleanField(_("Is an innovation"), null=True)
    innovation_note = models.CharField(
        pgettext_lazy("selection criterion", "note"), blank=True, max_length=500
    )
    partner = models.BooleanField(_("Has an engaged partner"), null=True)
    partner_note = models.CharField(
        pgettext_lazy("selection criterion", "note"), blank=True, max_length=500
    )
    uncertain = models.BooleanField(_("Uncertain requirements and low complexity"), null=True)
    uncertain_note = models.CharField(
        pgettext_lazy("selection criterion", "note"), blank=True, max_length=500
    )
    mode1_effect = models.CharField(
        _("effect on mode 1"), max_length=10, choices=LowHigh, blank=True
    )
    bimodal_maturity = models.CharField(
        _("bimodal maturity"), max_length=10, choices=LowHigh, blank=True
    )
    implementation_status = models.TextField(
        _("status of implementation"), blank=True, max_length=4000
    )
    remaining_here = models.TextField(_("remaining work here"), blank=True, max_length=4000)
    remaining_elsewhere = models.TextField(
        _("remaining work at other actors"), blank=True, max_length=4000
    )
    operation = models.TextField(
        _("how the solution is managed in operation"), blank=True, max_length=4000
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("step texts")
        verbose_name_plural = _("step texts")

    def __str__(self) -> str:
        return str(_("Step texts"))


class GateDecision(models.Model):
    """The commissioning owner's (or a leader's) decision at the end of a step."""

    class Decision(models.TextChoices):
        GO_ON = "go_on", _("Go on")
        ITERATE = "iterate", _("Iterate")
        STOP = "stop", _("Stop")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="gate_decisions")
    step = models.CharField(_("step"), max_length=20, choices=Project.Step)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision)
    comment = models.TextField(_("comment"), max_length=4000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_at", "pk"]
        verbose_name = _("gate decision")
        verbose_name_plural = _("gate decisions")

    def __str__(self) -> str:
        return f"{self.get_step_display()}: {self.get_decision_display()}"


class Experiment(ProjectRow):
    """One round of build–measure–learn."""

    class Decision(models.TextChoices):
        PERSEVERE = "persevere", _("Persevere")
        PIVOT = "pivot", _("Pivot")
        STOP = "stop", _("Stop")

    project_related_name = "experiments"

    date = models.DateField(_("date"))
    title = models.CharField(_("what we test"), max_length=200)
    prototype = models.TextField(_("experiment or prototype"), blank=True, max_length=2000)
    measure = models.TextField(_("what we measure"), blank=True, max_length=2000)
    result = models.TextField(_("result"), blank=True, max_length=2000)
    learning = models.TextField(_("what we learned"), blank=True, max_length=2000)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision, blank=True)
    responsible = responsible_field()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("experiment")
        verbose_name_plural = _("experiments")

    def __str__(self) -> str:
        return self.title


class Goal(ProjectRow):
    class Level(models.TextChoices):
        USER = "user", _("User")
        SERVICE = "service", _("Service")
        ORGANISATION = "organisation", _("Organisation")

    project_related_name = "goals"

    level = models.CharField(_("goal for"), max_length=20, choices=Level)
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    success = models.TextField(_("how success is recognised"), blank=True, max_length=2000)
    responsible = responsible_field()

    class Meta:
        ordering = ["level", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.title


class DesignPrinciple(ProjectRow):
    project_related_name = "design_principles"

    title = models.CharField(_("principle"), max_length=200)
    description = models.TextField(_("what it means for us"), blank=True, max_length=2000)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("design principle")
        verbose_name_plural = _("design principles")

    def __str__(self) -> str:
        return self.title


class Stakeholder(ProjectRow):
    """An actor in the stakeholder map (aktørkart)."""

    project_related_name = "stakeholders"

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("organisation or role"), blank=True, max_length=200)
    interest = models.PositiveSmallIntegerField(_("interest"), choices=SCORE_CHOICES, default=3)
    influence = models.PositiveSmallIntegerField(_("influence"), choices=SCORE_CHOICES, default=3)
    needs = models.TextField(_("needs"), blank=True, max_length=2000)
    involvement = models.TextField(_("how we involve them"), blank=True, max_length=2000)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    interest__gte=1, interest__lte=5, influence__gte=1, influence__lte=5
                ),
                name="stakeholder_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return self.name


class UserProfile(ProjectRow):
    """A user profile (brukerprofil): who the users are and what they need."""

    project_related_name = "user_profiles"

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    jobs = models.TextField(_("jobs to be done"), blank=True, max_length=2000)
    pains = models.TextField(_("pains"), blank=True, max_length=2000)
    gains = models.TextField(_("gains"), blank=True, max_length=2000)
    needs = models.TextField(_("needs"), blank=True, max_length=2000)
    quotes = models.TextField(_("quotes"), blank=True, max_length=2000)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("user profile")
        verbose_name_plural = _("user profiles")

    def __str__(self) -> str:
        return self.title
