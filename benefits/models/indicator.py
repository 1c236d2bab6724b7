"""A benefit's S.M.A.R.T.E indicators and their measurements."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ..amounts import AmountField
from .benefit import Benefit


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
