"""The inbox, its unread count in the header and the e-mail choice."""

import json

import pytest
from django.utils import timezone

from canvas.models import Canvas
from portal.models import Preference
from portal.notifications.models import Kind, Notification
from projects.models import Membership
from tests.factories import make_project

EVIL = '<script>alert("x")</script>'


def make_notification(user, project, **fields) -> Notification:
    fields = {"kind": Kind.MENTIONED, "label": "Kommentar", "url": "/projects/", **fields}
    return Notification.objects.create(recipient=user, project=project, **fields)


@pytest.fixture
def member_client(client, alice):
    client.force_login(alice)
    return client


def test_it_lists_newest_first_with_unread_marked(member_client, alice, bob, project):
    old = make_notification(alice, project, label="Først", read_at=timezone.now())
    make_notification(alice, project, label="Sist", actor=bob)
    make_notification(bob, project, label="Ikke din")
    page = member_client.get("/inbox/").text
    assert page.index("Sist") < page.index("Først")
    assert "Ikke din" not in page
    assert page.count("inbox__item--unread") == 1
    assert "av Bob Berg" in page and f"/inbox/{old.pk}/go/" in page


def test_it_escapes_labels(member_client, alice, project):
    make_notification(alice, project, label=EVIL)
    page = member_client.get("/inbox/").text
    assert EVIL not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_it_leaves_out_projects_one_can_no_longer_see(member_client, alice, project):
    make_notification(alice, project, label="Fra før")
    Membership.objects.filter(user=alice).delete()
    assert "Fra før" not in member_client.get("/inbox/").text
    assert 'data-unread="0"' in member_client.get("/inbox/").text


def test_its_queries_do_not_grow_with_notifications(
    member_client, alice, project, django_assert_num_queries
):
    make_notification(alice, project)
    # Session, user, whether they lead (for the header's count), the count,
    # the page's notifications, and the paginator's count.
    with django_assert_num_queries(6) as few:
        member_client.get("/inbox/")
    Notification.objects.bulk_create(
        [
            Notification(recipient=alice, project=project, kind="due", label=f"n{i}", url="/")
            for i in range(60)
        ]
    )
    with django_assert_num_queries(len(few.captured_queries)):
        page = member_client.get("/inbox/?page=2")
    assert "Side 2 av 3" in page.text


def test_go_marks_read_and_goes_to_the_item(member_client, alice, project):
    n = make_notification(alice, project, url=f"/projects/{project.pk}/")
    response = member_client.get(f"/inbox/{n.pk}/go/")
    assert response.status_code == 302 and response.url == f"/projects/{project.pk}/"
    n.refresh_from_db()
    assert n.read_at is not None


def test_go_never_leaves_the_portal(member_client, alice, project):
    n = make_notification(alice, project, url="https://evil.example/")
    assert member_client.get(f"/inbox/{n.pk}/go/").url == "/inbox/"


def test_one_cannot_reach_anothers_notification(client, bob, alice, project):
    n = make_notification(alice, project)
    client.force_login(bob)
    assert client.get(f"/inbox/{n.pk}/go/").status_code == 404
    assert client.post(f"/inbox/{n.pk}/read/").status_code == 404
    n.refresh_from_db()
    assert n.read_at is None


def test_mark_read_without_js_goes_back_to_the_page(member_client, alice, project):
    n = make_notification(alice, project)
    response = member_client.post(f"/inbox/{n.pk}/read/", {"page": "2"})
    assert response.url == "/inbox/?page=2"
    n.refresh_from_db()
    assert n.read_at is not None


def test_mark_read_with_htmx_answers_the_item_and_the_new_count(member_client, alice, project):
    n = make_notification(alice, project, label="Én")
    make_notification(alice, project, label="To")
    response = member_client.post(f"/inbox/{n.pk}/read/", headers={"HX-Request": "true"})
    assert f'id="notification-{n.pk}"' in response.text and "<html" not in response.text
    assert "inbox__item--unread" not in response.text
    trigger = json.loads(response["HX-Trigger"])
    assert trigger["announce"] == "Merket som lest."
    assert trigger["notifications"] == {"count": 1, "label": "Varsler, 1 ulest"}


def test_mark_all_read(member_client, alice, bob, project):
    for i in range(3):
        make_notification(alice, project, label=f"n{i}")
    others = make_notification(bob, project)
    response = member_client.post("/inbox/read-all/", headers={"HX-Request": "true"})
    assert 'id="inbox-list"' in response.text and "inbox__item--unread" not in response.text
    assert json.loads(response["HX-Trigger"])["notifications"]["count"] == 0
    assert not Notification.objects.filter(recipient=alice, read_at=None).exists()
    others.refresh_from_db()
    assert others.read_at is None
    assert member_client.post("/inbox/read-all/").url == "/inbox/"


def test_reading_needs_a_post(member_client, alice, project):
    n = make_notification(alice, project)
    assert member_client.get(f"/inbox/{n.pk}/read/").status_code == 405
    assert member_client.get("/inbox/read-all/").status_code == 405


