"""Reordering the service journey's stages by button (and so by keyboard)."""

from django.urls import reverse

from projects.models import JourneyStage

from .flow_data import make_row

HTMX = {"HX-Request": "true"}


def move(client, project, stage, direction, **kw):
    url = reverse("projects:stage-move", args=[project.pk, stage.pk])
    return client.post(url, {"direction": direction}, **kw)


def titles(project, journey="today"):
    return list(
        JourneyStage.objects.filter(project=project, journey=journey)
        .order_by("position")
        .values_list("title", flat=True)
    )


def test_it_moves_a_stage_earlier_in_place(client, alice, project):
    a, b, c = (make_row("journey-today", project, n) for n in range(3))
    client.force_login(alice)
    r = move(client, project, c, "earlier", headers=HTMX)
    assert r.status_code == 200 and "<html" not in r.text
    assert titles(project) == ["Steg 0", "Steg 2", "Steg 1"]
    assert "2 av 3" in r["HX-Trigger"] or "2 of 3" in r["HX-Trigger"]
    # the moved stage's button keeps the focus
    assert r.text.count("autofocus") == 1
    assert 'data-move="earlier"' in r.text.split("autofocus")[1][:40]


def test_at_the_start_the_focus_goes_to_the_other_button(client, alice, project):
    a, b = (make_row("journey-today", project, n) for n in range(2))
    client.force_login(alice)
    r = move(client, project, b, "earlier", headers=HTMX)
    assert titles(project) == ["Steg 1", "Steg 0"]
    assert r.text.count("autofocus") == 1
    assert 'data-move="later"' in r.text.split("autofocus")[1][:40]


def test_it_moves_a_stage_later_with_a_plain_form(client, alice, project):
    a, b = (make_row("journey-future", project, n) for n in range(2))
    client.force_login(alice)
    r = move(client, project, a, "later")
    assert r.status_code == 302 and r["Location"].endswith("#section-journey-future")
    assert titles(project, "future") == ["Steg 1", "Steg 0"]


def test_the_ends_stay_put(client, alice, project):
    a, b = (make_row("journey-today", project, n) for n in range(2))
    client.force_login(alice)
    move(client, project, a, "earlier", headers=HTMX)
    move(client, project, b, "later", headers=HTMX)
    assert titles(project) == ["Steg 0", "Steg 1"]


def test_journeys_are_ordered_separately(client, alice, project):
    make_row("journey-today", project, 0)
    f0, f1 = (make_row("journey-future", project, n) for n in range(2))
    client.force_login(alice)
    move(client, project, f1, "earlier", headers=HTMX)
    assert titles(project, "future") == ["Steg 1", "Steg 0"]
    assert titles(project, "today") == ["Steg 0"]


def test_it_refuses_an_unknown_direction(client, alice, project):
    a, b = (make_row("journey-today", project, n) for n in range(2))
    client.force_login(alice)
    r = move(client, project, a, "sideways", headers=HTMX)
    assert r.status_code == 200 and 'data-color="danger"' in r.text
    assert titles(project) == ["Steg 0", "Steg 1"]


def test_outsiders_get_404_and_viewers_403(client, bob, charlie, project):
    a, b = (make_row("journey-today", project, n) for n in range(2))
    client.force_login(charlie)
    assert move(client, project, b, "earlier", headers=HTMX).status_code == 404
    client.force_login(bob)
    assert move(client, project, b, "earlier", headers=HTMX).status_code == 403
    assert titles(project) == ["Steg 0", "Steg 1"]


def test_a_drop_puts_a_stage_at_its_place(client, alice, project):
    stages = [make_row("journey-today", project, n) for n in range(4)]
    client.force_login(alice)
    url = reverse("projects:stage-move", args=[project.pk, stages[0].pk])
    r = client.post(url, {"position": "2"}, headers=HTMX)
    assert r.status_code == 200 and titles(project) == ["Steg 1", "Steg 2", "Steg 0", "Steg 3"]
    assert "3 av 4" in r["HX-Trigger"]
    url = reverse("projects:stage-move", args=[project.pk, stages[3].pk])
    client.post(url, {"position": "0"}, headers=HTMX)
    assert titles(project) == ["Steg 3", "Steg 1", "Steg 2", "Steg 0"]
    client.post(url, {"position": "x"}, headers=HTMX)  # neither a place nor a direction
    assert titles(project) == ["Steg 3", "Steg 1", "Steg 2", "Steg 0"]
