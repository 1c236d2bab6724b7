"""The people side of OpenID Connect sign-in, as allauth adapters: the first
sign-in creates the user from the claims (never joined to another account by
e-mail), a deactivated user is refused, the leader group follows the
configured claim, and every failure gets a page in the person's language and
a line in `portal.security`."""

import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base.constants import AuthError
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from requests import RequestException

from portal.accounts import client_address
from projects.selectors import LEADERS_GROUP

from .provider import TokenRejected
from .views import LOGOUT_SESSION_KEY

security_log = logging.getLogger("portal.security")


def provider_label(provider) -> str:
    return (provider.name if provider else "") or _("your organisation's log-in")


def refusal(*, error, exception, extra_context: dict) -> tuple[str, int]:
    """The reason for the log and the HTTP status of a failed sign-in."""
    if error == AuthError.CANCELLED:
        return "cancelled", 400
    if isinstance(exception, TokenRejected):
        return exception.reason, 400
    if isinstance(exception, RequestException):
        return "unreachable", 502
    if isinstance(exception, PermissionDenied):
        return "refused", 403
    if exception is None and "state" not in extra_context:
        return "state", 400
    if exception is None:
        return "provider_error", 400
    return "token", 400


def refusal_message(reason: str, name: str) -> str:
    messages = {
        "cancelled": _("The sign-in with %(name)s was cancelled."),
        "unreachable": _(
            "Could not reach %(name)s. Try again in a few minutes; if it goes on, "
            "tell your IT department."
        ),
        "clock": _(
            "The answer from %(name)s has a time that does not fit this server's clock. "
            "Tell your IT department."
        ),
        "state": _(
            "This sign-in could not be matched with one started in this browser (it may "
            "have expired, been used already or been started in another window). "
            "Start again from the log-in page."
        ),
        "nonce": _(
            "The answer from %(name)s was not the one for this sign-in. "
            "Start again from the log-in page."
        ),
        "inactive": _(
            "Your account in Innoportal is deactivated. Ask an administrator if you "
            "need access again."
        ),
    }
    default = _(
        "The sign-in with %(name)s could not be completed safely. "
        "Start again from the log-in page; if it goes on, tell your IT department."
    )
    return messages.get(reason, default) % {"name": name}


def refused_page(request, *, reason: str, name: str, status: int, detail: str = ""):
    security_log.warning(
        "oidc login refused reason=%s address=%s detail=%s",
        reason,
        client_address(request),
        detail[:300],
    )
    context = {"message": refusal_message(reason, name)}
    return render(request, "registration/oidc_error.html", context, status=status)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False  # accounts come from the administrators or a provider

    def login(self, request, user) -> None:
        # The model backend restores the user on later requests (axes' own
        # backend, first in the list, only guards password attempts).
        user.backend = "django.contrib.auth.backends.ModelBackend"
        super().login(request, user)

    def respond_user_inactive(self, request, user):
        return refused_page(
            request, reason="inactive", name="", status=403, detail=f"user={user.pk}"
        )


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin) -> bool:
        return True

    def is_auto_signup_allowed(self, request, sociallogin) -> bool:
        return True

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ) -> None:
        reason, status = refusal(
            error=error, exception=exception, extra_context=extra_context or {}
        )
        detail = f"provider={getattr(provider, 'sub_id', '')} {exception or error or ''}"
        raise ImmediateHttpResponse(
            refused_page(
                request, reason=reason, name=provider_label(provider), status=status, detail=detail
            )
        )


def claim_values(claims: dict, name: str) -> list[str]:
    value = claims.get(name)
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return [str(value)]


def is_leader_by_claims(*, extra_data: dict, claim: str, value: str) -> bool:
    """Whether the ID token or the userinfo carries `claim` with `value` (one
    value or one of a list, e.g. a group id in Entra ID's `groups`)."""
    return any(
        value in claim_values(extra_data.get(part) or {}, claim)
        for part in ("id_token", "userinfo")
    )


def sync_leader_group(*, user, app_settings: dict, extra_data: dict) -> None:
    """With OIDC_LEADER_CLAIM set, the provider decides: a person with the
    value is a leader, one without it is not (at every sign-in)."""
    claim, value = app_settings.get("leader_claim"), app_settings.get("leader_value")
    if not claim or not value:
        return
    group, _created = Group.objects.get_or_create(name=LEADERS_GROUP)
    if is_leader_by_claims(extra_data=extra_data, claim=claim, value=value):
        user.groups.add(group)
    else:
        user.groups.remove(group)


def on_social_login(sender, request, user, sociallogin=None, **kwargs) -> None:
    """allauth's user_logged_in: apply the leader claim, remember how to end
    the provider's session, and log the sign-in."""
    if sociallogin is None:
        return
    app = sociallogin.provider.app
    sync_leader_group(
        user=user, app_settings=app.settings, extra_data=sociallogin.account.extra_data
    )
    id_token = getattr(sociallogin, "oidc_id_token", "")
    request.session[LOGOUT_SESSION_KEY] = {"provider": app.provider_id, "id_token": id_token}
    security_log.info(
        "oidc login user=%s provider=%s address=%s",
        user.pk,
        app.provider_id,
        client_address(request),
    )
