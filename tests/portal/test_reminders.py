"""The daily digest: one e-mail per person with what each app has due."""

from datetime import date, timedelta

from django.core.management import call_command

from benefits.models import ReminderSent
from portal.models import ActivityReminderSent
from projects.models import Activity
from tests.benefits.builders import make_benefit, make_indicator, make_plan


def test_it_mails_one_digest_of_measurements_and_activities(project, alice, mailoutbox):
    make_indicator(make_benefit(make_plan(project)), by=alice, name="Ventetid på telefon")
    Activity.objects.create(
        project=project,
        key="supplier_dialogue",
        responsible=alice,
        due_date=date.today() + timedelta(days=2),
    )
    call_command("send_measurement_reminders", base_url="https://portal.example.no")
    assert [m.to for m in mailoutbox] == [["alice@example.no"]]
    body = mailoutbox[0].body
    assert "Ventetid på telefon" in body and "Start dialog med leverandører" in body
    # The subject names the measurements first.
    assert mailoutbox[0].subject == "Innoportal: 1 måling har frist eller er forfalt"
    assert ReminderSent.objects.filter(day=date.today()).count() == 1
    assert ActivityReminderSent.objects.filter(day=date.today()).count() == 1
    call_command("send_measurement_reminders")
    assert len(mailoutbox) == 1
