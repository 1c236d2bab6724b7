"""The lists of the step pages, all served by the same three views: add, edit
in place, delete — for every list, as htmx and as a plain form."""

import pytest
from django.urls import reverse

from projects.flow.sections import SECTIONS

from .flow_data import REQUIRED, make_row, post_data

ADDABLE = [slug for slug, s in SECTIONS.items() if s.can_add]
HTMX = {"HX-Request": "true"}


def add_url(project, slug):
    return reverse("projects:section-add", args=[project.pk, slug])


def item_url(project, slug, row, action=""):
    name = "projects:section-delete" if action == "delete" else "projects:section-item"
    return reverse(name, args=[project.pk, slug, row.pk])


@pytest.mark.parametrize("slug", ADDABLE)
def test_it_adds_a_row_with_htmx(client, alice, project, slug):
    client.force_login(alice)
    r = client.post(add_url(project, slug), post_data(slug, f"add-{slug}", project), headers=HTMX)
    assert r.status_code == 200
    assert f'id="section-{slug}"' in r.text and "<html" not in r.text
    assert SECTIONS[slug].queryset(project).count() == 1
    assert "announce" in r["HX-Trigger"]


@pytest.mark.parametrize("slug", ["experiments", "journey-future", "measures"])
def test_it_adds_a_row_with_a_plain_form(client, alice, project, slug):
    client.force_login(alice)
    r = client.post(add_url(project, slug), post_data(slug, f"add-{slug}", project))
    assert r.status_code == 302
    assert r["Location"].endswith(f"#section-{slug}")
    assert SECTIONS[slug].queryset(project).count() == 1


@pytest.mark.parametrize("slug", ADDABLE)
def test_it_refuses_a_blank_required_field_and_saves_nothing(client, alice, project, slug):
    client.force_login(alice)
    data = post_data(slug, f"add-{slug}", project, **{REQUIRED[slug]: "   "})
    r = client.post(add_url(project, slug), data, headers=HTMX)
    assert r.status_code == 200
    assert "Rett opp dette" in r.text or "ds-error-summary" in r.text
    assert SECTIONS[slug].queryset(project).count() == 0


def test_it_shows_errors_on_the_whole_page_without_htmx(client, alice, project):
    client.force_login(alice)
    r = client.post(add_url(project, "goals"), {"add-goals-title": ""})
    assert r.status_code == 200
    assert "<html" in r.text and "ds-error-summary" in r.text
    assert not project.goals.exists()


@pytest.mark.parametrize(
    ("slug", "field", "bad"),
    [
        ("stakeholders", "interest", "9"),
        ("measures", "effort", "0"),
        ("experiments", "date", "i morgen"),
    ],
)
def test_it_refuses_values_out_of_range(client, alice, project, slug, field, bad):
    client.force_login(alice)
    data = post_data(slug, f"add-{slug}", project, **{field: bad})
    r = client.post(add_url(project, slug), data, headers=HTMX)
    assert r.status_code == 200 and "ds-error-summary" in r.text
    assert SECTIONS[slug].queryset(project).count() == 0


@pytest.mark.parametrize("slug", list(SECTIONS))
def test_it_shows_the_edit_form_in_place(client, alice, project, slug):
    row = make_row(slug, project)
    client.force_login(alice)
    r = client.get(item_url(project, slug, row), headers=HTMX)
    assert r.status_code == 200 and "<html" not in r.text
    assert f'action="{item_url(project, slug, row)}"' in r.text
    full = client.get(item_url(project, slug, row))
    assert "<html" in full.text and f'action="{item_url(project, slug, row)}"' in full.text


@pytest.mark.parametrize("slug", list(SECTIONS))
def test_it_saves_an_edit(client, alice, project, slug):
    row = make_row(slug, project)
    client.force_login(alice)
    data = post_data(slug, f"{slug}-{row.pk}", project, version=row.version)
    r = client.post(item_url(project, slug, row), data, headers=HTMX)
    assert r.status_code == 200, r.text
    row.refresh_from_db()
    assert row.version == 2
    assert "announce" in r["HX-Trigger"]


def test_it_refuses_a_stale_edit_with_409_and_keeps_the_newer_text(client, alice, project):
    row = make_row("goals", project)
    client.force_login(alice)
    first = post_data("goals", f"goals-{row.pk}", project, version=1, title="Først")
    second = post_data("goals", f"goals-{row.pk}", project, version=1, title="Sist")
    assert client.post(item_url(project, "goals", row), first, headers=HTMX).status_code == 200
    r = client.post(item_url(project, "goals", row), second, headers=HTMX)
    assert r.status_code == 409
    assert "Sist" in r.text  # the refused text is shown
    row.refresh_from_db()
    assert row.title == "Først"


