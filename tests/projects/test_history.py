import re

from projects.history import ProjectHistory
from projects.models import Membership
from projects.services import project_update
from tests.factories import count_queries, make_user


def test_it_tells_changes_in_words(client, alice, project):
    client.force_login(alice)
    client.post(
        f"/projects/{project.pk}/edit/",
        {"title": project.title, "unit": project.unit_id, "status": "at_risk", "version": 1},
    )
    response = client.get(f"/projects/{project.pk}/history/")
    assert response.status_code == 200
    assert "Alice Aas endret prosjekt" in response.text
    assert "Status: I rute → Risiko" in response.text


def test_it_writes_each_entry_escaped_with_its_time(client, alice, project):
    client.force_login(alice)
    client.post(
        f"/projects/{project.pk}/edit/",
        {"title": "<b>Ny</b> tittel", "unit": project.unit_id, "status": "on_track", "version": 1},
    )
    page = client.get(f"/projects/{project.pk}/history/").text
    stamp = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]00"  # seconds at most: valid HTML
    assert re.search(rf'<time datetime="{stamp}">\d\d\.\d\d\.\d{{4}} \d\d:\d\d</time>', page)
    assert "Alice Aas endret prosjekt «&lt;b&gt;Ny&lt;/b&gt; tittel»</p>" in page
    assert '<ul class="history-changes"><li>Tittel: Digital innbyggerdialog → &lt;b&gt;Ny' in page
    assert "<b>Ny</b>" not in page


def test_it_records_added_and_removed_members(client, alice, project):
    make_user("dora", first_name="Dora", last_name="Dahl")
    client.force_login(alice)
    client.post(f"/projects/{project.pk}/members/", {"identifier": "dora", "role": "viewer"})
    membership = Membership.objects.get(user__username="dora")
    client.post(f"/projects/{project.pk}/members/{membership.pk}/remove/")
    text = client.get(f"/projects/{project.pk}/history/").text
    assert "Alice Aas opprettet medlemskap «Dora Dahl»" in text
    assert "Alice Aas slettet medlemskap «Dora Dahl»" in text


def _history_after_a_change(client, user, project) -> str:
    """The history page's address, signed in as `user`, after one change."""
    client.force_login(user)
    project.title = "Første endring"
    project.save()
    return f"/projects/{project.pk}/history/"


def test_queries_do_not_grow_with_history(client, alice, project):
    url = _history_after_a_change(client, alice, project)
    before = count_queries(client, url)
    for n in range(30):
        project.title = f"Tittel {n}"
        project.save()
        make_user(f"u{n}").memberships.create(project=project, role="viewer")
    assert count_queries(client, url) == before
    assert "Tittel 29" in client.get(url).text


def test_the_history_is_read_a_page_at_a_time(client, alice, project):
    for n in range(60):
        project.title = f"Tittel {n:02d}"
        project.save()
    client.force_login(alice)
    url = f"/projects/{project.pk}/history/"
    first, second = client.get(url).text, client.get(f"{url}?page=2").text
    assert "→ Tittel 59" in first and "→ Tittel 05" not in first
    assert "→ Tittel 05" in second and "→ Tittel 59" not in second


def test_a_save_that_changed_nothing_shown_is_left_out(project):
    project.save()
    project.title = "Ny tittel"
    project.save()
    entries = ProjectHistory(project.pk)[:10]
    assert [e.label for e in entries if e.action == "~"] == ["Ny tittel"]
    assert entries[0].label == "Ny tittel"


def test_a_save_that_changes_nothing_shown_records_nothing(client, alice, project):
    recorded = project.history.count()
    for _ in range(6):
        project_update(project=project, data={"title": project.title}, version=None)
    assert project.history.count() == recorded
    client.force_login(alice)
    assert "Alice Aas" in client.get(project.get_absolute_url()).text  # latest changes still there


def test_a_repeated_visit_reads_no_history_and_a_change_shows_at_once(client, alice, project):
    url = _history_after_a_change(client, alice, project)
    first = count_queries(client, url)
    assert count_queries(client, url) < first  # the entries come from the cache
    assert "→ Første endring" in client.get(url).text
    project.title = "Andre endring"
    project.save()
    assert "→ Andre endring" in client.get(url).text
    assert "Andre endring" in client.get(f"{url}?page=1").text


def test_windows_and_counts_are_each_projects_own(project, unit):
    from tests.factories import make_project

    other = make_project(title="Annet prosjekt", unit=unit)
    for n in range(7):
        project.title = f"Tittel {n}"
        project.save()
    other.title = "Bare én endring"
    other.save()
    history, others = ProjectHistory(project.pk), ProjectHistory(other.pk)
    # created, three members added, seven edits; the other: created and edited once
    assert (history.count(), others.count()) == (11, 2)
    assert [e.label for e in history[:3]] == ["Tittel 6", "Tittel 5", "Tittel 4"]
    assert [e.label for e in history[1:2]] == ["Tittel 5"]
    assert others[:1][0].label == "Bare én endring"
    assert history.latest_date() == project.history.latest("history_date").history_date
