"""The benefit map's page and its links: added from lists, removed after a
confirmation, refused by the map's rules, the plan's state, the person's role
and stale versions; titles and assumptions escaped in drawing and list."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from benefits.models import MapLink
from projects.models import Measure, Touchpoint
from tests.factories import make_project

from .builders import make_benefit, make_goal, make_link
from .conftest import HTMX


@pytest.fixture
def parts(plan, project):
    return {
        "measure": Measure.objects.create(project=project, title="SMS-varsel"),
        "touchpoint": Touchpoint.objects.create(project=project, title="Innbyggerapp"),
        "benefit": make_benefit(plan, title="Færre telefoner"),
        "goal": make_goal(project, title="Tryggere hjemmetjeneste"),
    }


def nb(text: str) -> str:
    """`text` as the pages show it (in bokmål, the default language)."""
    with translation.override("nb"):
        return gettext(text)


def url(project, name="map", *args):
    return reverse(f"benefits:{name}", args=[project.pk, *args])


def add(client, project, source, target, assumption="", **kwargs):
    data = {"source": source, "target": target, "assumption": assumption}
    return client.post(url(project, "map-link-add"), data, **kwargs)


def test_it_adds_a_link_in_place(member_client, project, parts, alice):
    r = add(
        member_client,
        project,
        f"measure:{parts['measure'].pk}",
        f"benefit:{parts['benefit'].pk}",
        "Innbyggerne leser SMS",
        headers=HTMX,
    )
    link = MapLink.objects.get()
    assert (link.measure, link.benefit, link.assumption) == (
        parts["measure"],
        parts["benefit"],
        "Innbyggerne leser SMS",
    )
    assert 'id="map-body"' in r.text and "<html" not in r.text
    assert "Innbyggerne leser SMS" in r.text and "<svg" in r.text
    assert link.history.get().history_user == alice  # recorded, with who


def test_it_links_a_benefit_to_a_goal_without_htmx(member_client, project, parts):
    r = add(member_client, project, f"benefit:{parts['benefit'].pk}", f"goal:{parts['goal'].pk}")
    assert r.status_code == 302 and r.url == url(project)
    assert MapLink.objects.get().goal == parts["goal"]
    history = member_client.get(reverse("projects:history", args=[project.pk])).text
    assert "Færre telefoner → Tryggere hjemmetjeneste" in history


def test_it_refuses_a_duplicate(member_client, project, parts):
    ends = (f"touchpoint:{parts['touchpoint'].pk}", f"benefit:{parts['benefit'].pk}")
    add(member_client, project, *ends)
    r = add(member_client, project, *ends, headers=HTMX)
    assert r.status_code == 200 and nb("This link is already on the map.") in r.text
    assert MapLink.objects.count() == 1


@pytest.mark.parametrize(
    ("source", "target"),
    [("goal", "benefit"), ("benefit", "benefit"), ("measure", "goal")],
)
def test_it_refuses_other_pairs(member_client, project, parts, source, target):
    r = add(
        member_client,
        project,
        f"{source}:{parts[source].pk}",
        f"{target}:{parts[target].pk}",
        headers=HTMX,
    )
    assert r.status_code == 200 and "ds-error-summary" in r.text
    assert not MapLink.objects.exists()


def test_it_refuses_an_item_of_another_project(member_client, project, parts, unit):
    elsewhere = Measure.objects.create(project=make_project(title="Annet", unit=unit), title="x")
    r = add(member_client, project, f"measure:{elsewhere.pk}", f"benefit:{parts['benefit'].pk}")
    assert r.status_code == 200 and "ds-error-summary" in r.text
    assert not MapLink.objects.exists()


def test_a_viewer_may_not_add_and_sees_no_form(client, bob, charlie, project, parts):
    client.force_login(bob)
    page = client.get(url(project))
    assert "Færre telefoner" in page.text and 'name="source"' not in page.text
    r = add(client, project, f"benefit:{parts['benefit'].pk}", f"goal:{parts['goal'].pk}")
    assert r.status_code == 403 and not MapLink.objects.exists()
    client.force_login(charlie)
    assert client.get(url(project)).status_code == 404


def test_a_submitted_plan_refuses_links(member_client, project, parts, plan):
    plan.status = "submitted"
    plan.save()
    page = member_client.get(url(project))
    assert 'name="source"' not in page.text
    r = add(member_client, project, f"benefit:{parts['benefit'].pk}", f"goal:{parts['goal'].pk}")
    refusal = "The plan is submitted for review and cannot be changed until it is decided."
    assert r.status_code == 409 and nb(refusal) in r.text
    assert not MapLink.objects.exists()


STALE = "Someone else changed or removed this link meanwhile. The map shows it as it is now."


def test_it_removes_a_link_after_confirming(member_client, project, parts):
    link = make_link(parts["benefit"], goal=parts["goal"])
    page = member_client.get(url(project))
    delete_url = url(project, "map-link-delete", link.pk)
    assert delete_url in page.text
    confirm = member_client.get(delete_url, headers=HTMX)
    question = nb("Remove the link “%(link)s”?") % {
        "link": "Færre telefoner → Tryggere hjemmetjeneste"
    }
    assert question in confirm.text
    assert MapLink.objects.exists()  # asking removes nothing
    r = member_client.post(delete_url, {"version": link.version}, headers=HTMX)
    assert r.status_code == 200 and nb("The link was removed from the map.") in r[
        "HX-Trigger"
    ].encode().decode("unicode_escape")
    assert not MapLink.objects.exists()


def test_it_refuses_a_stale_removal(member_client, project, parts):
    link = make_link(parts["benefit"], goal=parts["goal"])
    MapLink.objects.filter(pk=link.pk).update(assumption="Endret av en annen", version=2)
    r = member_client.post(url(project, "map-link-delete", link.pk), {"version": 1})
    assert r.status_code == 409 and nb(STALE) in r.text
    assert "Endret av en annen" in r.text  # the map as it is now
    assert MapLink.objects.filter(pk=link.pk).exists()


def test_it_refuses_removing_a_link_already_gone(member_client, project, parts):
    link = make_link(parts["benefit"], goal=parts["goal"])
    MapLink.objects.filter(pk=link.pk).delete()
    r = member_client.post(url(project, "map-link-delete", link.pk), {"version": 1})
    assert r.status_code == 409 and nb(STALE) in r.text


def test_a_viewer_may_not_remove(client, bob, project, parts):
    link = make_link(parts["benefit"], goal=parts["goal"])
    client.force_login(bob)
    r = client.post(url(project, "map-link-delete", link.pk), {"version": 1})
    assert r.status_code == 403 and MapLink.objects.filter(pk=link.pk).exists()


def test_it_escapes_titles_and_assumptions(member_client, project, plan):
    benefit = make_benefit(plan, title="<script>alert(1)</script>")
    goal = make_goal(project, title="Mål & <b>fet</b>")
    make_link(benefit, goal=goal).__class__.objects.update(assumption='"><img src=x onerror=1>')
    text = member_client.get(url(project)).text
    assert "<script>alert(1)" not in text and "<b>fet" not in text and "<img src=x" not in text
    drawing = text[text.index("<svg") : text.index("</svg>")]
    listing = text[text.index('class="map-list"') :]
    for part in (drawing, listing):
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in part
        assert "Mål &amp; &lt;b&gt;fet&lt;/b&gt;" in part
    assert "&quot;&gt;&lt;img src=x onerror=1&gt;" in listing


def test_the_plan_links_to_its_map(member_client, project, plan):
    assert url(project) in member_client.get(url(project, "plan")).text


def test_the_page_queries_do_not_grow_with_links(
    member_client, project, plan, django_assert_max_num_queries
):
    def grow(n):
        for i in range(n):
            benefit = make_benefit(plan, title=f"Gevinst {i}")
            make_link(benefit)
            measure = Measure.objects.create(project=project, title=f"Tiltak {i}")
            make_link(benefit, measure=measure)

    grow(1)
    with django_assert_max_num_queries(40) as few:
        member_client.get(url(project))
    grow(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        r = member_client.get(url(project))
    assert r.text.count('map-remove"') == 22
