"""A planned benefit and its yearly values."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from projects.models import BenefitKind, IdentifiedBenefit, Measure

from .. import calculations, cofinancing
from ..amounts import AmountField
from .plan import BenefitPlan

# DFØ's scale for non-priced effects, from very negative to very positive.
ASSESSMENTS = [(n, cofinancing.plus_minus(n)) for n in range(-3, 4)]


class Benefit(models.Model):
    class Gainer(models.TextChoices):
        OWN_UNIT = "own_unit", _("Own unit")
        OTHER_PUBLIC = "other_public", _("Other public actors")
        CITIZENS = "citizens", _("Citizens and users")

    plan = models.ForeignKey(BenefitPlan, on_delete=models.CASCADE, related_name="benefits")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    kind = models.CharField(_("kind"), max_length=20, choices=BenefitKind, default="other")
    # The benefit's responsible person (gevinstansvarlig); the plan names one
    # accountable owner of all its benefits (BenefitPlan.accountable).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible for the benefit"),
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
    # A benefit that falls to another organisation names its owner there; the
    # responsible person inside the project may then be left empty.
    external_owner_name = models.CharField(_("external benefit owner"), max_length=200, blank=True)
    external_owner_org = models.CharField(
        _("external owner's organisation"), max_length=200, blank=True
    )
    # DFØ's plus-minus assessment of an effect not counted in money (−3 … +3).
    assessment = models.SmallIntegerField(
        _("plus-minus assessment"), choices=ASSESSMENTS, null=True, blank=True
    )
    assessment_reason = models.TextField(
        _("justification of the assessment"), blank=True, max_length=1000
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


class Realisation(models.Model):
    """What a benefit counted in money actually brought in one year, as the
    team records it (follow-up, allowed in every state of the plan)."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="realisations")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = AmountField(_("realised amount"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("realised benefit")
        verbose_name_plural = _("realised benefits")
        constraints = [
            models.UniqueConstraint(fields=["benefit", "year"], name="one_realisation_per_year")
        ]

    def __str__(self) -> str:
        return str(self.year)
