"""PASSWORD_LOGIN, the log-in page with the organisation's button first, and
log-out that ends the provider's session too."""

import logging
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from allauth.socialaccount.providers.base import AuthProcess
from django.contrib.auth import get_user_model

from tests.factories import make_user

from .flows import LOGIN, sign_in

User = get_user_model()
PASSWORD = {"username": "kari", "password": "pw-123-secret"}


def signed_in(client) -> bool:
    return client.get("/").wsgi_request.user.is_authenticated


def test_the_organisations_button_comes_first(client, oidc):
    page = client.get("/accounts/login/").content.decode()
    button = page.index("Kommunens pålogging")
    assert f'action="{LOGIN}"' in page
    assert button < page.index('name="password"')
    assert "Eller logg inn med passord" in page


def test_without_a_provider_the_page_has_only_the_password_form(client, db):
    page = client.get("/accounts/login/").content.decode()
    assert "/accounts/oidc/" not in page and 'name="password"' in page


def test_a_provider_without_a_name_gets_a_translated_label(client, oidc, settings):
    settings.SOCIALACCOUNT_PROVIDERS = oidc.providers_setting(OIDC_NAME="")
    assert "Logg inn med organisasjonen din" in client.get("/accounts/login/").content.decode()


def test_password_login_off_refuses_a_correct_password(client, oidc, settings, caplog):
    settings.PASSWORD_LOGIN = "off"
    make_user("kari", is_staff=True)
    page = client.get("/accounts/login/").content.decode()
    assert 'name="password"' not in page and "Kommunens pålogging" in page
    response = client.post("/accounts/login/", PASSWORD)
    assert response.status_code == 200
    assert "Innlogging med passord er slått av" in response.content.decode()
    assert not signed_in(client)


def test_password_login_staff_refuses_a_non_staff_password(client, oidc, settings, caplog):
    caplog.set_level(logging.INFO, logger="portal.security")
    settings.PASSWORD_LOGIN = "staff"
    make_user("kari")
    page = client.get("/accounts/login/").content.decode()
    assert "Administratorer: logg inn med passord" in page
    response = client.post("/accounts/login/", PASSWORD)
    assert "Bare administratorer logger inn med passord" in response.content.decode()
    assert not signed_in(client)
    assert any("password login refused" in r.getMessage() for r in caplog.records)
    # A wrong password gets the same answer: the refusal does not confirm a
    # right one.
    wrong = client.post("/accounts/login/", {**PASSWORD, "password": "wrong"})
    assert "Bare administratorer logger inn med passord" in wrong.content.decode()


def test_password_login_staff_lets_an_administrator_in(client, oidc, settings):
    settings.PASSWORD_LOGIN = "staff"
    make_user("kari", is_staff=True)
    response = client.post("/accounts/login/", PASSWORD)
    assert response.status_code == 302 and signed_in(client)


def test_wrong_passwords_are_still_throttled(client, db, settings):
    settings.AXES_FAILURE_LIMIT = 2
    make_user("kari")
    for _ in range(2):
        client.post("/accounts/login/", {"username": "kari", "password": "wrong"})
    response = client.post("/accounts/login/", PASSWORD)
    assert response.status_code == 429 and not signed_in(client)


def test_log_out_ends_the_providers_session_too(client, oidc):
    sign_in(client)
    response = client.post("/accounts/logout/")
    assert not signed_in(client)
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == oidc.issuer + "/session/end"
    query = parse_qs(location.query)
    assert query["post_logout_redirect_uri"] == ["http://testserver/accounts/login/"]
    assert query["client_id"] == ["innoportal"]
    # The provider accepts the hint and the return address (its confirmation page).
    confirm = requests.get(response["Location"], timeout=10, allow_redirects=False)
    assert confirm.status_code == 200 and "logout" in confirm.text.lower()
    assert query["id_token_hint"][0].count(".") == 2


def test_a_password_user_logs_out_to_the_log_in_page(client, db):
    client.force_login(make_user("kari"))
    response = client.post("/accounts/logout/")
    assert response["Location"] == "/accounts/login/" and not signed_in(client)


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_sign_in_cannot_connect_an_identity_to_a_signed_in_user(client, oidc, method):
    client.force_login(make_user("kari"))
    response = getattr(client, method)(LOGIN + "?process=connect")
    if method == "post":
        states = client.session["socialaccount_states"].values()
        assert [s[0]["process"] for s in states] == [AuthProcess.LOGIN]
    else:
        assert response.status_code == 200 and "Kommunens pålogging" in response.content.decode()
