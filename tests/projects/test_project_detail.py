import re

from django.test import Client

from canvas.services import canvas_create, note_add
from projects.access import Actor
from projects.flow.services import activities_seed
from projects.models import Membership
from projects.services import membership_add
from tests.factories import count_queries, make_user


def test_it_shows_steps_members_and_latest_changes(client, alice, project):
    client.force_login(alice)
    response = client.get(project.get_absolute_url())
    assert response.status_code == 200
    assert "Digital innbyggerdialog" in response.text
    assert "1. Hypotese" in response.text and "3. Lever løsning" in response.text
    assert "Alice Aas" in response.text
    assert "Siste endringer" in response.text


def test_it_shows_what_is_missing(client, alice, project):
    client.force_login(alice)
    response = client.get(project.get_absolute_url())
    assert "En løsningseier er utnevnt" in response.text  # missing in step 3


def test_it_lets_viewer_read_without_edit_buttons(client, bob, project):
    client.force_login(bob)
    response = client.get(project.get_absolute_url())
    assert response.status_code == 200
    assert f"/projects/{project.pk}/edit/" not in response.text


def test_it_lets_leader_read(client, leader, project):
    client.force_login(leader)
    assert client.get(project.get_absolute_url()).status_code == 200


def test_it_hides_project_from_outsider(client, charlie, project):
    client.force_login(charlie)
    assert client.get(project.get_absolute_url()).status_code == 404


def test_it_logs_refused_access(client, charlie, project, caplog):
    client.force_login(charlie)
    client.get(project.get_absolute_url())
    assert f"status=404 user={charlie.pk} project={project.pk}" in caplog.text


def test_it_answers_404_for_missing_project(client, alice):
    client.force_login(alice)
    response = client.get("/projects/99999/")
    assert response.status_code == 404
    assert "Fant ikke siden" in response.text


def test_queries_do_not_grow_with_members_or_history(client, alice, project):
    client.force_login(alice)
    project.title = "Første endring"
    project.save()
    before = count_queries(client, project.get_absolute_url())
    for n in range(15):
        Membership.objects.create(project=project, user=make_user(), role="team_member")
        project.title = f"Tittel {n}"
        project.save()
    assert count_queries(client, project.get_absolute_url()) == before


def test_a_repeated_visit_reads_only_the_access_check(client, alice, project):
    client.force_login(alice)
    first = count_queries(client, project.get_absolute_url())
    again = count_queries(client, project.get_absolute_url())
    # session, user, the project with alice's role, the header's unread count
    assert again == 4 < first


def test_a_kept_page_has_this_responses_nonce(client, alice, project):
    client.force_login(alice)
    client.get(project.get_absolute_url())
    response = client.get(project.get_absolute_url())
    nonce = re.search(r'nonce="([^"]+)"', response.text).group(1)
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_a_page_kept_for_one_browser_posts_from_another(alice, project):
    first = Client()
    first.force_login(alice)
    first.get(project.get_absolute_url())
    second = Client(enforce_csrf_checks=True)
    second.force_login(alice)
    page = second.get(project.get_absolute_url()).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = second.post(
        f"/projects/{project.pk}/archive/", {"archived": "true", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.archived


def test_it_shows_a_change_of_a_nested_row_made_after_a_visit(client, alice, project):
    client.force_login(alice)
    client.get(project.get_absolute_url())
    canvas = canvas_create(project=project, title="Tjenestelerret")
    client.get(project.get_absolute_url())
    note_add(
        canvas=canvas, block="value_propositions", text="Raskere svar til innbyggerne", by=alice
    )
    response = client.get(project.get_absolute_url())
    assert "Raskere svar til innbyggerne" in response.text


def test_it_shows_rows_written_in_bulk_after_a_visit(client, alice, project):
    client.force_login(alice)
    assert "Rapporter resultater" not in client.get(project.get_absolute_url()).text
    activities_seed(project=project)
    assert "Rapporter resultater" in client.get(project.get_absolute_url()).text


def test_it_shows_a_new_member_after_a_visit(client, alice, project):
    client.force_login(alice)
    client.get(project.get_absolute_url())
    membership_add(
        project=project,
        user=make_user(first_name="Dina", last_name="Dahl"),
        role="viewer",
        actor=Actor(alice.pk, "team_member", False),
    )
    assert "Dina Dahl" in client.get(project.get_absolute_url()).text


def test_a_reader_does_not_get_the_page_an_editor_saw(client, alice, bob, project):
    client.force_login(alice)
    assert "Du kan lese dette prosjektet" not in client.get(project.get_absolute_url()).text
    client.force_login(bob)
    response = client.get(project.get_absolute_url())
    assert "Du kan lese dette prosjektet" in response.text
    assert f"/projects/{project.pk}/edit/" not in response.text


def test_each_language_gets_its_own_page(client, alice, project):
    client.force_login(alice)
    client.get(project.get_absolute_url())
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Latest changes" in client.get(project.get_absolute_url()).text


def test_the_commissioning_owner_reads_that_they_decide_at_the_gates(client, owner, project):
    client.force_login(owner)
    text = client.get(project.get_absolute_url()).text
    assert "Du leser prosjektet og beslutter ved beslutningspunktene" in text
    assert "Du kan lese dette prosjektet" not in text
