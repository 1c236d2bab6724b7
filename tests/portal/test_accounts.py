"""Log-in, and its protection against guessing (django-axes behind the portal's
own form): who is counted, for how long, what the person sees and what is logged."""

import io
import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from portal.accounts import client_address, normalised_username
from tests.factories import make_user

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
RIGHT = "pw-123-secret"


def _try(client, username, password="wrong", address="127.0.0.1", **extra):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def _signed_in_as(client) -> str | None:
    response = client.get("/")
    return response.context["user"].username if response.status_code == 200 else None


def test_it_logs_in_and_out(client, alice):
    response = client.post(LOGIN, {"username": "alice", "password": RIGHT})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 302


def test_it_shows_a_norwegian_error_for_wrong_password(client, alice):
    response = _try(client, "alice")
    assert response.status_code == 200
    assert "Vennligst oppgi korrekt brukernavn og passord" in response.text


def test_it_locks_out_after_the_limit_even_with_the_right_password(client, alice, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(2):
        assert _try(client, "alice").status_code == 200
    third = _try(client, "alice")  # the failure that reaches the limit is answered so
    assert third.status_code == 429
    response = _try(client, "alice", RIGHT)
    assert response.status_code == 429
    # The portal's own page, in bokmål, with the real length of the lock-out.
    assert "Logg inn i Innoportal" in response.text and 'name="password"' in response.text
    assert "For mange mislykkede innlogginger. Vent 15 minutter og prøv igjen." in response.text
    assert _signed_in_as(client) is None
    assert AccessAttempt.objects.get(username="alice").failures_since_start == 3


def test_the_stated_lock_out_is_the_real_one(client, alice, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = timedelta(minutes=7)
    _try(client, "alice")
    assert "Vent 7 minutter" in _try(client, "alice").text
    # Five minutes on, two are left; a refused attempt does not extend the lock-out.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=5))
    assert "Vent 2 minutter" in _try(client, "alice", RIGHT).text
    assert "Vent 2 minutter" in _try(client, "alice").text
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=7, seconds=1))
    assert _try(client, "alice", RIGHT).status_code == 302
    assert _signed_in_as(client) == "alice"


