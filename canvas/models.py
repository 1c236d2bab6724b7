from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from projects.models import Project

from .blocks import BLOCK_CHOICES, COLOUR_CHOICES

NOTE_MAX_LENGTH = 500


class Canvas(models.Model):
    """A Business Model Canvas board of a project (several per project allowed,
    e.g. "today" and "future")."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="canvases"
    )
    title = models.CharField(_("title"), max_length=200)
    # Bumped by every change of the board's notes; co-editors poll it cheaply.
    change_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["change_count", "created_at"])

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("canvas")
        verbose_name_plural = _("canvases")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("canvas:board", args=[self.project_id, self.pk])


class Note(models.Model):
    """A post-it on a canvas. Deleting only marks it, so it can be undone."""

    canvas = models.ForeignKey(
        Canvas, verbose_name=_("canvas"), on_delete=models.CASCADE, related_name="notes"
    )
    block = models.CharField(_("block"), max_length=30, choices=BLOCK_CHOICES)
    text = models.CharField(_("text"), max_length=NOTE_MAX_LENGTH)
    color = models.CharField(_("colour"), max_length=10, choices=COLOUR_CHOICES, default="yellow")
    hypothesis = models.BooleanField(_("hypothesis to test"), default=False)
    position = models.PositiveIntegerField(default=0)
    deleted = models.BooleanField(_("deleted"), default=False)
    # Bumped on every edit or move; a write from an older version is refused.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["version", "position", "created_by"])

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        indexes = [models.Index(fields=["canvas", "deleted", "block", "position"])]

    def __str__(self) -> str:
        return self.text


class Snapshot(models.Model):
    """A named copy of a board's notes at one moment, kept as plain data."""

    canvas = models.ForeignKey(
        Canvas, verbose_name=_("canvas"), on_delete=models.CASCADE, related_name="snapshots"
    )
    name = models.CharField(_("name"), max_length=200)
    # [{"id", "block", "text", "color", "hypothesis"}, ...] in board order.
    notes = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Taken and deleted in the project's history; the notes are the snapshot's own.
    history = HistoricalRecords(excluded_fields=["notes", "created_at", "created_by"])

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")

    def __str__(self) -> str:
        return self.name
