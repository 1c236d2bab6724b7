"""OIDC_* and PASSWORD_LOGIN read from the environment."""

import pytest

from portal.oidc.config import (
    OIDCConfigError,
    form_action_sources,
    oidc_apps,
    password_login,
)

ENTRA = {
    "OIDC_ISSUER": "https://login.microsoftonline.com/1111-2222/v2.0",
    "OIDC_CLIENT_ID": "abc",
    "OIDC_CLIENT_SECRET": "s",
    "OIDC_NAME": "Kommunens pålogging",
    "OIDC_LEADER_CLAIM": "groups",
    "OIDC_LEADER_VALUE": "g-1",
}


def test_one_provider_from_the_environment():
    [app] = oidc_apps(ENTRA)
    assert app["provider_id"] == "org" and app["client_id"] == "abc" and app["secret"] == "s"
    assert app["settings"]["server_url"] == ENTRA["OIDC_ISSUER"]
    assert app["settings"]["scope"] == ["openid", "email", "profile"]
    assert app["settings"]["oauth_pkce_enabled"] is True
    assert (app["settings"]["leader_claim"], app["settings"]["leader_value"]) == ("groups", "g-1")


def test_numbered_providers_are_added():
    env = {
        **ENTRA,
        "OIDC_2_ISSUER": "https://ansattporten.no/",
        "OIDC_2_CLIENT_ID": "def",
        "OIDC_2_SCOPES": "openid profile",
    }
    first, second = oidc_apps(env)
    assert second["provider_id"] == "org2" and second["settings"]["scope"] == ["openid", "profile"]
    assert second["settings"]["server_url"] == "https://ansattporten.no"
    assert second["settings"]["leader_claim"] == ""
    assert form_action_sources([first, second]) == [
        "https://login.microsoftonline.com",
        "https://*.login.microsoftonline.com",
        "https://ansattporten.no",
        "https://*.ansattporten.no",
    ]


def test_no_issuer_no_provider():
    assert oidc_apps({}) == []


@pytest.mark.parametrize(
    "env",
    [
        {"OIDC_ISSUER": "https://idp.example"},
        {**ENTRA, "OIDC_ID": "a/b"},
        {
            **ENTRA,
            "OIDC_2_ISSUER": "https://x.example",
            "OIDC_2_CLIENT_ID": "x",
            "OIDC_2_ID": "org",
        },
    ],
)
def test_a_broken_provider_setting_is_refused(env):
    with pytest.raises(OIDCConfigError):
        oidc_apps(env)


def test_password_login_modes():
    assert password_login({}, providers=0) == "all"
    assert password_login({"PASSWORD_LOGIN": " Staff "}, providers=1) == "staff"
    assert password_login({"PASSWORD_LOGIN": "off"}, providers=1) == "off"
    with pytest.raises(OIDCConfigError):
        password_login({"PASSWORD_LOGIN": "off"}, providers=0)
    with pytest.raises(OIDCConfigError):
        password_login({"PASSWORD_LOGIN": "sometimes"}, providers=1)
