from datetime import date

import pytest
from django.core.management import call_command

from benefits.models import Measurement

from .builders import make_benefit, make_indicator


def test_it_mails_each_responsible_person_once_a_day(plan, alice, owner, mailoutbox):
    benefit = make_benefit(plan)
    make_indicator(benefit, by=alice, name="Ventetid på telefon")
    make_indicator(benefit, by=alice, name="Andel besøk i rett tid")
    make_indicator(benefit, by=owner, name="Avlyste besøk")
    done = make_indicator(benefit, by=owner, name="Målt i dag")
    Measurement.objects.create(indicator=done, value=1, date=date.today())

    call_command("send_measurement_reminders", base_url="https://portal.example.no")
    assert sorted(m.to[0] for m in mailoutbox) == ["alice@example.no", "olga@example.no"]
    to_alice = next(m for m in mailoutbox if m.to == ["alice@example.no"])
    assert to_alice.subject == "Innoportal: 2 målinger har frist eller er forfalt"
    assert "Ventetid på telefon" in to_alice.body and "Hei Alice Aas" in to_alice.body
    assert "https://portal.example.no/projects/" in to_alice.body
    assert "Målt i dag" not in "".join(m.body for m in mailoutbox)

    call_command("send_measurement_reminders")
    assert len(mailoutbox) == 2  # not again the same day


def test_it_sends_nothing_when_nothing_is_overdue(plan, alice, mailoutbox):
    make_indicator(make_benefit(plan), by=alice, frequency="")
    call_command("send_measurement_reminders")
    assert mailoutbox == []


def test_it_writes_in_the_language_each_person_chose(client, plan, alice, owner, mailoutbox):
    benefit = make_benefit(plan)
    make_indicator(benefit, by=alice, name="Ventetid på telefon")
    make_indicator(benefit, by=owner, name="Avlyste besøk")
    client.force_login(alice)
    client.post("/i18n/setlang/", {"language": "sv", "next": "/"})
    client.force_login(owner)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    call_command("send_measurement_reminders")
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert subjects["alice@example.no"] == "Innoportal: 1 mätning ska göras eller är försenad"
    assert subjects["olga@example.no"] == "Innoportal: 1 measurement is due or overdue"


def test_it_also_tells_of_activities_due_this_week_once_a_day(project, alice, bob, mailoutbox):
    from datetime import timedelta

    from projects.models import Activity

    today = date.today()
    Activity.objects.create(
        project=project,
        key="supplier_dialogue",
        responsible=alice,
        due_date=today + timedelta(days=3),
    )
    Activity.objects.create(  # next week: not yet
        project=project, key="plan", responsible=alice, due_date=today + timedelta(days=9)
    )
    Activity.objects.create(  # done: no reminder
        project=project, key="trial", responsible=bob, due_date=today, status="done"
    )
    call_command("send_measurement_reminders", base_url="https://portal.example.no")
    assert [m.to for m in mailoutbox] == [["alice@example.no"]]
    mail = mailoutbox[0]
    assert mail.subject == "Innoportal: 1 aktivitet har frist eller er forfalt"
    assert f"- Start dialog med leverandører ({project.title})" in mail.body
    assert f"https://portal.example.no/projects/{project.pk}/deliver/" in mail.body
    assert "Planlegg arbeidet" not in mail.body
    call_command("send_measurement_reminders")
    assert len(mailoutbox) == 1


def test_it_sends_through_the_console_mailer(plan, alice, settings, capsys):
    # The settings local development gets (DEBUG on, EMAIL_BACKEND=console):
    # the console mailer takes no SMTP host or port.
    from portal.settings import mailers

    settings.MAILERS = mailers("django.core.mail.backends.console.EmailBackend")
    make_indicator(make_benefit(plan), by=alice, name="Ventetid på telefon")
    call_command("send_measurement_reminders", base_url="https://portal.example.no")
    out = capsys.readouterr().out
    assert "To: alice@example.no" in out
    assert "Subject: Innoportal: 1 =?utf-8?q?m=C3=A5ling?= har frist eller er forfalt" in out
    assert "Hei Alice Aas" in out
    assert out.rstrip().endswith("Measurement reminders: 1 e-mail(s) sent.")


@pytest.mark.parametrize("name", ["smtp", "console", "locmem", "dummy"])
def test_every_mailer_the_settings_build_can_be_opened(settings, name):
    from django.core.mail import mailers as handler

    from portal.settings import mailers

    settings.MAILERS = mailers(f"django.core.mail.backends.{name}.EmailBackend")
    connection = handler.create_connection("default")  # builds it, sends nothing
    assert type(connection).__module__ == f"django.core.mail.backends.{name}"
    if name == "smtp":
        assert (connection.host, connection.port) == ("localhost", 25)
