from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Unit(models.Model):
    """An organisational unit (a municipality's department, a health trust's clinic)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name


class Project(models.Model):
    class Step(models.TextChoices):
        HYPOTHESIS = "hypothesis", _("Hypothesis")
        GOALS = "goals", _("Goals")
        DELIVER = "deliver", _("Deliver solution")
        OPERATION = "operation", _("In operation")

    class Status(models.TextChoices):
        ON_TRACK = "on_track", _("On track")
        AT_RISK = "at_risk", _("At risk")
        OFF_TRACK = "off_track", _("Off track")

    class FunnelStage(models.TextChoices):
        IDEA = "idea", _("Idea")
        MATCHING = "matching", _("Matching")
        PROJECT = "project", _("Project")
        OPERATION = "operation", _("In operation")
        STOPPED = "stopped", _("Stopped")

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, max_length=4000)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, null=True, blank=True
    )
    step = models.CharField(_("step"), max_length=20, choices=Step, default=Step.HYPOTHESIS)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ON_TRACK)
    funnel_stage = models.CharField(
        _("funnel stage"), max_length=20, choices=FunnelStage, default=FunnelStage.IDEA
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    archived = models.BooleanField(_("archived"), default=False)
    # Bumped on every save; a form posted with an older value is refused.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="projects"
    )
    history = HistoricalRecords(excluded_fields=["version", "updated_at", "created_at"])

    class Meta:
        ordering = ["title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(target_date__isnull=True)
                | models.Q(target_date__gte=models.F("start_date")),
                name="project_target_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.pk])


class Membership(models.Model):
    class Role(models.TextChoices):
        TEAM_MEMBER = "team_member", _("Team member")
        SOLUTION_OWNER = "solution_owner", _("Solution owner")
        COMMISSIONING_OWNER = "commissioning_owner", _("Commissioning owner")
        VIEWER = "viewer", _("Viewer")

    # Roles that may change the project's content.
    EDITOR_ROLES = frozenset({Role.TEAM_MEMBER, Role.SOLUTION_OWNER})

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role, default=Role.TEAM_MEMBER)
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "user__username"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="one_membership_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    @property
    def is_editor(self) -> bool:
        return self.role in self.EDITOR_ROLES


class BenefitKind(models.TextChoices):
    """The kinds of benefit in Norwegian benefit-realisation guidance."""

    COSTS_AVOIDED = "costs_avoided", _("Costs avoided")
    TIME_SAVED = "time_saved", _("Time saved")
    QUALITY = "quality", _("Quality")
    OTHER = "other", _("Other")


class IdentifiedBenefit(models.Model):
    """A benefit named while setting goals (step 2). The benefit plan adopts it
    (benefits.Benefit points back here), so nothing is typed twice."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="identified_benefits"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=BenefitKind, default=BenefitKind.OTHER
    )
    description = models.TextField(_("description"), blank=True, max_length=2000)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("identified benefit")
        verbose_name_plural = _("identified benefits")

    def __str__(self) -> str:
        return self.title


class Measure(models.Model):
    """A measure (tiltak) in the prioritization matrix."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    SCORES = [(n, str(n)) for n in range(1, 6)]

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="measures")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    benefit = models.PositiveSmallIntegerField(
        _("benefit"), choices=SCORES, default=3, help_text=_("Effect and importance to users, 1–5.")
    )
    effort = models.PositiveSmallIntegerField(
        _("effort"), choices=SCORES, default=3, help_text=_("Cost and difficulty, 1–5.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PROPOSED)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

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
