"""Log-out that also ends the provider's session (RP-initiated log-out) when
the person signed in through a provider that offers it, and the list of
providers the log-in page shows."""

import logging

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialApp
from django.conf import settings
from django.contrib.auth import logout as auth_logout
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST
from requests import RequestException

from .provider import TokenRejected

security_log = logging.getLogger("portal.security")

# The session key that remembers how to end the provider's session at log-out.
LOGOUT_SESSION_KEY = "oidc_logout"


def login_buttons() -> list[dict]:
    """Each configured provider's button on the log-in page: its label and
    where the button posts."""
    return [
        {
            "name": app["name"],
            "url": reverse("openid_connect_login", kwargs={"provider_id": app["provider_id"]}),
        }
        for app in settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"]
    ]


def end_session_url(request, *, provider_id: str, id_token: str) -> str | None:
    """The provider's end_session_endpoint with the ID token as hint and the
    log-in page to come back to, or None if it offers none or cannot be asked."""
    try:
        provider = get_adapter().get_provider(request, provider_id)
        config = provider.get_oauth2_adapter(request).openid_config
    except (SocialApp.DoesNotExist, RequestException, TokenRejected) as exc:
        security_log.warning("oidc logout without provider provider=%s: %s", provider_id, exc)
        return None
    endpoint = config.get("end_session_endpoint")
    if not endpoint:
        return None
    params = {
        "client_id": provider.app.client_id,
        "post_logout_redirect_uri": request.build_absolute_uri(
            resolve_url(settings.LOGOUT_REDIRECT_URL)
        ),
    }
    if id_token:
        params["id_token_hint"] = id_token
    separator = "&" if "?" in endpoint else "?"
    return f"{endpoint}{separator}{urlencode(params)}"


@require_POST
def logout(request):
    """End the portal's session, then the provider's where it offers that."""
    signed_in_with = request.session.get(LOGOUT_SESSION_KEY)
    auth_logout(request)
    if signed_in_with:
        url = end_session_url(
            request,
            provider_id=signed_in_with.get("provider", ""),
            id_token=signed_in_with.get("id_token", ""),
        )
        if url:
            return redirect(url)
    return redirect(settings.LOGOUT_REDIRECT_URL)
