"""What the benefit plan offers the daily reminder digest (portal.reminders):
the measurements due within a week or overdue, by responsible person, and the record of which
indicators were reminded of on which day."""

from datetime import date, timedelta

from .models import Indicator, ReminderSent
from .selectors import overdue_indicators


def measurements_due(*, today: date) -> list[Indicator]:
    """Indicators whose measurement is due within a week or overdue, each with
    `responsible` and `due`, leaving out those already reminded of today."""
    sent = set(ReminderSent.objects.filter(day=today).values_list("indicator_id", flat=True))
    due = overdue_indicators(today=today, until=today + timedelta(days=8))
    return [i for i in due if i.pk not in sent]


def measurements_reminded(indicators: list[Indicator], *, today: date) -> None:
    ReminderSent.objects.bulk_create(
        [ReminderSent(indicator=i, day=today) for i in indicators], ignore_conflicts=True
    )