def test_the_lock_out_speaks_the_users_language(client, alice, settings):
    settings.AXES_FAILURE_LIMIT = 1
    response = _try(client, "alice", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    assert "Too many failed log-in attempts. Wait 15 minutes and try again." in response.text


def test_it_counts_every_spelling_of_a_username_as_one(client, settings):
    settings.AXES_FAILURE_LIMIT = 4
    make_user("kari")
    for spelling in ["KARI", "Kari", " kari", "ｋａｒｉ"]:
        _try(client, spelling)
    assert AccessAttempt.objects.get().username == "kari"
    assert _try(client, "kari", RIGHT).status_code == 429


def test_it_logs_in_whatever_the_case_or_width_of_the_username(client):
    make_user("kari")
    for spelling in ["KARI", "Kari", " kari ", "ｋａｒｉ"]:
        client.logout()
        assert _try(client, spelling, RIGHT).status_code == 302, spelling
        assert _signed_in_as(client) == "kari"


def test_it_tells_apart_accounts_that_differ_only_in_case(client):
    make_user("Kari")
    make_user("kari")
    assert _try(client, "Kari", RIGHT).status_code == 302
    assert _signed_in_as(client) == "Kari"
    client.logout()
    assert _try(client, "KARI", RIGHT).status_code == 200  # ambiguous: no one
    assert _signed_in_as(client) is None


def test_normalising_folds_case_width_and_spaces():
    assert {normalised_username(s) for s in ["KARI", "Kari", " kari", "ｋａｒｉ\t"]} == {"kari"}
    assert normalised_username(None) == ""


def test_an_attackers_failures_do_not_refuse_the_persons_right_password(client, alice, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for spelling in ["ALICE", "Alice", " alice", "ａｌｉｃｅ", "alice"]:
        _try(client, spelling, address="203.0.113.9")
    assert _try(client, "alice", RIGHT, address="203.0.113.9").status_code == 429
    assert _try(client, "alice", RIGHT, address="198.51.100.7").status_code == 302
    assert _signed_in_as(client) == "alice"


def test_failures_from_one_address_do_not_lock_out_others_behind_it(client, alice, bob, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for n in range(20):
        _try(client, ["alice", "nobody", "admin", f"guess{n}"][n % 4], address="10.1.2.3")
    assert _try(client, "bob", RIGHT, address="10.1.2.3").status_code == 302
    assert _signed_in_as(client) == "bob"


def test_it_takes_the_address_from_the_proxy_header_only_behind_the_proxy(settings):
    request = RequestFactory().post(
        LOGIN, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9"
    )
    settings.BEHIND_TLS_PROXY = False
    assert client_address(request) == "10.0.0.2"
    settings.BEHIND_TLS_PROXY = True
    assert client_address(request) == "203.0.113.9"  # the entry the proxy appended
    request.META["HTTP_X_FORWARDED_FOR"] = "not-an-address"
    assert client_address(request) == "10.0.0.2"
    del request.META["HTTP_X_FORWARDED_FOR"]
    assert client_address(request) == "10.0.0.2"


def test_failures_behind_the_proxy_count_against_the_client(client, alice, settings):
    settings.BEHIND_TLS_PROXY = True
    settings.AXES_FAILURE_LIMIT = 2
    for spoofed in ["1.1.1.1", "2.2.2.2"]:
        _try(client, "alice", address="10.0.0.2", HTTP_X_FORWARDED_FOR=f"{spoofed}, 203.0.113.9")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.9"
    through_proxy = {"address": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    assert _try(client, "alice", RIGHT, **through_proxy).status_code == 429
    colleague = {"address": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    assert _try(client, "alice", RIGHT, **colleague).status_code == 302


def test_failures_and_lock_outs_are_logged(client, alice, settings, caplog):
    settings.AXES_FAILURE_LIMIT = 2
    caplog.set_level(logging.INFO, logger="portal.security")
    _try(client, "ALICE", address="203.0.113.9")
    _try(client, "alice", address="203.0.113.9")
    messages = [r.getMessage() for r in caplog.records if r.name == "portal.security"]
    assert sorted(messages) == [
        "login failed username='alice' address=203.0.113.9",
        "login failed username='alice' address=203.0.113.9",
        "login locked out username='alice' address=203.0.113.9",
    ]
    assert all(r.levelno == logging.WARNING for r in caplog.records if r.name == "portal.security")


def test_an_administrator_lifts_a_lock_out_with_the_command(client, alice, settings):
    settings.AXES_FAILURE_LIMIT = 1
    _try(client, "alice")
    assert _try(client, "alice", RIGHT).status_code == 429
    call_command("axes_reset_username", "alice", stdout=io.StringIO())
    assert _try(client, "alice", RIGHT).status_code == 302


def test_an_administrator_lifts_a_lock_out_in_the_admin(client, admin_client, alice, settings):
    settings.AXES_FAILURE_LIMIT = 1
    _try(client, "alice")
    listing = admin_client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200 and "alice" in listing.text
    attempt = AccessAttempt.objects.get()
    admin_client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert not AccessAttempt.objects.exists()
    assert _try(client, "alice", RIGHT).status_code == 302


def test_the_admin_log_in_is_protected_too(client, settings):
    settings.AXES_FAILURE_LIMIT = 2
    make_user("root", is_staff=True, is_superuser=True)
    for _ in range(2):
        client.post("/admin/login/", {"username": "ROOT", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "root", "password": RIGHT})
    assert response.status_code == 429
    assert "For mange mislykkede innlogginger" in response.text
    assert AccessAttempt.objects.get().username == "root"


def test_a_right_password_clears_the_failures(client, alice, settings):
    settings.AXES_FAILURE_LIMIT = 3
    _try(client, "alice")
    _try(client, "alice")
    assert _try(client, "alice", RIGHT).status_code == 302
    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists()  # successful log-ins leave no trace


@pytest.mark.parametrize("username", ["", "x" * 300, "a\x00b"])
def test_odd_usernames_get_the_form_again(client, username):
    response = _try(client, username)
    assert response.status_code == 200 and 'name="username"' in response.text


def test_it_changes_password(client, alice):
    client.force_login(alice)
    response = client.post(
        "/accounts/password/",
        {
            "old_password": RIGHT,
            "new_password1": "ny-lang-passordfrase-42",
            "new_password2": "ny-lang-passordfrase-42",
        },
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("ny-lang-passordfrase-42")
