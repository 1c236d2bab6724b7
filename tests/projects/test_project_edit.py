import re

from projects.models import Project


def form_data(project, **changes):
    data = {
        "title": project.title,
        "summary": project.summary,
        "unit": project.unit_id or "",
        "status": project.status,
        "start_date": "",
        "target_date": "",
        "version": project.version,
    }
    return {**data, **changes}


def test_it_saves_and_bumps_version(client, alice, project):
    client.force_login(alice)
    response = client.post(
        f"/projects/{project.pk}/edit/", form_data(project, status="at_risk", title="Nytt navn")
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == "at_risk" and project.title == "Nytt navn"
    assert project.version == 2


def test_it_refuses_stale_version_with_409_and_keeps_both_texts(client, alice, project):
    client.force_login(alice)
    stale = form_data(project, title="Min tittel")
    client.post(f"/projects/{project.pk}/edit/", form_data(project, title="Deres tittel"))
    response = client.post(f"/projects/{project.pk}/edit/", stale)
    assert response.status_code == 409
    project.refresh_from_db()
    assert project.title == "Deres tittel"
    assert 'value="Deres tittel"' in response.text  # the current state
    assert "Min tittel" in response.text  # the refused text, not lost
    assert re.search(rf'name="version"[^>]*value="{project.version}"', response.text)


def test_it_refuses_bad_input(client, alice, project):
    client.force_login(alice)
    response = client.post(f"/projects/{project.pk}/edit/", form_data(project, status="nonsense"))
    assert response.status_code == 200
    assert Project.objects.get(pk=project.pk).status == "on_track"


def test_it_forbids_viewer(client, bob, project):
    client.force_login(bob)
    assert client.get(f"/projects/{project.pk}/edit/").status_code == 403
    response = client.post(f"/projects/{project.pk}/edit/", form_data(project, title="Nei"))
    assert response.status_code == 403
    assert Project.objects.get(pk=project.pk).title == project.title


def test_it_hides_from_outsider(client, charlie, project):
    client.force_login(charlie)
    assert client.get(f"/projects/{project.pk}/edit/").status_code == 404


def test_it_archives_and_restores(client, alice, project):
    client.force_login(alice)
    client.post(f"/projects/{project.pk}/archive/", {"archived": "true"})
    assert Project.objects.get(pk=project.pk).archived
    assert project.title not in client.get("/").text
    client.post(f"/projects/{project.pk}/archive/", {"archived": "false"})
    assert not Project.objects.get(pk=project.pk).archived
