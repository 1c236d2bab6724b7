"""The step pages, the stakeholder page and the matrix page as whole pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from projects.flow.sections import SECTIONS
from projects.models import Supplier

from .flow_data import make_row

PAGES = {
    "projects:step-hypothesis": ["experiments"],
    "projects:step-goals": ["goals", "principles", "benefits"],
    "projects:step-deliver": [
        "activities",
        "suppliers",
        "dialogues",
        "touchpoints",
        "journey-today",
        "journey-future",
        "trials",
        "lessons",
    ],
    "projects:stakeholders": ["stakeholders", "profiles"],
    "projects:matrix": ["measures"],
}


def test_every_list_is_on_a_page():
    assert sorted(s for slugs in PAGES.values() for s in slugs) == sorted(SECTIONS)


@pytest.mark.parametrize("name", PAGES)
def test_it_shows_the_page_with_its_lists_to_a_member(client, alice, project, name):
    for slug in PAGES[name]:
        make_row(slug, project)
    client.force_login(alice)
    r = client.get(reverse(name, args=[project.pk]))
    assert r.status_code == 200
    for slug in PAGES[name]:
        assert f'id="section-{slug}"' in r.text
        assert reverse("projects:section-item", args=[project.pk, slug, 1])[:-2] in r.text


@pytest.mark.parametrize("name", PAGES)
def test_viewers_read_without_forms(client, bob, project, name):
    for slug in PAGES[name]:
        make_row(slug, project)
    client.force_login(bob)
    r = client.get(reverse(name, args=[project.pk]))
    assert r.status_code == 200
    assert 'method="post"' not in r.text.split('<main id="main"')[1]


@pytest.mark.parametrize("name", PAGES)
def test_outsiders_get_404(client, charlie, project, name):
    client.force_login(charlie)
    assert client.get(reverse(name, args=[project.pk])).status_code == 404


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("name", PAGES)
def test_queries_do_not_grow_with_rows(client, alice, project, name):
    client.force_login(alice)
    url = reverse(name, args=[project.pk])
    for slug in PAGES[name]:
        make_row(slug, project, 0)
    few = _queries(client, url)
    for slug in PAGES[name]:
        for n in range(1, 12):
            make_row(slug, project, n)
    assert _queries(client, url) == few


def test_the_overview_queries_do_not_grow_with_work(client, alice, project):
    client.force_login(alice)
    url = project.get_absolute_url()
    for slug in SECTIONS:
        for n in range(5):
            make_row(slug, project, n)
    some = _queries(client, url)
    for slug in SECTIONS:
        for n in range(5, 15):
            make_row(slug, project, n)
    assert _queries(client, url) == some


def test_step_3_shows_the_activities_progress(client, alice, project):
    from projects.flow.services import activities_seed

    activities_seed(project=project)
    project.activities.filter(key__in=["plan", "report"]).update(status="done")
    project.activities.filter(key="technology").update(status="not_relevant")
    client.force_login(alice)
    r = client.get(reverse("projects:step-deliver", args=[project.pk]))
    assert 'max="10" value="2"' in r.text


def test_a_rows_facts_show_choice_labels_and_keep_line_breaks(client, alice, project):
    Supplier.objects.create(
        project=project, name="Visma", responsibility="shared", delivers="Kart <og>\r\nruter"
    )
    client.force_login(alice)
    r = client.get(reverse("projects:step-deliver", args=[project.pk]))
    assert "<dt>Hva de leverer</dt><dd>Kart &lt;og&gt;<br>ruter</dd>" in r.text
    assert "<dt>Ansvar for innovasjon</dt><dd>Delt</dd>" in r.text
