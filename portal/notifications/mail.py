"""Notifications by e-mail: one per event for those who chose it, and the
sections of the daily digest (portal.reminders) for the others. Both leave
out what the recipient can no longer see, and mark what they mailed."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation

from projects.selectors import users_who_see

from ..accounts import language_of
from ..models import EmailChoice
from .models import Kind, Notification
from .services import email_choices

PENDING, SENT, NONE = Notification.Mail.PENDING, Notification.Mail.SENT, Notification.Mail.NONE


def _visible(rows: list[Notification]) -> tuple[list[Notification], list[Notification]]:
    """The rows whose recipient still sees the project, and the others."""
    keep, drop = [], []
    by_project: dict[int, set[int]] = {}
    for n in rows:
        by_project.setdefault(n.project_id, set()).add(n.recipient_id)
    seen = {
        project_id: users_who_see(project_id=project_id, user_ids=ids)
        for project_id, ids in by_project.items()
    }
    for n in rows:
        (keep if n.recipient_id in seen[n.project_id] else drop).append(n)
    return keep, drop


def event_send(*, notification_id: int) -> bool:
    """Send the notification's e-mail unless it went already, the person has
    no address, or can no longer see the project. Whether one was sent."""
    n = (
        Notification.objects.select_related("recipient", "project", "actor")
        .filter(pk=notification_id, mail=PENDING)
        .first()
    )
    if n is None:
        return False
    keep, _drop = _visible([n])
    if not keep or not n.recipient.email:
        Notification.objects.filter(pk=n.pk).update(mail=NONE)
        return False
    context = {"n": n, "user": n.recipient, "base_url": settings.PORTAL_BASE_URL}
    with translation.override(language_of(n.recipient)):
        subject = render_to_string("notifications/email_subject.txt", context).strip()
        body = render_to_string("notifications/email.txt", context)
    with transaction.atomic():
        if not Notification.objects.filter(pk=n.pk, mail=PENDING).update(mail=SENT):
            return False  # another worker sent it
        EmailMessage(subject, body, to=[n.recipient.email]).send()
    return True


def digest_pending() -> dict:
    """user → their notifications waiting for the digest (due items are in
    the digest's reminder lists instead), oldest first. Those of people who
    chose e-mail for each event stay for the task worker; those the person can
    no longer see, or who has no address or now wants no e-mail, are never mailed."""
    rows = list(
        Notification.objects.filter(mail=PENDING)
        .select_related("recipient", "project", "actor")
        .order_by("created", "pk")
    )
    choices = email_choices({n.recipient_id for n in rows})
    rows = [n for n in rows if choices[n.recipient_id][1] != EmailChoice.EACH]
    keep, drop = _visible(rows)
    drop += [n for n in keep if not n.recipient.email or choices[n.recipient_id][1] == NONE]
    Notification.objects.filter(pk__in=[n.pk for n in drop]).update(mail=NONE)
    by_user: dict = {}
    for n in keep:
        if n not in drop and n.kind != Kind.DUE:
            by_user.setdefault(n.recipient, []).append(n)
    return by_user


def digest_mailed(*, user, rows: list[Notification]) -> None:
    """Record the digest sent to `user`: its notifications, and the due items
    its reminder lists told of."""
    told = Q(pk__in=[n.pk for n in rows]) | Q(kind=Kind.DUE)
    Notification.objects.filter(told, recipient=user, mail=PENDING).update(mail=SENT)
