"""The plan itself, its costs and its review trail."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from projects.models import Project

from ..amounts import AmountField


class BenefitPlan(models.Model):
    """The benefit plan of one project (gevinstplan)."""

    class Currency(models.TextChoices):
        NOK = "NOK", _("Norwegian kroner (NOK)")
        SEK = "SEK", _("Swedish kronor (SEK)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="benefit_plan")
    currency = models.CharField(_("currency"), max_length=3, choices=Currency, default="NOK")
    first_year = models.PositiveSmallIntegerField(
        _("first year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    horizon = models.PositiveSmallIntegerField(
        _("horizon (years)"), default=10, validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    discount_rate = models.DecimalField(
        _("discount rate (%)"),
        max_digits=5,
        decimal_places=2,
        default=4,
        validators=[MinValueValidator(0), MaxValueValidator(20)],
    )
    # How far (percentage points of achievement) a measurement may fall behind
    # its indicator's target path before it is a deviation (benefits.progress).
    progress_tolerance = models.DecimalField(
        _("tolerance against the target path (%)"),
        max_digits=5,
        decimal_places=2,
        default=10,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    # The accountable owner of the plan's benefits (gevinsteier), a line
    # manager: a member of the project, or someone outside it by name and role.
    accountable = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("benefit owner (accountable)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accountable_plans",
    )
    accountable_name = models.CharField(_("name"), max_length=200, blank=True)
    accountable_role = models.CharField(_("role"), max_length=200, blank=True)
    # Counts the plan's drafts: an approved plan that is changed becomes draft n + 1.
    edition = models.PositiveIntegerField(_("revision"), default=1)
    # Bumped on every change of the plan's own fields; stale forms are refused.
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("benefit plan")
        verbose_name_plural = _("benefit plans")

    def __str__(self) -> str:
        return str(_("Benefit plan"))

    @property
    def locked(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def editable(self) -> bool:
        """Only a draft or a returned plan changes; an approved one needs a revision."""
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.first_year + self.horizon))


class Cost(models.Model):
    """An implementation cost in one year."""

    class Kind(models.TextChoices):
        ONE_OFF = "one_off", _("One-off")
        RUNNING = "running", _("Running")

    plan = models.ForeignKey(BenefitPlan, on_delete=models.CASCADE, related_name="costs")
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ONE_OFF)
    expected = AmountField(_("expected"))
    low = AmountField(_("low"), null=True, blank=True)
    high = AmountField(_("high"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("cost")
        verbose_name_plural = _("costs")

    def __str__(self) -> str:
        return self.title


class PlanEvent(models.Model):
    """A submission or a decision on the plan, kept for good."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")
        REOPENED = "reopened", _("Revision started")
        DISCARDED = "discarded", _("Revision discarded")

    plan = models.ForeignKey(BenefitPlan, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=Action)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True, max_length=4000)
    edition = models.PositiveIntegerField(_("revision"))
    # The plan as approved, readable after later changes.
    snapshot = models.JSONField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["snapshot"])

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("review entry")
        verbose_name_plural = _("review entries")

    def __str__(self) -> str:
        return self.get_action_display()
