"""allauth's OpenID Connect provider with what the portal requires on top:
a nonce sent with every authorisation request and checked in the ID token,
the ID token's signature always verified (allauth skips it for tokens it
fetched itself), issuer, audience and times checked with a small clock
leeway, the discovery document's issuer equal to the configured one, and the
userinfo's subject equal to the ID token's. Protocol work stays in allauth
and PyJWT; this module only adds checks and names the failures."""

from allauth.core.internal.deferred import jwt
from allauth.socialaccount.helpers import render_authentication_error
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.base import AuthProcess
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.utils.crypto import constant_time_compare, get_random_string
from requests import RequestException

NONCE_LENGTH = 32


class TokenRejected(OAuth2Error):
    """The provider's answer failed a check; `reason` names which, for the
    error page and the security log."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


class PortalOIDCAdapter(OpenIDConnectOAuth2Adapter):
    expected_nonce: str | None = None

    @property
    def openid_config(self):
        config = super().openid_config
        configured = self.get_provider().app.settings["server_url"]
        if str(config.get("issuer", "")).rstrip("/") != configured.rstrip("/"):
            raise TokenRejected("issuer", f"discovery names {config.get('issuer')!r}")
        return config

    def complete_login(self, request, app, token, **kwargs):
        login = super().complete_login(request, app, token, **kwargs)
        claims = login.account.extra_data
        userinfo, id_token = claims.get("userinfo"), claims.get("id_token")
        if not id_token:
            raise TokenRejected("id_token", "no ID token in the token response")
        if userinfo and str(userinfo.get("sub")) != str(id_token.get("sub")):
            raise TokenRejected("subject", "userinfo and ID token name different subjects")
        login.oidc_id_token = kwargs["response"]["id_token"]
        return login

    def _decode_id_token(self, app: SocialApp, id_token: str) -> dict:
        config = self.openid_config
        try:
            algorithm, key = jwtkit.fetch_key(id_token, config["jwks_uri"], jwtkit.lookup_kid_jwk)
            data = jwt.decode(
                id_token,
                key=key,
                algorithms=[algorithm],
                issuer=config["issuer"],
                audience=app.client_id,
                leeway=settings.OIDC_CLOCK_LEEWAY,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )
        except (jwt.ExpiredSignatureError, jwt.ImmatureSignatureError) as exc:
            raise TokenRejected("clock", str(exc)) from exc
        except (jwt.PyJWTError, KeyError) as exc:
            raise TokenRejected("id_token", str(exc)) from exc
        nonce = data.get("nonce")
        if (
            not self.expected_nonce
            or not nonce
            or not constant_time_compare(nonce, self.expected_nonce)
        ):
            raise TokenRejected("nonce", "the ID token's nonce is not the one sent")
        jwtkit.verify_jti(data)
        return data


class PortalOIDCProvider(OpenIDConnectProvider):
    oauth2_adapter_class = PortalOIDCAdapter

    def get_redirect_from_request_kwargs(self, request):
        # Only ever a log-in: connecting an identity to the signed-in user is
        # for administrators, never something a request may ask for.
        return {**super().get_redirect_from_request_kwargs(request), "process": AuthProcess.LOGIN}

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        """Send a fresh nonce with the request and keep it in the stashed state."""
        nonce = get_random_string(NONCE_LENGTH)
        auth_params = kwargs.pop("auth_params", None) or self.get_auth_params()
        kwargs["auth_params"] = {**auth_params, "nonce": nonce}
        try:
            return super().redirect(request, process, next_url, data, nonce=nonce, **kwargs)
        except (RequestException, OAuth2Error) as exc:  # discovery failed
            return render_authentication_error(request, self, exception=exc)


class PortalCallbackView(OAuth2CallbackView):
    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except (RequestException, OAuth2Error) as exc:  # discovery failed
            return render_authentication_error(request, self.adapter.get_provider(), exception=exc)

    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        if state is not None:
            self.adapter.expected_nonce = state.get("nonce")
        return state, response


def _run(view_class, request, provider_id: str):
    """allauth's view for the configured provider `provider_id`; 404 for another."""
    try:
        return view_class.adapter_view(PortalOIDCAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist as exc:
        raise Http404 from exc


@login_not_required
def login(request, provider_id: str):
    """Start the sign-in (a POST; a GET shows a page with the button)."""
    return _run(OAuth2LoginView, request, provider_id)


@login_not_required
def callback(request, provider_id: str):
    return _run(PortalCallbackView, request, provider_id)
