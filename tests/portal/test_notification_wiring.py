"""The events other apps tell of reach people as notifications: a mention in
a comment, being made responsible; and unread mentions wait on the home page."""

from datetime import date

import pytest
from django.urls import reverse

from portal.notifications.models import Kind, Notification
from portal.waiting import waiting_for
from projects.access import Actor
from projects.models import Comment, Membership
from projects.services import membership_remove
from tests.canvas.conftest import make_canvas, make_note
from tests.factories import make_user
from tests.projects.flow_data import make_row
from tests.projects.test_responsible import edit


def told(kind) -> list[tuple[str, str, str]]:
    rows = Notification.objects.filter(kind=kind).select_related("recipient").order_by("pk")
    return [(n.recipient.username, n.label, n.url) for n in rows]


@pytest.fixture
def dora(project):
    user = make_user("dora")
    Membership.objects.create(project=project, user=user, role=Membership.Role.TEAM_MEMBER)
    return user


def test_a_mention_in_a_comment_on_a_canvas_note_reaches_the_person_mentioned(
    client, project, alice, bob, charlie
):
    note = make_note(make_canvas(project), text="Færre telefoner")
    thread = reverse("projects:comment-thread", args=[project.pk, "note", note.pk])
    client.force_login(alice)
    r = client.post(thread, {"text": "Hva mener @bob, @alice og @charlie?"})
    assert r.status_code == 302
    # alice wrote it; charlie is not a member, so his name is no mention.
    assert told(Kind.MENTIONED) == [("bob", "Færre telefoner", thread)]


def test_an_edited_comment_tells_only_those_mentioned_anew(client, project, alice, bob, dora):
    thread = reverse("projects:comment-thread", args=[project.pk, "project", project.pk])
    client.force_login(alice)
    client.post(thread, {"text": "@bob, se her"})
    comment = Comment.objects.get()
    url = reverse("projects:comment-edit", args=[project.pk, comment.pk])
    client.post(url, {"text": "@bob og @dora, se her", "version": comment.version})
    assert Comment.objects.get().text == "@bob og @dora, se her"
    assert [who for who, _l, _u in told(Kind.MENTIONED)] == ["bob", "dora"]


def test_a_person_made_responsible_is_told_once_and_not_on_release(client, project, alice, dora):
    measure = make_row("measures", project)
    client.force_login(alice)
    edit(client, project, "measures", measure, responsible=dora.pk)
    measure.refresh_from_db()
    assert measure.responsible == dora
    [(who, label, url)] = told(Kind.MADE_RESPONSIBLE)
    assert (who, label) == ("dora", str(measure))
    assert url.startswith(reverse("projects:matrix", args=[project.pk]))
    # Saved again with the same person, then released when she leaves: no more.
    edit(client, project, "measures", measure, responsible=dora.pk, title="Nytt navn")
    membership_remove(
        membership=Membership.objects.get(user=dora),
        actor=Actor(user_id=alice.pk, role=Membership.Role.TEAM_MEMBER, leader=False),
    )
    assert len(told(Kind.MADE_RESPONSIBLE)) == 1


def test_choosing_oneself_tells_nobody(client, project, alice):
    measure = make_row("measures", project)
    client.force_login(alice)
    edit(client, project, "measures", measure, responsible=alice.pk)
    measure.refresh_from_db()
    assert measure.responsible == alice
    assert not Notification.objects.exists()


def test_an_unread_mention_waits_on_the_home_page_until_it_is_read(client, project, alice, bob):
    thread = reverse("projects:comment-thread", args=[project.pk, "project", project.pk])
    client.force_login(alice)
    client.post(thread, {"text": "@bob <b>haster</b>"})
    [item] = [i for i in waiting_for(bob, today=date.today()) if i.why == str(Kind.MENTIONED.label)]
    assert item.title == project.title
    client.force_login(bob)
    page = client.get(reverse("home")).content.decode()
    assert item.url in page
    client.get(item.url)  # the link marks it read
    assert Notification.objects.get().read_at is not None
    assert not any(i.why == str(Kind.MENTIONED.label) for i in waiting_for(bob, today=date.today()))
