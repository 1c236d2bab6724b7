"""The daily reminder digest: one e-mail per person with all that is due for
them, in the language they chose, at most once per item and day.

Each source offers what is due for whom (items with a `responsible` person,
leaving out those reminded of today) and records what was mailed: the benefit
plan its overdue measurements, the flow its step 3 activities due this week."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from benefits import reminders as benefit_reminders
from projects.models import Activity
from projects.selectors import activities_due

from .accounts import language_of
from .models import ActivityReminderSent


def activities_due_this_week(*, today: date) -> list[Activity]:
    """Open step 3 activities due within a week, not yet reminded of today."""
    sent = ActivityReminderSent.objects.filter(day=today).values_list("activity_id", flat=True)
    sent = set(sent)
    week = activities_due(start=today, end=today + timedelta(days=6))
    return [a for a in week if a.pk not in sent]


def activities_reminded(activities: list[Activity], *, today: date) -> None:
    ActivityReminderSent.objects.bulk_create(
        [ActivityReminderSent(activity=a, day=today) for a in activities], ignore_conflicts=True
    )


@dataclass(frozen=True)
class Source:
    name: str  # the list's name in portal/reminder.txt
    due: Callable[..., list]  # due(today=) -> items not yet reminded of today
    reminded: Callable[..., None]  # reminded(items, today=) records the e-mail


SOURCES = (
    Source(
        "indicators", benefit_reminders.measurements_due, benefit_reminders.measurements_reminded
    ),
    Source("activities", activities_due_this_week, activities_reminded),
)


def reminders_send(*, today: date, base_url: str) -> int:
    """E-mail each responsible person (with an address) one digest of what
    the sources have due for them; returns the number of e-mails sent."""
    by_user: dict = {}
    for source in SOURCES:
        for item in source.due(today=today):
            if item.responsible.email:
                lists = by_user.setdefault(item.responsible, {s.name: [] for s in SOURCES})
                lists[source.name].append(item)
    for user, lists in by_user.items():
        with translation.override(language_of(user)):
            context = {"user": user, "base_url": base_url, **lists}
            subject = render_to_string("portal/reminder_subject.txt", context).strip()
            body = render_to_string("portal/reminder.txt", context)
        with transaction.atomic():
            for source in SOURCES:
                source.reminded(lists[source.name], today=today)
            EmailMessage(subject, body, to=[user.email]).send()
    return len(by_user)
