"""The project, its unit, its members and what the portal remembers of a person."""

import uuid

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


class TemplatePart(models.TextChoices):
    """What a project started from a template may copy from it."""

    HYPOTHESIS = "hypothesis", _("Hypothesis and selection criteria")
    CANVAS = "canvas", _("Canvas boards")
    STAKEHOLDERS = "stakeholders", _("Stakeholders and user profiles")
    GOALS = "goals", _("Goals, design principles and identified benefits")
    MEASURES = "measures", _("Measures of the prioritization matrix")
    BENEFITS = "benefits", _("Benefit plan: benefits, indicators and their basis")


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
    # Replaced on every recorded change of the project's data (see
    # projects.history.touch): what is cached of the project is keyed on it.
    # Replaced by every recorded change of the project's data (projects.history):
    # what is cached of the project is kept under it.
    change_stamp = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # A project started from a template names it and the parts copied from it.
    copied_from = models.CharField(_("copied from template"), max_length=200, blank=True)
    copied_parts = models.JSONField(_("parts copied"), default=list, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="projects"
    )
    history = HistoricalRecords(
        excluded_fields=[
            "version",
            "change_stamp",
            "updated_at",
            "created_at",
            "copied_from",
            "copied_parts",
        ]
    )

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

    @property
    def copied_parts_display(self) -> list[str]:
        labels = dict(TemplatePart.choices)
        return [str(labels[p]) for p in self.copied_parts if p in labels]


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
            models.UniqueConstraint(fields=["project", "user"], name="one_membership_per_user"),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(role="commissioning_owner"),
                name="one_commissioning_owner",
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(role="solution_owner"),
                name="one_solution_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    @property
    def is_editor(self) -> bool:
        return self.role in self.EDITOR_ROLES
