from projects.models import Membership
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
    before = count_queries(client, project.get_absolute_url())
    for n in range(15):
        Membership.objects.create(project=project, user=make_user(), role="team_member")
        project.title = f"Tittel {n}"
        project.save()
    assert count_queries(client, project.get_absolute_url()) == before