def test_the_header_names_the_unread_count(member_client, alice, project):
    for _i in range(3):
        make_notification(alice, project)
    page = member_client.get("/").text
    assert "Varsler, 3 uleste" in page
    assert 'aria-live="polite"' in page and 'hx-trigger="every 60s"' in page
    badge = member_client.get("/inbox/count/", headers={"HX-Request": "true"})
    assert 'data-unread="3"' in badge.text and "<html" not in badge.text


def test_every_htmx_answer_carries_the_count_but_an_empty_one(
    member_client, alice, project, django_assert_num_queries
):
    make_notification(alice, project)
    canvas = Canvas.objects.create(project=project, title="I dag")
    changes = f"/projects/{project.pk}/canvas/{canvas.pk}/changes/"
    # Session, user, the project with its change count: no unread count.
    with django_assert_num_queries(3):
        poll = member_client.get(f"{changes}?since=0", headers={"HX-Request": "true"})
    assert poll.status_code == 204 and "HX-Trigger" not in poll
    moved = member_client.get(f"{changes}?since=-1", headers={"HX-Request": "true"})
    assert json.loads(moved["HX-Trigger"])["notifications"]["count"] == 1
    answer = member_client.get("/inbox/count/", headers={"HX-Request": "true"})
    assert json.loads(answer["HX-Trigger"])["notifications"]["count"] == 1
    assert "HX-Trigger" not in member_client.get("/inbox/")


def test_the_count_leaves_out_projects_one_cannot_see(client, charlie, project):
    other = make_project(title="Annet", members={charlie: Membership.Role.TEAM_MEMBER})
    make_notification(charlie, other)
    make_notification(charlie, project)  # never a member
    client.force_login(charlie)
    assert "Varsler, 1 ulest" in client.get("/").text


def test_the_email_choice_is_saved(member_client, alice):
    page = member_client.get("/inbox/settings/").text
    assert 'value="digest"' in page and "checked" in page
    response = member_client.post("/inbox/settings/", {"email": "each"})
    assert response.url == "/inbox/settings/"
    assert Preference.objects.get(user=alice).email == "each"
    assert Preference.objects.get(user=alice).language == "nb"


def test_a_bad_email_choice_is_refused_with_a_message(member_client, alice):
    response = member_client.post("/inbox/settings/", {"email": "hourly"})
    assert response.status_code == 200 and "ds-error-summary" in response.text
    assert not Preference.objects.filter(user=alice).exists()


def test_a_leader_sees_notifications_of_every_project(client, leader, charlie, project):
    make_notification(leader, project, label="Til lederen")
    client.force_login(leader)
    page = client.get("/inbox/").text
    assert "Til lederen" in page and "Varsler, 1 ulest" in page


def test_the_count_follows_the_rule_of_projects_for_user(alice, leader, charlie, project):
    from portal.notifications.selectors import unread_count
    from projects.selectors import projects_for_user

    for user in (alice, leader, charlie):
        make_notification(user, project)
        fresh = type(user).objects.get(pk=user.pk)  # nothing known of them yet
        assert unread_count(fresh) == projects_for_user(user).filter(pk=project.pk).count()


def test_the_count_of_a_known_non_leader_is_one_query_on_their_projects(
    alice, charlie, project, django_assert_num_queries
):
    from portal.notifications.selectors import unread_count
    from projects.selectors import user_is_leader

    make_notification(charlie, project)  # never a member
    make_notification(charlie, make_project(title="Annet", members={charlie: "team_member"}))
    make_notification(alice, project)
    for user, expected in ((charlie, 1), (alice, 1)):
        fresh = type(user).objects.get(pk=user.pk)
        assert user_is_leader(fresh) is False
        with django_assert_num_queries(1):
            assert unread_count(fresh) == expected


def test_the_count_of_someone_not_yet_known_is_two_plain_queries(
    alice, leader, project, django_assert_num_queries
):
    from portal.notifications.selectors import unread_count

    make_notification(alice, project)
    make_notification(leader, make_project(title="Annet"))  # a leader is no member of it
    for user in (alice, leader):
        fresh = type(user).objects.get(pk=user.pk)
        with django_assert_num_queries(2) as queries:
            assert unread_count(fresh) == 1
        count_sql = queries.captured_queries[-1]["sql"].upper()
        assert "EXISTS" not in count_sql and "COUNT(" in count_sql


def test_the_header_count_follows_reading_and_leaving_a_project(member_client, alice, project):
    first = make_notification(alice, project)
    make_notification(alice, project)
    assert 'data-unread="2"' in member_client.get("/accessibility/").text
    first.read_at = first.created
    first.save()
    assert 'data-unread="1"' in member_client.get("/accessibility/").text
    project.memberships.filter(user=alice).delete()
    assert 'data-unread="0"' in member_client.get("/accessibility/").text
