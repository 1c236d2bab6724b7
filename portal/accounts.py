"""Log-in with throttling: repeated failures for one username or address are refused for a while."""

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.views import i18n

from projects.models import Preference


def _counters(request, username: str) -> list[tuple[str, int]]:
    """Failure counters with their limits: one per username, a looser one per
    address (many colleagues may share an office's address)."""
    who = hashlib.sha256(username.strip().lower().encode()).hexdigest()
    limit = settings.LOGIN_THROTTLE_ATTEMPTS
    return [
        (f"login-fail:user:{who}", limit),
        (f"login-fail:ip:{request.META.get('REMOTE_ADDR', '')}", limit * 4),
    ]


class ThrottledAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "throttled": _("Too many failed log-in attempts. Wait %(minutes)d minutes and try again."),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        counters = _counters(self.request, username)
        if any((cache.get(key) or 0) >= limit for key, limit in counters):
            raise ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": max(1, settings.LOGIN_THROTTLE_SECONDS // 60)},
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            for key, _limit in counters:
                cache.add(key, 0, settings.LOGIN_THROTTLE_SECONDS)
                cache.incr(key)
            raise
        cache.delete(counters[0][0])
        return cleaned


class LoginView(auth_views.LoginView):
    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True


@login_not_required
def set_language(request):
    """Django's language switch, which also remembers the choice for e-mails."""
    response = i18n.set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        Preference.objects.update_or_create(user=request.user, defaults={"language": language})
    return response
