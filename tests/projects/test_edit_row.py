"""Opening a row's edit form with htmx answers with that row alone, unless
another form of the list is open (then the whole list, which closes it)."""

import pytest
from django.urls import reverse

from projects.flow.sections import SECTIONS

from .flow_data import make_row

HTMX = {"HX-Request": "true"}
LISTED = [slug for slug, section in SECTIONS.items() if section.list_items]


def item_url(project, slug, row):
    return reverse("projects:section-item", args=[project.pk, slug, row.pk])


@pytest.mark.parametrize("slug", LISTED)
def test_the_edit_form_comes_alone_in_place_of_its_row(client, alice, project, slug):
    row = make_row(slug, project)
    other = make_row(slug, project, 1)
    client.force_login(alice)
    r = client.get(item_url(project, slug, row), headers=HTMX)
    assert r.status_code == 200
    assert r.text.startswith(f'<li class="flow-item ds-card" id="{slug}-{row.pk}">')
    assert r["HX-Retarget"] == f"#{slug}-{row.pk}" and r["HX-Reswap"] == "outerHTML"
    assert f'action="{item_url(project, slug, row)}"' in r.text
    assert f'hx-target="#section-{slug}"' in r.text  # saving redraws the list
    assert "autofocus" in r.text  # the keyboard goes to the first field
    assert f'id="{slug}-{other.pk}"' not in r.text and 'id="section-' not in r.text


def test_the_goal_edit_form_costs_six_queries(client, alice, project, django_assert_num_queries):
    rows = [make_row("goals", project, n) for n in range(5)]
    client.force_login(alice)
    # The session, the user, the access check, the goal, the people who may be
    # responsible and the header's unread count; the other goals are not read.
    with django_assert_num_queries(6):
        r = client.get(item_url(project, "goals", rows[2]), headers=HTMX)
    assert "Mål 2" in r.text and "Mål 3" not in r.text


def test_with_a_form_of_the_list_open_the_whole_list_comes(client, alice, project):
    row = make_row("goals", project)
    other = make_row("goals", project, 1)
    client.force_login(alice)
    r = client.get(item_url(project, "goals", row), {"open": "1"}, headers=HTMX)
    assert r.text.lstrip().startswith('<section id="section-goals"')
    assert "HX-Retarget" not in r
    assert f'action="{item_url(project, "goals", row)}"' in r.text
    assert f'id="goals-{other.pk}"' in r.text and "Mål 1" in r.text


def test_open_forms_are_marked_and_edit_links_ask_about_them(client, alice, project):
    row = make_row("goals", project)
    make_row("goals", project, 1)
    client.force_login(alice)
    page = client.get(reverse("projects:step-goals", args=[project.pk])).text
    assert 'hx-include="#section-goals [name=open]"' in page
    assert 'name="open"' not in page  # no form open
    edit = client.get(item_url(project, "goals", row), headers=HTMX).text
    add = client.get(reverse("projects:section-add", args=[project.pk, "goals"]), headers=HTMX)
    assert edit.count('name="open"') == 1 and add.text.count('name="open"') == 1


def test_the_matrix_edit_form_still_comes_with_its_list(client, alice, project):
    row = make_row("measures", project)
    client.force_login(alice)
    r = client.get(item_url(project, "measures", row), headers=HTMX)
    assert 'id="section-measures"' in r.text and "HX-Retarget" not in r
    assert f'action="{item_url(project, "measures", row)}"' in r.text
