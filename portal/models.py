from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from projects.models import Unit


class UnitRating(models.Model):
    """A leader's rating of a unit's innovation ambition against its capacity."""

    class Level(models.TextChoices):
        LOW = "low", _("Low")
        HIGH = "high", _("High")

    unit = models.OneToOneField(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="rating"
    )
    ambition = models.CharField(_("innovation ambition"), max_length=4, choices=Level)
    capacity = models.CharField(_("innovation capacity"), max_length=4, choices=Level)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version", "updated_at"])

    class Meta:
        verbose_name = _("unit rating")
        verbose_name_plural = _("unit ratings")

    def __str__(self) -> str:
        return str(self.unit)


class DeckBundle(models.Model):
    """Several projects' decks in one PDF, built in the background."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Building")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deck_bundles"
    )
    project_ids = models.JSONField(default=list)
    language = models.CharField(max_length=10)
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    pdf = models.BinaryField(null=True, editable=False)
    # The projects at their change stamps when asked for (see portal.bundles).
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["requested_by", "created_at"]),
            models.Index(fields=["created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.total} decks ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @staticmethod
    def lifetime() -> timedelta:
        """How long a bundle is kept (settings.DECK_BUNDLE_HOURS)."""
        return timedelta(hours=settings.DECK_BUNDLE_HOURS)

    @property
    def expires_at(self) -> datetime:
        return self.created_at + self.lifetime()

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0
