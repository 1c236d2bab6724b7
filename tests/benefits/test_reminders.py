from datetime import date

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
    assert to_alice.subject == "Innoportal: 2 målinger er forfalt"
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
    assert subjects["alice@example.no"] == "Innoportal: 1 mätning är försenad"
    assert subjects["olga@example.no"] == "Innoportal: 1 measurement is overdue"


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
    assert mail.subject == "Innoportal: 1 aktivitet har frist denne uken"
    assert f"- Start dialog med leverandører ({project.title})" in mail.body
    assert f"https://portal.example.no/projects/{project.pk}/deliver/" in mail.body
    assert "Planlegg arbeidet" not in mail.body
    call_command("send_measurement_reminders")
    assert len(mailoutbox) == 1
