"""Deck bundles as a bounded cost: reuse of identical ones, a limit per person
and hour, expiry."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from portal.models import DeckBundle
from portal.tasks import build_deck_bundle
from projects.history import touch
from projects.models import Membership
from tests.factories import make_project


def ask(client, projects, **headers):
    return client.post("/decks/bundles/", {"project": [p.pk for p in projects]}, **headers)


def age(bundle, hours: float) -> None:
    created = timezone.now() - timedelta(hours=hours)
    DeckBundle.objects.filter(pk=bundle.pk).update(created_at=created)


def test_three_identical_requests_build_one_bundle(client, alice, three, queue):
    # Issue 13: three identical requests built three bundles.
    client.force_login(alice)
    locations = {ask(client, three)["Location"] for _ in range(3)}
    bundle = DeckBundle.objects.get()
    assert locations == {f"/decks/bundles/{bundle.pk}/"} and len(queue.results) == 1


def test_a_fresh_built_bundle_is_reused_for_the_same_set_in_any_order(client, alice, three, queue):
    client.force_login(alice)
    ask(client, three)
    bundle = DeckBundle.objects.get()
    build_deck_bundle.call(bundle.pk)
    response = ask(client, list(reversed(three)))
    assert response["Location"] == f"/decks/bundles/{bundle.pk}/"
    assert DeckBundle.objects.count() == 1 and len(queue.results) == 1


def test_a_change_to_a_project_or_another_language_makes_a_new_bundle(client, alice, three, queue):
    client.force_login(alice)
    ask(client, three)
    build_deck_bundle.call(DeckBundle.objects.get().pk)
    touch(three[1].pk)
    ask(client, three)
    client.cookies["django_language"] = "en"
    ask(client, three)
    languages = sorted(DeckBundle.objects.values_list("language", flat=True))
    assert languages == ["en", "nb", "nb"] and len(queue.results) == 3


def test_a_failed_bundle_is_not_reused(client, alice, three, queue):
    client.force_login(alice)
    ask(client, three)
    DeckBundle.objects.update(status=DeckBundle.Status.FAILED)
    ask(client, three)
    assert DeckBundle.objects.count() == 2


def test_another_persons_identical_request_gets_a_bundle_of_their_own(
    client, alice, owner, three, queue
):
    for project in three:
        Membership.objects.create(project=project, user=owner, role="viewer")
    client.force_login(alice)
    ask(client, three)
    client.force_login(owner)
    response = ask(client, three)
    theirs = DeckBundle.objects.get(requested_by=owner)
    assert response["Location"] == f"/decks/bundles/{theirs.pk}/"
    assert DeckBundle.objects.filter(requested_by=alice).count() == 1


def test_reuse_never_brings_back_a_project_the_person_may_no_longer_see(
    client, alice, three, queue
):
    client.force_login(alice)
    ask(client, three[:2])
    first = DeckBundle.objects.get()
    Membership.objects.filter(project=three[1], user=alice).delete()
    response = ask(client, three[:2])
    second = DeckBundle.objects.exclude(pk=first.pk).get()
    assert second.project_ids == [three[0].pk]
    assert response["Location"] == f"/decks/bundles/{second.pk}/"


def test_each_person_may_start_a_limited_number_per_hour(client, alice, bob, queue, settings):
    settings.DECK_BUNDLES_PER_HOUR = 2
    projects = [make_project(members={alice: "team_member", bob: "viewer"}) for _ in range(4)]
    client.force_login(alice)
    old = ask(client, projects[:1])
    age(DeckBundle.objects.get(), hours=1.5)  # more than an hour ago: not counted
    ask(client, projects[1:2])
    ask(client, projects[2:3])
    refused = ask(client, projects[3:4], follow=True)
    assert old.status_code == 302
    assert "Du har startet 2 samlinger den siste timen" in refused.text
    assert DeckBundle.objects.count() == 3 and len(queue.results) == 3
    # Asking again for one already started is no new cost, and is allowed.
    again = ask(client, projects[2:3])
    assert again["Location"].startswith("/decks/bundles/")
    client.force_login(bob)  # the limit is per person
    ask(client, projects[3:4])
    assert DeckBundle.objects.filter(requested_by=bob).count() == 1


def test_an_expired_bundle_is_gone_and_deleted(client, alice, three, queue, settings):
    settings.DECK_BUNDLE_HOURS = 24
    client.force_login(alice)
    ask(client, three)
    bundle = DeckBundle.objects.get()
    build_deck_bundle.call(bundle.pk)
    page = client.get(f"/decks/bundles/{bundle.pk}/").text
    assert "Samlingen tas vare på til" in page
    age(bundle, hours=25)
    assert client.get(f"/decks/bundles/{bundle.pk}/").status_code == 404
    assert client.get(f"/decks/bundles/{bundle.pk}/download/").status_code == 404
    response = ask(client, three)  # not reused, and deleted on the way
    assert not DeckBundle.objects.filter(pk=bundle.pk).exists()
    assert response["Location"] != f"/decks/bundles/{bundle.pk}/"


def test_the_command_deletes_expired_bundles_only(alice, three, settings):
    settings.DECK_BUNDLE_HOURS = 2
    kept = DeckBundle.objects.create(requested_by=alice, project_ids=[three[0].pk], language="nb")
    gone = DeckBundle.objects.create(requested_by=alice, project_ids=[three[1].pk], language="nb")
    age(gone, hours=3)
    call_command("delete_expired_bundles", verbosity=0)
    assert list(DeckBundle.objects.values_list("pk", flat=True)) == [kept.pk]
