"""OpenID Connect and password log-in settings from the environment. Plain
Python (no Django imports): portal/settings.py calls it while settings load.

One provider is OIDC_ISSUER, OIDC_CLIENT_ID, ...; more are numbered
OIDC_2_ISSUER, OIDC_2_CLIENT_ID, ... up to OIDC_9_. Each becomes one allauth
"app" of the openid_connect provider, its provider id (OIDC_ID, default
"org", then "org2", ...) naming its callback URL and the accounts it signs in."""

from collections.abc import Mapping

PASSWORD_LOGIN_CHOICES = ("all", "staff", "off")
DEFAULT_SCOPES = "openid email profile"
MAX_PROVIDERS = 9


class OIDCConfigError(ValueError):
    pass


def _prefix(number: int) -> str:
    return "OIDC_" if number == 1 else f"OIDC_{number}_"


def oidc_app(environ: Mapping[str, str], number: int) -> dict | None:
    """The allauth app for provider `number`, or None when its issuer is unset."""
    prefix = _prefix(number)

    def get(name: str, default: str = "") -> str:
        return environ.get(prefix + name, "").strip() or default

    issuer = get("ISSUER")
    if not issuer:
        return None
    client_id = get("CLIENT_ID")
    if not client_id:
        raise OIDCConfigError(f"{prefix}CLIENT_ID must be set when {prefix}ISSUER is")
    provider_id = get("ID", "org" if number == 1 else f"org{number}")
    if not provider_id.replace("-", "").isalnum():
        raise OIDCConfigError(f"{prefix}ID may hold only letters, digits and '-'")
    return {
        "provider_id": provider_id,
        "name": get("NAME"),
        "client_id": client_id,
        "secret": get("CLIENT_SECRET"),
        "settings": {
            "server_url": issuer.rstrip("/"),
            "scope": get("SCOPES", DEFAULT_SCOPES).split(),
            "oauth_pkce_enabled": True,
            "leader_claim": get("LEADER_CLAIM"),
            "leader_value": get("LEADER_VALUE"),
        },
    }


def oidc_apps(environ: Mapping[str, str]) -> list[dict]:
    apps = [oidc_app(environ, number) for number in range(1, MAX_PROVIDERS + 1)]
    found = [app for app in apps if app is not None]
    ids = [app["provider_id"] for app in found]
    if len(set(ids)) != len(ids):
        raise OIDCConfigError(f"Two OpenID providers share an id: {ids}")
    return found


def password_login(environ: Mapping[str, str], *, providers: int) -> str:
    """PASSWORD_LOGIN: all (default), staff (administrators only) or off."""
    mode = environ.get("PASSWORD_LOGIN", "").strip().lower() or "all"
    if mode not in PASSWORD_LOGIN_CHOICES:
        raise OIDCConfigError(f"PASSWORD_LOGIN must be one of {PASSWORD_LOGIN_CHOICES}")
    if mode == "off" and not providers:
        raise OIDCConfigError("PASSWORD_LOGIN=off needs an OpenID provider (OIDC_ISSUER)")
    return mode


def form_action_sources(apps: list[dict]) -> list[str]:
    """CSP form-action sources for the providers: the log-in and log-out forms
    post here and are redirected to the provider, which form-action governs
    too. The issuer's origin and its subdomains (Ansattporten's log-in runs on
    login.ansattporten.no, under the issuer https://ansattporten.no)."""
    sources: list[str] = []
    for app in apps:
        scheme, _sep, rest = app["settings"]["server_url"].partition("://")
        host = rest.split("/", 1)[0]
        for source in (f"{scheme}://{host}", f"{scheme}://*.{host}"):
            if source not in sources:
                sources.append(source)
    return sources
