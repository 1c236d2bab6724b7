from projects.models import Membership, Project


def test_it_shows_the_form(client, alice):
    client.force_login(alice)
    response = client.get("/projects/new/")
    assert response.status_code == 200
    assert 'name="title"' in response.text


def test_it_creates_project_with_creator_as_team_member(client, alice, unit):
    client.force_login(alice)
    response = client.post(
        "/projects/new/", {"title": "  Ny søknadsveiviser ", "summary": "", "unit": unit.pk}
    )
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()
    assert project.title == "Ny søknadsveiviser"
    assert project.step == "hypothesis" and project.funnel_stage == "idea"
    assert Membership.objects.get(project=project).user == alice
    assert Membership.objects.get(project=project).role == Membership.Role.TEAM_MEMBER


def test_it_refuses_blank_title_and_saves_nothing(client, alice):
    client.force_login(alice)
    response = client.post("/projects/new/", {"title": "   ", "summary": "x"})
    assert response.status_code == 200
    assert Project.objects.count() == 0
    assert 'aria-invalid="true"' in response.text
    assert "ds-error-summary" in response.text


def test_it_refuses_target_before_start(client, alice):
    client.force_login(alice)
    response = client.post(
        "/projects/new/",
        {"title": "X", "start_date": "2026-05-01", "target_date": "2026-04-01"},
    )
    assert response.status_code == 200
    assert Project.objects.count() == 0
    assert "Måldatoen kan ikke være før startdatoen." in response.text


def test_it_escapes_markup_in_title(client, alice):
    client.force_login(alice)
    client.post("/projects/new/", {"title": "<script>alert(1)</script>"})
    project = Project.objects.get()
    response = client.get(project.get_absolute_url())
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
