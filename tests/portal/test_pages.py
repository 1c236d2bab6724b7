from django.test import override_settings


def test_it_shows_the_accessibility_statement_to_anyone(client):
    response = client.get("/accessibility/")
    assert response.status_code == 200
    assert "Tilgjengelighetserklæring" in response.text


def test_the_statement_tells_what_the_tests_check_and_what_is_known_to_be_weak(client):
    text = client.get("/accessibility/").text
    assert "Hva de automatiske testene våre sjekker" in text
    assert "Med bare tastatur" in text
    assert "Excel- og PowerPoint-filer" in text  # a known limit


def test_it_switches_language_to_nynorsk(client, alice):
    client.force_login(alice)
    response = client.post("/i18n/setlang/", {"language": "nn", "next": "/"})
    assert response.status_code == 302
    text = client.get("/").text
    assert '<html lang="nn"' in text
    assert "Mine prosjekt" in text


def test_it_falls_back_to_bokmal(client, alice):
    client.force_login(alice)
    assert '<html lang="nb"' in client.get("/").text


@override_settings(DEBUG=False)
def test_it_renders_404_in_the_portal_look(client, alice):
    client.force_login(alice)
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    assert "Fant ikke siden" in response.text and "site-header" in response.text


def test_it_renders_403_in_the_portal_look(client, bob, project):
    client.force_login(bob)
    response = client.get(f"/projects/{project.pk}/edit/")
    assert response.status_code == 403
    assert "Du kan ikke gjøre dette" in response.text


def test_500_page_renders_without_context():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Noe gikk galt" in html
