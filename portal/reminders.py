"""The daily digest: one e-mail per person with all that waits for them, in
the language they chose, at most once per item and day.

Each source offers what is due for whom (items with a `responsible` person,
leaving out those reminded of today) and records what was mailed: the benefit
plan its measurements, the flow its step 3 activities, each due within a week
or overdue. Every such item also becomes a notification in the person's inbox
(once per item and day). The notifications of people who chose the digest
(portal.notifications) are the digest's last section."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from benefits import reminders as benefit_reminders
from projects.models import Activity
from projects.selectors import activities_due

from .accounts import language_of
from .models import ActivityReminderSent, EmailChoice
from .notifications import events, mail
from .notifications.services import email_choices

DUE_WITHIN = timedelta(days=7)


def activities_due_soon(*, today: date) -> list[Activity]:
    """Open step 3 activities due within a week or overdue, not yet reminded of today."""
    sent = ActivityReminderSent.objects.filter(day=today).values_list("activity_id", flat=True)
    sent = set(sent)
    soon = activities_due(start=date.min, end=today + DUE_WITHIN)
    return [a for a in soon if a.pk not in sent]


def activities_reminded(activities: list[Activity], *, today: date) -> None:
    ActivityReminderSent.objects.bulk_create(
        [ActivityReminderSent(activity=a, day=today) for a in activities], ignore_conflicts=True
    )


@dataclass(frozen=True)
class Source:
    name: str  # the list's name in portal/reminder.txt
    due: Callable[..., list]  # due(today=) -> items not yet reminded of today
    reminded: Callable[..., None]  # reminded(items, today=) records the e-mail
    # notice(item) -> events.Due: what the item's notification says
    notice: Callable[..., events.Due]


def _indicator_notice(indicator) -> events.Due:
    project_id = indicator.benefit.plan.project_id
    return events.Due(
        project_id=project_id,
        label=indicator.name,
        url=reverse("benefits:indicator", args=[project_id, indicator.pk]),
        due=indicator.due,
        key=f"indicator:{indicator.pk}",
    )


def _activity_notice(activity: Activity) -> events.Due:
    return events.Due(
        project_id=activity.project_id,
        label=dict(Activity.KEYS)[activity.key],
        url=reverse("projects:step-deliver", args=[activity.project_id]),
        due=activity.due_date,
        key=f"activity:{activity.pk}",
    )


SOURCES = (
    Source(
        "indicators",
        benefit_reminders.measurements_due,
        benefit_reminders.measurements_reminded,
        _indicator_notice,
    ),
    Source("activities", activities_due_soon, activities_reminded, _activity_notice),
)


def reminders_send(*, today: date, base_url: str) -> int:
    """Tell each responsible person in their inbox of what the sources have
    due for them, tell the deciders of gates that wait, and e-mail each person
    (with an address, who wants e-mail) one digest of it all; returns the
    number of e-mails sent."""
    events.gates_waiting_notify()
    by_user: dict = {}
    for source in SOURCES:
        for item in source.due(today=today):
            events.due_notify(user=item.responsible, today=today, due=source.notice(item))
            lists = by_user.setdefault(item.responsible, _lists())
            lists[source.name].append(item)
    for user, rows in mail.digest_pending().items():
        by_user.setdefault(user, _lists())["notifications"] = rows
    choices = email_choices([user.pk for user in by_user])
    sent = 0
    for user, lists in by_user.items():
        if not user.email or choices[user.pk][1] == EmailChoice.NONE:
            continue
        with translation.override(language_of(user)):
            context = {"user": user, "base_url": base_url, "today": today, **lists}
            subject = render_to_string("portal/reminder_subject.txt", context).strip()
            body = render_to_string("portal/reminder.txt", context)
        with transaction.atomic():
            for source in SOURCES:
                source.reminded(lists[source.name], today=today)
            mail.digest_mailed(user=user, rows=lists["notifications"])
            EmailMessage(subject, body, to=[user.email]).send()
        sent += 1
    return sent


def _lists() -> dict:
    return {**{s.name: [] for s in SOURCES}, "notifications": []}
