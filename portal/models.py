from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from projects.models import Activity, Project, TemplatePart, Unit


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


class EmailChoice(models.TextChoices):
    EACH = "each", _("E-mail for each event")
    DIGEST = "digest", _("A daily digest")
    NONE = "none", _("No e-mail")


class Preference(models.Model):
    """What the portal remembers of a person: the language e-mails are written in
    and how notifications reach them by e-mail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    email = models.CharField(
        _("e-mail about notifications"),
        max_length=10,
        choices=EmailChoice,
        default=EmailChoice.DIGEST,
    )

    class Meta:
        verbose_name = _("preference")
        verbose_name_plural = _("preferences")

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"


class ActivityReminderSent(models.Model):
    """One e-mail per activity due this week and day."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "day"], name="one_activity_reminder_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.day}"


class ProjectTemplate(models.Model):
    """A proven project offered as the start of new ones. Its content is kept
    as a template file (see portal.blueprints), taken when a leader marked the
    project or uploaded from another installation, so it stays as it was."""

    # The project it was made from, when it is in this installation.
    project = models.OneToOneField(
        Project,
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="template",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what it achieved"), max_length=1000)
    source = models.CharField(_("source organisation"), max_length=200)
    data = models.TextField(editable=False)
    # Rows per part (projects.models.TemplatePart) and model: {"canvas": {"canvas.note": 9}}.
    contents = models.JSONField(default=dict, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("project template")
        verbose_name_plural = _("project templates")

    def __str__(self) -> str:
        return self.title

    @property
    def parts(self) -> list[tuple[str, str, list[tuple[str, int]]]]:
        """(key, label, [(what, how many), ...]) of each part the template holds."""

        def counts(rows: dict) -> list[tuple[str, int]]:
            return [
                (str(apps.get_model(label)._meta.verbose_name_plural), n)
                for label, n in rows.items()
            ]

        return [
            (key, label, counts(self.contents[key]))
            for key, label in TemplatePart.choices
            if self.contents.get(key)
        ]


# Registered with the portal app from its own package (portal.notifications).
from .notifications.models import Kind, Notification  # noqa: E402, F401
