"""The prioritization matrix: scores edited in place, the ordered table, CSV."""

import csv
import html
import io
import json

from django.urls import reverse

from projects.models import Measure

from .flow_data import make_row, post_data

HTMX = {"HX-Request": "true"}


def score(client, project, measure, benefit, effort, version=None, **kw):
    url = reverse("projects:measure-score", args=[project.pk, measure.pk])
    p = f"score-{measure.pk}"
    data = {
        f"{p}-benefit": benefit,
        f"{p}-effort": effort,
        f"{p}-version": version or measure.version,
    }
    return client.post(url, data, **kw)


def test_it_shows_the_chart_and_the_ordered_table(client, alice, project):
    Measure.objects.create(project=project, title="Unngå meg", benefit=1, effort=5)
    Measure.objects.create(project=project, title="Gjør nå", benefit=5, effort=1)
    client.force_login(alice)
    r = client.get(reverse("projects:matrix", args=[project.pk]))
    assert r.status_code == 200
    table = r.text[r.text.index("<tbody>") :]
    assert table.index("Gjør nå") < table.index("Unngå meg")
    chart = json.loads(html.unescape(r.text.split('data-figure="')[1].split('"')[0]))
    assert len(chart["layout"]["shapes"]) == 4  # the shaded quadrants
    # The labels sit at the quadrants' outer edges, two at the top and two at
    # the foot, not along the line between high and low that would join them.
    edges = sorted((a["y"], a["yanchor"]) for a in chart["layout"]["annotations"])
    assert edges == [(0.5, "bottom"), (0.5, "bottom"), (5.5, "top"), (5.5, "top")]
    # The measures are listed in the table above, so their heading has no
    # count of its own (it said "(0)").
    heading = r.text[r.text.index('id="heading-measures"') :].split("</h2>")[0]
    assert "(0)" not in heading and "Tiltak" in heading


def test_it_saves_scores_in_place_and_redraws(client, alice, project):
    m = Measure.objects.create(project=project, title="SMS", benefit=1, effort=5)
    client.force_login(alice)
    r = score(client, project, m, 5, 1, headers=HTMX)
    assert r.status_code == 200 and 'id="priorities"' in r.text and "<html" not in r.text
    assert "data-figure=" in r.text
    m.refresh_from_db()
    assert (m.benefit, m.effort, m.version) == (5, 1, 2)
    assert "announce" in r["HX-Trigger"]


def test_it_saves_scores_with_a_plain_form(client, alice, project):
    m = Measure.objects.create(project=project, title="SMS")
    client.force_login(alice)
    r = score(client, project, m, 4, 2)
    assert r.status_code == 302 and r["Location"].endswith("#priorities")


def test_it_refuses_scores_outside_one_to_five(client, alice, project):
    m = Measure.objects.create(project=project, title="SMS", benefit=3, effort=3)
    client.force_login(alice)
    r = score(client, project, m, 9, 1, headers=HTMX)
    assert r.status_code == 200 and 'data-color="danger"' in r.text
    r = score(client, project, m, "x", 1)
    assert r.status_code == 200 and "<html" in r.text
    m.refresh_from_db()
    assert (m.benefit, m.effort) == (3, 3)


def test_it_refuses_a_stale_score(client, alice, project):
    m = Measure.objects.create(project=project, title="SMS")
    client.force_login(alice)
    score(client, project, m, 5, 1, headers=HTMX)
    r = score(client, project, m, 1, 5, version=1, headers=HTMX)
    assert r.status_code == 409
    m.refresh_from_db()
    assert (m.benefit, m.effort) == (5, 1)


def test_adding_a_measure_redraws_the_matrix_too(client, alice, project):
    client.force_login(alice)
    url = reverse("projects:section-add", args=[project.pk, "measures"])
    r = client.post(url, post_data("measures", "add-measures", project), headers=HTMX)
    assert 'id="priorities"' in r.text and 'hx-swap-oob="true"' in r.text


def test_outsiders_get_404_and_viewers_403(client, bob, charlie, project):
    m = Measure.objects.create(project=project, title="SMS", benefit=3, effort=3)
    client.force_login(charlie)
    assert score(client, project, m, 5, 1).status_code == 404
    assert client.get(reverse("projects:matrix-csv", args=[project.pk])).status_code == 404
    client.force_login(bob)
    assert score(client, project, m, 5, 1, headers=HTMX).status_code == 403
    m.refresh_from_db()
    assert m.benefit == 3


def test_viewers_see_the_table_without_forms(client, bob, project):
    Measure.objects.create(project=project, title="SMS")
    client.force_login(bob)
    r = client.get(reverse("projects:matrix", args=[project.pk]))
    assert "SMS" in r.text and "measure-score" not in r.text and "/score/" not in r.text


def test_it_exports_the_ordered_table_as_csv(client, bob, project):
    goal = make_row("goals", project)
    Measure.objects.create(project=project, title="Unngå", benefit=1, effort=5)
    Measure.objects.create(project=project, title="Nå, «raskt»", benefit=5, effort=1, goal=goal)
    client.force_login(bob)
    r = client.get(reverse("projects:matrix-csv", args=[project.pk]))
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3
    assert rows[1][1] == "Nå, «raskt»" and rows[1][5] == goal.title
    assert rows[2][1] == "Unngå"
