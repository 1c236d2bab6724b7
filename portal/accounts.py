"""Log-in and its protection against guessing. django-axes counts the failures
and refuses a username from an address after too many; this module tells it
who is trying (the normalised username, the real client address), makes the
check and the count of one attempt atomic, answers a refusal with the portal's
own page, and logs failures and lock-outs to `portal.security`."""

import fcntl
import hashlib
import ipaddress
import logging
import math
import tempfile
import unicodedata
from contextlib import contextmanager
from pathlib import Path

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import i18n

from portal.oidc.views import login_buttons

from .models import Preference

security_log = logging.getLogger("portal.security")


def normalised_username(raw: str | None) -> str:
    """The form of a typed username that failures are counted under: "KARI",
    " kari" and "ｋａｒｉ" are all "kari"."""
    folded = unicodedata.normalize("NFKC", raw or "").casefold()
    return unicodedata.normalize("NFKC", folded).strip()


def attempt_username(request, credentials: dict | None = None) -> str:
    """AXES_USERNAME_CALLABLE: the username an attempt counts against."""
    if credentials:
        raw = credentials.get(get_user_model().USERNAME_FIELD)
    else:
        raw = request.POST.get(get_user_model().USERNAME_FIELD)
    # No username is longer than the field holds; a longer guess counts under
    # its first part (axes keeps at most 255 characters of it).
    field = get_user_model()._meta.get_field(get_user_model().USERNAME_FIELD)
    return normalised_username(raw)[: field.max_length]


def client_address(request) -> str:
    """AXES_CLIENT_IP_CALLABLE: the address a request came from. Behind the TLS
    proxy (BEHIND_TLS_PROXY) that is the last X-Forwarded-For entry, the one the
    proxy itself appended; entries before it are whatever the client sent.
    Otherwise, or when the header holds no valid address, REMOTE_ADDR."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.BEHIND_TLS_PROXY:
        return remote
    last = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(last))
    except ValueError:
        return remote


def stored_username(typed: str) -> str:
    """The username of the account a typed name means, ignoring case ("KARI"
    logs in as kari). An exact match wins; several accounts that differ only in
    case, or none, leave the name as typed (and the log-in fails as usual)."""
    users = get_user_model()._default_manager
    field = users.model.USERNAME_FIELD
    names = list(users.filter(**{f"{field}__iexact": typed}).values_list(field, flat=True)[:5])
    if typed in names or len(names) != 1:
        return typed
    return names[0]


@contextmanager
def attempts_serialised(*, username: str, address: str):
    """Run one log-in attempt for this username and address at a time, so the
    lock-out check and the count of a failure happen as one step: 15 parallel
    wrong passwords get the limit checked, not 15. The lock is held while the
    password is hashed, so it must not stop anything else: PostgreSQL takes an
    advisory lock on the pair (any app server); SQLite, whose transactions would
    take the whole database's write lock, takes a lock file instead."""
    digest = hashlib.sha256(f"login\0{username}\0{address}".encode()).digest()
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                lock_id = int.from_bytes(digest[:8], "big", signed=True)
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_id])
            yield
    else:
        with _lock_file(stripe=digest[0] % LOCK_STRIPES):
            yield


LOCK_STRIPES = 32


@contextmanager
def _lock_file(*, stripe: int):
    """An exclusive lock on one of a few files beside the SQLite database (a
    database on one machine, so every process serving it sees them). Pairs
    whose hash shares a stripe wait for each other; the rest do not."""
    name = str(connection.settings_dict["NAME"])
    if name.startswith(("file:", ":memory:")) or not name:
        folder = Path(tempfile.gettempdir()) / "innoportal-login-locks"
    else:
        folder = Path(name).with_name(Path(name).name + "-login-locks")
    folder.mkdir(exist_ok=True)
    with open(folder / f"{stripe:02x}.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file closes
        yield


def _is_staff(username: str | None) -> bool:
    return get_user_model().objects.filter(username=username, is_staff=True).exists()


class LoginProtection:
    """The part of a log-in form that matches usernames without case, keeps
    attempts atomic and applies PASSWORD_LOGIN; mixed into the portal's and
    the admin's log-in forms."""

    def clean_username(self):
        return stored_username(self.cleaned_data["username"])

    def clean(self):
        if settings.PASSWORD_LOGIN == "off":
            raise ValidationError(
                _("Log-in with a password is turned off. Use your organisation's log-in."),
                code="password_login_off",
            )
        username = normalised_username(self.cleaned_data.get("username"))
        # Refused before the password is checked, so the answer does not tell
        # whether it was right.
        if settings.PASSWORD_LOGIN == "staff" and not _is_staff(self.cleaned_data.get("username")):
            security_log.warning("password login refused for non-staff username=%r", username)
            raise ValidationError(
                _("Only administrators log in with a password. Use your organisation's log-in."),
                code="password_login_staff",
            )
        with attempts_serialised(username=username, address=client_address(self.request)):
            try:
                return super().clean()
            except ValidationError as error:
                refused = error
        # Raised outside the lock's transaction, so the failure axes counted is kept.
        raise refused


class LoginForm(LoginProtection, AuthenticationForm):
    pass


class AdminLoginForm(LoginProtection, AdminAuthenticationForm):
    pass


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **login_page_context()}


def login_page_context() -> dict:
    """What the log-in page shows besides the form: each provider's button
    (first) and whether passwords are offered."""
    return {"oidc_buttons": login_buttons(), "password_login": settings.PASSWORD_LOGIN}


def lockout_minutes(request, credentials: dict | None) -> int:
    """Whole minutes, rounded up, until this username may try again from this
    address: the lock-out lasts AXES_COOLOFF_TIME from the last counted failure."""
    cool_off = get_cool_off(request)
    attempts = AxesProxyHandler.get_implementation().get_user_attempts(request, credentials)
    times = [a.aggregate(last=Max("attempt_time"))["last"] for a in attempts]
    latest = max((t for t in times if t is not None), default=None)
    left = cool_off if latest is None else latest + cool_off - timezone.now()
    return max(1, math.ceil(left.total_seconds() / 60))


def lockout_message(minutes: int) -> str:
    return ngettext(
        "Too many failed log-in attempts. Wait %(minutes)d minute and try again.",
        "Too many failed log-in attempts. Wait %(minutes)d minutes and try again.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the portal's log-in page with the reason and the
    time left, status 429, in the user's language, whichever form was used."""
    form = LoginForm(request, initial={"username": (credentials or {}).get("username", "")})
    context = {
        "form": form,
        "lockout": lockout_message(lockout_minutes(request, credentials)),
        "next": request.POST.get("next", ""),
        **login_page_context(),
    }
    return render(request, "registration/login.html", context, status=429)


def log_login_failed(sender, credentials, request=None, **kwargs):
    """user_login_failed receiver: a failed log-in is a security event."""
    if request is not None:
        security_log.warning(
            "login failed username=%r address=%s",
            attempt_username(request, credentials),
            client_address(request),
        )


def log_locked_out(sender, request, username, ip_address, **kwargs):
    """axes' user_locked_out receiver: the attempt that reached the limit and
    every refused attempt after it."""
    security_log.warning("login locked out username=%r address=%s", username, ip_address)


@login_not_required
def set_language(request):
    """Django's language switch, which also remembers the choice for e-mails."""
    response = i18n.set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        Preference.objects.update_or_create(user=request.user, defaults={"language": language})
    return response


def language_of(user: AbstractBaseUser) -> str:
    """The language the user last chose in the portal, or the portal's default."""
    preference = Preference.objects.filter(user=user).first()
    return preference.language if preference else settings.LANGUAGE_CODE
