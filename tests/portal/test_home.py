from tests.factories import make_project, make_user


def test_it_lists_my_projects_with_step_and_status(client, alice, project):
    make_project(title="Andres prosjekt", members={make_user(): "team_member"})
    client.force_login(alice)
    response = client.get("/")
    assert response.status_code == 200
    assert "Digital innbyggerdialog" in response.text
    assert "Hypotese" in response.text and "I rute" in response.text
    assert "Andres prosjekt" not in response.text


def test_it_welcomes_a_new_user_with_new_project(client, charlie):
    client.force_login(charlie)
    response = client.get("/")
    assert "Du er ikke med i noen prosjekter ennå" in response.text
    assert 'href="/projects/new/"' in response.text


def test_it_sends_anonymous_to_log_in(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/?next=/"
