"""Notifications by e-mail: for each event, or in the daily digest, in each
person's language, never to someone who can no longer see the project."""

import pytest
from django.core.management import call_command

from portal.models import Preference
from portal.notifications import events
from portal.notifications.mail import event_send
from portal.notifications.models import Kind, Notification
from projects.models import Membership

EVIL = '<b>"Tom & Jerry"</b>'


def choose(user, *, email="digest", language="nb"):
    Preference.objects.update_or_create(user=user, defaults={"email": email, "language": language})


def mention(project, *, to, by, label="Kommentar på «Verdiforslag»"):
    return events.mentioned_notify(
        project=project, recipients=to, actor=by, label=label, url=f"/projects/{project.pk}/"
    )


def test_each_event_is_mailed_when_the_transaction_commits(
    project, alice, bob, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.PORTAL_BASE_URL = "https://portal.example.no"
    choose(bob, email="each")
    with django_capture_on_commit_callbacks(execute=True):
        mention(project, to=[bob], by=alice)
    assert [m.to for m in mailoutbox] == [["bob@example.no"]]
    mail = mailoutbox[0]
    assert mail.subject == "Innoportal: Du ble nevnt: Kommentar på «Verdiforslag»"
    assert "Hei Bob Berg" in mail.body and "av Alice Aas" in mail.body
    assert f"https://portal.example.no/projects/{project.pk}/" in mail.body
    assert Notification.objects.get().mail == Notification.Mail.SENT


def test_the_digest_is_the_default_and_no_email_is_sent_at_once(
    project, alice, bob, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        mention(project, to=[bob], by=alice)
    assert callbacks == [] and mailoutbox == []
    assert Notification.objects.get().mail == Notification.Mail.PENDING


def test_no_email_means_none(project, alice, bob, mailoutbox, django_capture_on_commit_callbacks):
    choose(bob, email="none")
    with django_capture_on_commit_callbacks(execute=True):
        mention(project, to=[bob], by=alice)
    call_command("send_measurement_reminders")
    assert mailoutbox == []
    assert Notification.objects.get().mail == Notification.Mail.NONE


def test_someone_removed_before_the_email_goes_gets_none(project, alice, bob, mailoutbox):
    choose(bob, email="each")
    [n] = mention(project, to=[bob], by=alice)
    Membership.objects.filter(user=bob).delete()
    assert event_send(notification_id=n.pk) is False
    assert mailoutbox == []
    n.refresh_from_db()
    assert n.mail == Notification.Mail.NONE
    assert event_send(notification_id=n.pk) is False  # and never later


def test_an_email_is_sent_once(project, alice, bob, mailoutbox):
    choose(bob, email="each")
    [n] = mention(project, to=[bob], by=alice)
    assert event_send(notification_id=n.pk) is True
    assert event_send(notification_id=n.pk) is False
    assert len(mailoutbox) == 1


def test_labels_are_plain_text_in_emails(project, alice, bob, mailoutbox):
    choose(bob, email="each")
    [n] = mention(project, to=[bob], by=alice, label=EVIL)
    event_send(notification_id=n.pk)
    call_command("send_measurement_reminders")
    assert EVIL in mailoutbox[0].body and "&lt;" not in mailoutbox[0].body
    assert "&amp;" not in mailoutbox[0].subject


WORDS = {
    "nb": (
        "Hei Bob Berg",
        "Varslene dine siden forrige sammendrag",
        "Du ble nevnt",
        "1 nytt varsel",
    ),
    "nn": ("Hei Bob Berg", "Varsla dine sidan førre samandrag", "Du vart nemnd", "1 nytt varsel"),
    "sv": (
        "Hej Bob Berg",
        "Dina aviseringar sedan förra sammanfattningen",
        "Du nämndes",
        "1 ny avisering",
    ),
    "en": (
        "Hello Bob Berg",
        "Your notifications since the last digest",
        "You were mentioned",
        "1 new notification",
    ),
}


@pytest.mark.parametrize("language", ["nb", "nn", "sv", "en"])
def test_the_digest_in_each_language(project, alice, bob, mailoutbox, language):
    choose(bob, language=language)
    mention(project, to=[bob], by=alice, label=EVIL)
    call_command("send_measurement_reminders", base_url="https://portal.example.no")
    [mail] = mailoutbox
    hello, heading, what, subject = WORDS[language]
    assert mail.subject == f"Innoportal: {subject}"
    assert hello in mail.body and heading in mail.body
    assert f"{what}: {EVIL}" in mail.body
    assert f"https://portal.example.no/projects/{project.pk}/" in mail.body
    assert "https://portal.example.no/inbox/settings/" in mail.body
    assert Notification.objects.get().mail == Notification.Mail.SENT
    call_command("send_measurement_reminders")
    assert len(mailoutbox) == 1  # told once


def test_the_digest_holds_the_reminders_and_the_notifications_together(
    project, alice, owner, mailoutbox
):
    from tests.benefits.builders import make_benefit, make_indicator, make_plan

    make_indicator(make_benefit(make_plan(project)), by=alice, name="Ventetid på telefon")
    events.made_responsible_notify(
        project=project, user=alice, actor=owner, label="Tiltak: chatbot", url="/x/"
    )
    call_command("send_measurement_reminders")
    [mail] = mailoutbox
    assert "Ventetid på telefon" in mail.body
    assert "Du ble ansvarlig for Tiltak: chatbot" in mail.body
    # The due item is in the reminder list, not told twice.
    assert mail.body.count("Ventetid på telefon") == 1
    assert not Notification.objects.filter(mail=Notification.Mail.PENDING).exists()


def test_the_digest_leaves_out_projects_one_has_left(project, alice, bob, mailoutbox):
    mention(project, to=[bob], by=alice)
    Membership.objects.filter(user=bob).delete()
    call_command("send_measurement_reminders")
    assert mailoutbox == []
    assert Notification.objects.get().mail == Notification.Mail.NONE


def test_the_digest_leaves_each_event_mail_to_the_worker(project, alice, bob, mailoutbox):
    choose(bob, email="each")
    mention(project, to=[bob], by=alice)
    call_command("send_measurement_reminders")
    assert mailoutbox == []
    assert Notification.objects.get(kind=Kind.MENTIONED).mail == Notification.Mail.PENDING
