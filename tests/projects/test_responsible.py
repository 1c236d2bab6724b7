"""A responsible person on measures, experiments and goals: chosen among the
project's editors, shown in the lists, recorded in the history, released when
they leave."""

import pytest
from django.urls import reverse

from projects import responsibilities
from projects.access import Actor
from projects.flow.sections import SECTIONS
from projects.models import Membership
from projects.services import membership_remove
from tests.factories import make_user

from .flow_data import make_row, post_data

SLUGS = ["measures", "experiments", "goals"]
HTMX = {"HX-Request": "true"}


def edit(client, project, slug, row, **extra):
    data = post_data(slug, f"{slug}-{row.pk}", project, version=row.version)
    data |= {f"{slug}-{row.pk}-{k}": v for k, v in extra.items()}
    return client.post(
        reverse("projects:section-item", args=[project.pk, slug, row.pk]), data, headers=HTMX
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_an_editor_of_the_project_is_made_responsible(client, alice, project, slug):
    row = make_row(slug, project)
    client.force_login(alice)
    r = edit(client, project, slug, row, responsible=alice.pk)
    assert r.status_code == 200, r.text
    row.refresh_from_db()
    assert row.responsible == alice
    if SECTIONS[slug].list_items:
        assert "Alice Aas" in r.text


@pytest.mark.parametrize("slug", SLUGS)
def test_a_viewer_or_outsider_cannot_be_made_responsible(
    client, alice, bob, charlie, project, slug
):
    row = make_row(slug, project)
    client.force_login(alice)
    for person in (bob, charlie):
        r = edit(client, project, slug, row, responsible=person.pk)
        assert r.status_code == 200
        assert "Velg et gyldig valg" in r.text
        row.refresh_from_db()
        assert row.responsible is None and row.version == 1


@pytest.mark.parametrize("slug", SLUGS)
def test_the_form_offers_only_the_editors(client, alice, bob, owner, project, slug):
    row = make_row(slug, project)
    client.force_login(alice)
    form = client.get(
        reverse("projects:section-item", args=[project.pk, slug, row.pk]), headers=HTMX
    ).text
    select = form[form.index(f'id="id_{slug}-{row.pk}-responsible"') :]
    select = select[: select.index("</select>")]
    assert f'value="{alice.pk}"' in select
    assert f'value="{bob.pk}"' not in select and f'value="{owner.pk}"' not in select


def test_the_matrix_table_shows_who_is_responsible(client, alice, bob, project):
    row = make_row("measures", project)
    row.responsible = alice
    row.save()
    for person in (alice, bob):  # the editor's table and the reader's
        client.force_login(person)
        page = client.get(reverse("projects:matrix", args=[project.pk])).text
        table = page[page.index('id="priority-') :]
        assert "Alice Aas" in table[: table.index("</tr>")]


def test_the_history_words_the_change_of_responsible(client, alice, project):
    row = make_row("goals", project)
    client.force_login(alice)
    edit(client, project, "goals", row, responsible=alice.pk)
    page = client.get(reverse("projects:history", args=[project.pk])).text
    assert "Ansvarlig: – → Alice Aas" in page


@pytest.mark.parametrize("slug", SLUGS)
def test_a_leaving_member_is_released_and_the_item_listed_to_hand_on(client, alice, project, slug):
    dora = make_user("dora", first_name="Dora", last_name="Dahl")
    membership = Membership.objects.create(project=project, user=dora, role="team_member")
    row = make_row(slug, project)
    if slug == "measures":
        row.status = "planned"  # decided on: it needs someone
    row.responsible = dora
    row.save()
    assert membership_remove(membership=membership, actor=Actor(alice.pk, "team_member", False))
    row.refresh_from_db()
    assert row.responsible is None
    assert str(row) in [u.title for u in responsibilities.unassigned(project.pk)]
    client.force_login(alice)
    assert str(row) in client.get(reverse("projects:members", args=[project.pk])).text
