"""The daily e-mails of overdue measurements and activities due this week."""

from datetime import date, timedelta

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from projects.selectors import activities_due, language_of

from .models import ActivityReminderSent, ReminderSent
from .selectors import overdue_indicators


def reminders_send(*, today: date, base_url: str) -> int:
    """E-mail each responsible person their overdue measurements and their step 3
    activities due this week, at most once per item and day, in the language
    they chose; returns the number of e-mails sent."""
    sent = set(ReminderSent.objects.filter(day=today).values_list("indicator_id", flat=True))
    sent_activities = set(
        ActivityReminderSent.objects.filter(day=today).values_list("activity_id", flat=True)
    )
    by_user: dict = {}
    for indicator in overdue_indicators(today=today):
        if indicator.pk not in sent and indicator.responsible.email:
            by_user.setdefault(indicator.responsible, ([], []))[0].append(indicator)
    for activity in activities_due(start=today, end=today + timedelta(days=6)):
        if activity.pk not in sent_activities and activity.responsible.email:
            by_user.setdefault(activity.responsible, ([], []))[1].append(activity)
    for user, (indicators, activities) in by_user.items():
        with translation.override(language_of(user)):
            context = {
                "user": user,
                "indicators": indicators,
                "activities": activities,
                "base_url": base_url,
            }
            subject = render_to_string("benefits/reminder_subject.txt", context).strip()
            body = render_to_string("benefits/reminder.txt", context)
        with transaction.atomic():
            ReminderSent.objects.bulk_create(
                [ReminderSent(indicator=i, day=today) for i in indicators],
                ignore_conflicts=True,
            )
            ActivityReminderSent.objects.bulk_create(
                [ActivityReminderSent(activity=a, day=today) for a in activities],
                ignore_conflicts=True,
            )
            EmailMessage(subject, body, to=[user.email]).send()
    return len(by_user)
