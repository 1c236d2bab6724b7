"""OpenID Connect sign-in against a real provider (npm oidc-provider on
loopback): who the person becomes, and what is refused."""

import logging
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from projects.selectors import LEADERS_GROUP
from tests.factories import make_user

from .flows import LOGIN, callback_url, sign_in

User = get_user_model()


def signed_in_user(client):
    return client.get("/").wsgi_request.user


def test_first_sign_in_creates_the_user_from_the_claims(client, oidc):
    response = sign_in(client)
    assert response.status_code == 302 and response["Location"] == "/"
    user = User.objects.get()
    assert (user.first_name, user.last_name) == ("Kari", "Nordmann")
    assert user.email == "kari.nordmann@kommune.no"
    assert user.has_usable_password() is False
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == ("org", "kari")
    assert account.extra_data["id_token"]["iss"] == oidc.issuer
    assert signed_in_user(client) == user


def test_the_same_subject_signs_in_as_the_same_user(client, oidc):
    sign_in(client)
    first = User.objects.get()
    client.post("/accounts/logout/")
    assert not signed_in_user(client).is_authenticated
    sign_in(client)
    assert signed_in_user(client) == first
    assert User.objects.count() == 1 and SocialAccount.objects.count() == 1


def test_a_changed_e_mail_at_the_provider_is_still_the_same_user(client, oidc):
    sign_in(client)
    first = User.objects.get()
    oidc.set_account("kari", **{**oidc.accounts["kari"], "email": "kari@ny-kommune.no"})
    client.logout()
    sign_in(client)
    assert signed_in_user(client) == first
    assert User.objects.count() == 1
    account = SocialAccount.objects.get()
    assert account.extra_data["userinfo"]["email"] == "kari@ny-kommune.no"


def test_an_account_with_the_same_e_mail_is_never_taken_over(client, oidc):
    local = make_user("kari", email="kari.nordmann@kommune.no")
    sign_in(client)
    person = signed_in_user(client)
    assert person.is_authenticated and person != local
    assert User.objects.count() == 2
    assert not SocialAccount.objects.filter(user=local).exists()


def test_another_subject_with_the_same_e_mail_is_another_user(client, oidc):
    oidc.set_account("kari2", **oidc.accounts["kari"])
    sign_in(client)
    client.logout()
    sign_in(client, login="kari2")
    assert User.objects.count() == 2
    assert {a.uid for a in SocialAccount.objects.all()} == {"kari", "kari2"}


def test_the_leader_claim_gives_and_takes_the_leader_group(client, oidc, settings):
    settings.SOCIALACCOUNT_PROVIDERS = oidc.providers_setting(
        OIDC_LEADER_CLAIM="groups", OIDC_LEADER_VALUE="innovasjonsledere"
    )
    sign_in(client)
    user = User.objects.get()
    assert user.groups.filter(name=LEADERS_GROUP).exists()
    oidc.set_account("kari", **{**oidc.accounts["kari"], "groups": ["andre"]})
    client.logout()
    sign_in(client)
    assert not user.groups.filter(name=LEADERS_GROUP).exists()
    assert Group.objects.filter(name=LEADERS_GROUP).exists()


def test_without_a_leader_setting_the_groups_are_left_alone(client, oidc):
    sign_in(client)
    assert not User.objects.get().groups.exists()


@pytest.fixture(autouse=True)
def security_log(caplog):
    caplog.set_level(logging.INFO, logger="portal.security")


def set_states(client, states: dict) -> None:
    session = client.session
    session["socialaccount_states"] = states
    session.save()


def refused(response, status, text, caplog, reason):
    assert response.status_code == status
    page = response.content.decode()
    assert "Innlogging mislyktes" in page and text in page
    assert any(
        r.name == "portal.security" and f"reason={reason}" in r.getMessage() for r in caplog.records
    )


def test_a_tampered_state_is_refused(client, oidc, caplog):
    url = callback_url(client)
    tampered = url.replace("state=", "state=x")
    refused(client.get(tampered), 400, "startet i denne nettleseren", caplog, "state")
    assert not signed_in_user(client).is_authenticated
    assert not User.objects.exists()


def test_a_replayed_code_is_refused(client, oidc, caplog):
    url = callback_url(client)
    client.get(url)
    assert signed_in_user(client).is_authenticated
    client.logout()
    refused(client.get(url), 400, "startet i denne nettleseren", caplog, "state")
    assert not signed_in_user(client).is_authenticated


def test_a_code_replayed_with_its_state_is_refused_by_the_provider(client, oidc, caplog):
    url = callback_url(client)
    states = dict(client.session["socialaccount_states"])
    client.get(url)
    client.logout()
    set_states(client, states)
    refused(client.get(url), 400, "kunne ikke fullføres trygt", caplog, "token")
    assert not signed_in_user(client).is_authenticated


def test_a_wrong_nonce_is_refused(client, oidc, caplog):
    url = callback_url(client)
    states = client.session["socialaccount_states"]
    for state in states.values():
        state[0]["nonce"] = "not-the-nonce-that-was-sent"
    set_states(client, states)
    refused(client.get(url), 400, "var ikke svaret på denne innloggingen", caplog, "nonce")
    assert not User.objects.exists()


def test_a_deactivated_user_is_refused(client, oidc, caplog):
    sign_in(client)
    User.objects.update(is_active=False)
    client.logout()
    refused(sign_in(client), 403, "er deaktivert", caplog, "inactive")
    assert not signed_in_user(client).is_authenticated


def test_a_clock_out_of_step_is_refused(client, oidc, caplog, settings):
    settings.OIDC_CLOCK_LEEWAY = -7200  # as if this server ran two hours ahead
    refused(sign_in(client), 400, "ikke passer med klokken", caplog, "clock")
    assert not User.objects.exists()


def test_an_unreachable_provider_gives_a_clear_page(client, oidc, caplog, settings):
    from .server import free_port

    settings.SOCIALACCOUNT_PROVIDERS = oidc.providers_setting(
        OIDC_ISSUER=f"http://127.0.0.1:{free_port()}"
    )
    refused(
        client.post(LOGIN), 502, "Fikk ikke kontakt med Kommunens pålogging", caplog, "unreachable"
    )


def test_a_refusal_at_the_provider_gives_a_clear_page(client, oidc, caplog):
    url = callback_url(client)
    state = url.split("state=")[1].split("&")[0]
    cancelled = f"{url.split('?')[0]}?error=access_denied&state={state}"
    refused(client.get(cancelled), 400, "ble avbrutt", caplog, "cancelled")


def test_an_unknown_provider_is_not_found(client, oidc):
    assert client.post("/accounts/oidc/other/login/").status_code == 404


def test_the_request_carries_pkce_nonce_and_state(client, oidc):
    location = client.post(LOGIN)["Location"]
    assert location.startswith(oidc.issuer + "/auth?")
    query = parse_qs(urlsplit(location).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43
    assert len(query["nonce"][0]) == 32 and len(query["state"][0]) >= 16
    assert set(query["scope"][0].split()) == {"openid", "email", "profile"}
    stashed = client.session["socialaccount_states"][query["state"][0]][0]
    assert stashed["nonce"] == query["nonce"][0] and stashed["pkce_code_verifier"]
