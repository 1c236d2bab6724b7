"""Writing notifications: `notify` is the one way in; reading marks them."""

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from projects.models import Project
from projects.selectors import users_who_see

from ..models import EmailChoice, Preference
from ..tasks import send_notification
from .models import Kind, Notification

PENDING = Notification.Mail.PENDING


def email_choices(user_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """Each person's (language, e-mail choice), defaults for those who never chose."""
    chosen = Preference.objects.filter(user__in=set(user_ids)).values_list(
        "user_id", "language", "email"
    )
    known = {user_id: (language, email) for user_id, language, email in chosen}
    default = (settings.LANGUAGE_CODE, EmailChoice.DIGEST)
    return {user_id: known.get(user_id, default) for user_id in user_ids}


def notify(
    *,
    kind: Kind,
    project: Project | int,
    recipients: Iterable,
    actor=None,
    label,
    url: str,
    due: date | None = None,
    key: str = "",
) -> list[Notification]:
    """Tell each recipient (users or their ids) of an event in `project`:
    one row each, but never the actor, nor anyone who cannot see the project.
    `label` (text or a lazy translation) is stored in each recipient's
    language. With `key`, a recipient told of that key before is not told
    again. People who chose e-mail for each event get one from the task
    worker once the transaction commits; the others' rows wait for the digest."""
    start = timezone.now()
    project_id = project if isinstance(project, int) else project.pk
    actor_id = getattr(actor, "pk", actor)
    wanted = {getattr(r, "pk", r) for r in recipients} - {actor_id, None}
    seen = users_who_see(project_id=project_id, user_ids=wanted)
    if key:
        told = Notification.objects.filter(recipient__in=seen, key=key)
        seen -= set(told.values_list("recipient_id", flat=True))
    choices = email_choices(seen)
    rows = []
    for user_id, (language, email) in sorted(choices.items()):
        with translation.override(language):
            text = str(label)[:300]
        rows.append(
            Notification(
                recipient_id=user_id,
                project_id=project_id,
                kind=kind,
                actor_id=actor_id,
                label=text,
                url=url,
                due=due,
                key=key,
                mail=Notification.Mail.NONE if email == EmailChoice.NONE else PENDING,
            )
        )
    if key:  # a row told in a race since is left out, and rows get no pk
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        rows = list(Notification.objects.filter(recipient__in=choices, key=key, created__gte=start))
    else:
        rows = Notification.objects.bulk_create(rows)
    # Due items are told daily, so they always wait for the digest.
    if kind != Kind.DUE:
        for n in rows:
            if choices[n.recipient_id][1] == EmailChoice.EACH and n.mail == PENDING:
                transaction.on_commit(lambda pk=n.pk: send_notification.enqueue(pk))
    return rows


def notification_mark_read(*, user, notification_id: int) -> int:
    """Mark the user's notification read; the number marked (0 or 1)."""
    return Notification.objects.filter(
        recipient=user, pk=notification_id, read_at__isnull=True
    ).update(read_at=timezone.now())


def notifications_mark_all_read(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def email_choice_set(*, user, email: str) -> Preference:
    """Save how the user wants notifications by e-mail."""
    preference, _created = Preference.objects.get_or_create(
        user=user, defaults={"language": translation.get_language() or settings.LANGUAGE_CODE}
    )
    preference.email = email
    preference.save(update_fields=["email"])
    return preference
