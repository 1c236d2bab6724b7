"""What the portal tells a person: one row per recipient and event."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from projects.models import Project


class Kind(models.TextChoices):
    MENTIONED = "mentioned", _("You are mentioned")
    MADE_RESPONSIBLE = "made_responsible", _("You are made responsible")
    GATE_WAITING = "gate_waiting", _("A gate waits for your decision")
    PLAN_SUBMITTED = "plan_submitted", _("A benefit plan is submitted to you")
    PLAN_RETURNED = "plan_returned", _("Your benefit plan is returned")
    PLAN_APPROVED = "plan_approved", _("Your benefit plan is approved")
    ROLE_CHANGED = "role_changed", _("Your role changed")
    DUE = "due", _("Due or overdue")


class Notification(models.Model):
    """One event told to one person. `label` is the item's name in the
    recipient's language when it was made; `url` the path of the item."""

    class Mail(models.TextChoices):
        PENDING = "pending"  # waits for the per-event e-mail or the digest
        SENT = "sent"
        NONE = "none"  # the person wants no e-mail, or has no address

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30, choices=Kind)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    label = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    due = models.DateField(null=True)  # for DUE: the item's due date
    # Makes an event told once: "activity:12:2026-11-30" (empty: no such limit).
    key = models.CharField(max_length=120, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True)
    mail = models.CharField(max_length=10, choices=Mail, default=Mail.PENDING)

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [
            # The header's unread count and the inbox, newest first.
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["recipient", "-created"], name="notification_inbox"),
            models.Index(fields=["mail", "recipient"], name="notification_mail"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~models.Q(key=""),
                name="notification_told_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}: {self.label}"

    @property
    def unread(self) -> bool:
        return self.read_at is None

    @property
    def overdue(self) -> bool:
        return self.due is not None and self.due < timezone.localdate()

    @property
    def text(self) -> str:
        """What it says, in the active language (plain text: templates escape it).
        Worded here, not in a template, as the inbox shows 25 at once
        ("page: inbox (200 notifications)" in bench/notifications.py)."""
        if self.kind == Kind.DUE and self.due is not None:
            if self.overdue:
                wording = gettext("%(label)s was due %(due)s")
            else:
                wording = gettext("%(label)s is due %(due)s")
            return wording % {
                "label": self.label,
                "due": date_format(self.due, "SHORT_DATE_FORMAT"),
            }
        return str(WORDING.get(self.kind, "%(label)s")) % {"label": self.label}


WORDING = {
    Kind.MENTIONED: _("You were mentioned: %(label)s"),
    Kind.MADE_RESPONSIBLE: _("You were made responsible for %(label)s"),
    Kind.GATE_WAITING: _("The gate of %(label)s waits for your decision"),
    Kind.PLAN_SUBMITTED: _("The benefit plan is submitted to you for decision"),
    Kind.PLAN_RETURNED: _("The benefit plan was returned"),
    Kind.PLAN_APPROVED: _("The benefit plan was approved"),
    Kind.ROLE_CHANGED: _("Your role is now: %(label)s"),
}