def test_it_deletes_a_row_and_keeps_it_in_history(client, alice, project):
    row = make_row("lessons", project)
    client.force_login(alice)
    r = client.post(item_url(project, "lessons", row, "delete"), headers=HTMX)
    assert r.status_code == 200 and not project.lessons.exists()
    assert row.history.filter(history_type="-").exists()
    r = client.post(item_url(project, "lessons", make_row("lessons", project), "delete"))
    assert r.status_code == 302


def test_activities_can_be_neither_added_nor_deleted(client, alice, project):
    row = make_row("activities", project)
    client.force_login(alice)
    activities = list(project.activities.values())
    assert client.post(add_url(project, "activities"), {}).status_code == 404
    assert client.post(item_url(project, "activities", row, "delete")).status_code == 404
    assert list(project.activities.values()) == activities


def test_a_row_of_another_project_is_not_found(client, alice, project):
    from tests.factories import make_project

    other = make_project(members={alice: "team_member"})
    row = make_row("goals", other)
    client.force_login(alice)
    assert client.get(item_url(project, "goals", row)).status_code == 404
    assert client.post(item_url(project, "goals", row, "delete")).status_code == 404
    assert type(row).objects.filter(pk=row.pk, project=other).exists()


def test_an_unknown_list_is_not_found(client, alice, project):
    client.force_login(alice)
    assert client.post(add_url(project, "nope"), {}).status_code == 404


@pytest.mark.parametrize("slug", ["goals", "measures"])
def test_it_hides_lists_from_outsiders(client, charlie, project, slug):
    row = make_row(slug, project)
    client.force_login(charlie)
    assert client.get(item_url(project, slug, row), headers=HTMX).status_code == 404
    assert client.post(add_url(project, slug), {}, headers=HTMX).status_code == 404


@pytest.mark.parametrize("slug", ["goals", "journey-today"])
def test_viewers_may_not_change_lists(client, bob, project, slug):
    row = make_row(slug, project)
    client.force_login(bob)
    data = post_data(slug, f"add-{slug}", project)
    assert client.post(add_url(project, slug), data, headers=HTMX).status_code == 403
    assert client.get(item_url(project, slug, row)).status_code == 403
    assert client.post(item_url(project, slug, row, "delete")).status_code == 403
    assert SECTIONS[slug].queryset(project).count() == 1


def test_a_dialogue_cannot_name_another_projects_supplier(client, alice, project):
    from tests.factories import make_project

    other = make_project(members={alice: "team_member"})
    foreign = make_row("suppliers", other)
    client.force_login(alice)
    data = post_data("dialogues", "add-dialogues", project, supplier=str(foreign.pk))
    r = client.post(add_url(project, "dialogues"), data, headers=HTMX)
    assert r.status_code == 200 and "ds-error-summary" in r.text
    assert not project.supplier_dialogues.exists()


def test_changes_are_recorded_in_the_project_history(client, alice, project):
    client.force_login(alice)
    client.post(add_url(project, "goals"), post_data("goals", "add-goals", project), headers=HTMX)
    r = client.get(reverse("projects:history", args=[project.pk]))
    assert "Færre bomturer" in r.text


def test_editing_an_activity_updates_the_progress_too(client, alice, project):
    from projects.flow.services import activities_seed

    activities_seed(project=project)
    row = project.activities.get(key="plan")
    client.force_login(alice)
    data = post_data("activities", f"activities-{row.pk}", project, status="done", version=1)
    r = client.post(item_url(project, "activities", row), data, headers=HTMX)
    assert 'id="activity-progress" hx-swap-oob="true"' in r.text
    assert 'max="11" value="1"' in r.text


@pytest.mark.parametrize("slug", ["goals", "journey-today"])
def test_it_opens_the_add_form_in_place(client, alice, project, slug):
    client.force_login(alice)
    r = client.get(add_url(project, slug), headers=HTMX)
    assert r.status_code == 200 and "<html" not in r.text
    assert f'hx-post="{add_url(project, slug)}"' in r.text and "autofocus" in r.text
    full = client.get(add_url(project, slug))
    assert "<html" in full.text and f'action="{add_url(project, slug)}"' in full.text


def test_pages_render_no_add_form_until_asked(client, alice, project):
    client.force_login(alice)
    r = client.get(reverse("projects:step-goals", args=[project.pk]))
    assert f'hx-get="{add_url(project, "goals")}"' in r.text
    assert f'hx-post="{add_url(project, "goals")}"' not in r.text


def test_a_row_in_use_elsewhere_is_not_deleted(client, alice, project, monkeypatch):
    from django.db.models import ProtectedError

    from projects.flow.views import sections as views

    row = make_row("benefits", project)

    def refuse(*, row):
        raise ProtectedError("adopted by the benefit plan", {row})

    monkeypatch.setattr(views, "row_delete", refuse)
    client.force_login(alice)
    r = client.post(item_url(project, "benefits", row, "delete"), headers=HTMX)
    assert r.status_code == 409 and "kan ikke slettes" in r.text
    assert project.identified_benefits.filter(pk=row.pk).exists()
