import pytest


@pytest.fixture(autouse=True)
def clear_cache(db):
    from django.core.cache import cache

    cache.clear()


def test_it_logs_in_and_out(client, alice):
    response = client.post("/accounts/login/", {"username": "alice", "password": "pw-123-secret"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 302


def test_it_shows_a_norwegian_error_for_wrong_password(client, alice):
    response = client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    assert response.status_code == 200
    assert "Vennligst oppgi korrekt brukernavn og passord" in response.text


def test_it_throttles_repeated_failures_even_with_the_right_password(client, alice, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    for _ in range(3):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "alice", "password": "pw-123-secret"})
    assert response.status_code == 200
    assert "For mange mislykkede innlogginger" in response.text
    assert client.get("/").status_code == 302


def test_it_does_not_throttle_other_users(client, alice, bob, settings):
    settings.LOGIN_THROTTLE_ATTEMPTS = 3
    for _ in range(3):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "bob", "password": "pw-123-secret"})
    assert response.status_code == 302


def test_it_changes_password(client, alice):
    client.force_login(alice)
    response = client.post(
        "/accounts/password/",
        {
            "old_password": "pw-123-secret",
            "new_password1": "ny-lang-passordfrase-42",
            "new_password2": "ny-lang-passordfrase-42",
        },
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("ny-lang-passordfrase-42")
