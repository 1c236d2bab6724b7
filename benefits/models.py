from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from projects.models import BenefitKind, IdentifiedBenefit, Measure, Project

from . import calculations
from .amounts import AmountField


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
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
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


class Benefit(models.Model):
    class Gainer(models.TextChoices):
        OWN_UNIT = "own_unit", _("Own unit")
        OTHER_PUBLIC = "other_public", _("Other public actors")
        CITIZENS = "citizens", _("Citizens and users")

    plan = models.ForeignKey(BenefitPlan, on_delete=models.CASCADE, related_name="benefits")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    kind = models.CharField(_("kind"), max_length=20, choices=BenefitKind, default="other")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("benefit owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_benefits",
    )
    gainer = models.CharField(_("who gains"), max_length=20, choices=Gainer, default="own_unit")
    measures = models.ManyToManyField(
        Measure, verbose_name=_("measures"), blank=True, related_name="planned_benefits"
    )
    source = models.ForeignKey(
        IdentifiedBenefit,
        verbose_name=_("identified benefit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="planned_benefits",
    )
    # Quality benefits are valued in their own unit (e.g. "share of visits on time").
    quality_unit = models.CharField(_("unit for quality"), max_length=60, blank=True)
    # Time saved counts as money only when both are recorded.
    alternative_use = models.CharField(
        _("alternative use of the freed time"), max_length=300, blank=True
    )
    use_decided_by = models.CharField(_("who decides the use"), max_length=200, blank=True)
    # A benefit followed up some other way than by an indicator says why.
    no_indicator_reason = models.CharField(
        _("followed up without an indicator, because"), max_length=500, blank=True
    )
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"], m2m_fields=[measures])

    class Meta:
        ordering = ["position", "pk"]
        # A context of its own: "benefit" is also the prioritization matrix's score.
        verbose_name = pgettext_lazy("benefit plan", "benefit")
        verbose_name_plural = pgettext_lazy("benefit plan", "benefits")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "source"],
                name="benefit_adopted_once",
                condition=models.Q(source__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def counted(self) -> bool:
        return calculations.counts_in_money(
            kind=self.kind, alternative_use=self.alternative_use, decided_by=self.use_decided_by
        )


class BenefitValue(models.Model):
    """A benefit's value in one year: expected, low and high, with its basis."""

    class Basis(models.TextChoices):
        DIRECT = calculations.DIRECT, _("Direct amount")
        TASKS = calculations.TASKS, _("Tasks avoided × cost per task")
        CONSUMPTION = calculations.CONSUMPTION, _("Consumption × expected reduction (%)")
        PRICE = calculations.PRICE, _("Old price − new price")
        HOURS = calculations.HOURS, _("Hours saved × hourly cost")

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"))
    basis = models.CharField(_("basis"), max_length=20, choices=Basis, default=Basis.DIRECT)
    a = AmountField(_("first factor"))
    b = AmountField(_("second factor"), null=True, blank=True)
    a_low = AmountField(_("first factor, low"), null=True, blank=True)
    b_low = AmountField(_("second factor, low"), null=True, blank=True)
    a_high = AmountField(_("first factor, high"), null=True, blank=True)
    b_high = AmountField(_("second factor, high"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["year"]
        verbose_name = _("yearly value")
        verbose_name_plural = _("yearly values")
        constraints = [
            models.UniqueConstraint(fields=["benefit", "year"], name="one_value_per_benefit_year")
        ]

    def __str__(self) -> str:
        return str(self.year)


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


class Indicator(models.Model):
    """A S.M.A.R.T.E indicator of a benefit."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")
        YEARLY = "yearly", _("Yearly")

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline_value = AmountField(_("baseline value"), null=True, blank=True)
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    target_value = AmountField(_("target value"), null=True, blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    method = models.CharField(_("measurement method"), max_length=300, blank=True)
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_indicators",
    )
    data_source = models.CharField(_("data source"), max_length=300, blank=True)
    specific_reason = models.CharField(_("why it is specific"), max_length=500, blank=True)
    specific_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("specific confirmed by"),
    )
    specific_at = models.DateTimeField(_("specific confirmed at"), null=True, blank=True)
    accepted_reason = models.CharField(_("why it is accepted"), max_length=500, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted confirmed by"),
    )
    accepted_at = models.DateTimeField(_("accepted confirmed at"), null=True, blank=True)
    realistic_reason = models.CharField(_("why it is realistic"), max_length=500, blank=True)
    realistic_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("realistic confirmed by"),
    )
    realistic_at = models.DateTimeField(_("realistic confirmed at"), null=True, blank=True)
    # Who last changed what the indicator says; they may not confirm its criteria.
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    value = AmountField(_("value"))
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Bumped when an import changes the measurement; a stale delete is refused.
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self) -> str:
        return f"{self.date}: {self.value}"


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


class ReminderSent(models.Model):
    """One overdue-measurement e-mail per indicator and day."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "day"], name="one_reminder_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.day}"
