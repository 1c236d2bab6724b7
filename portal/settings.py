"""Innoportal settings: every knob comes from an environment variable with a safe
local default (see .env.example). Production sets DEBUG=false, SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import plotly
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from portal.oidc.config import OIDCConfigError, form_action_sources, oidc_apps, password_login

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    try:
        return int(raw) if raw.strip() else default
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
_LOCAL_SECRET = "local-only-insecure-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", _LOCAL_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "simple_history",
    "django_tasks_db",
    "axes",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "portal",
    "projects",
    "canvas",
    "benefits",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "portal.notifications.middleware.UnreadCountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "portal.middleware.PrivateResponseMiddleware",
    # Last, as axes asks: turns a refused log-in into the lock-out answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

FORM_RENDERER = "portal.forms.PortalFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        # Production keeps each worker's connection between requests (checked
        # before reuse); locally every request gets a fresh one.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the live server and a second writer share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
# Tests on SQLite run in memory. The tests that race threads for a write
# (marked postgres_only) run on PostgreSQL only: SQLite's shared memory
# refuses a second writer at once rather than making it wait.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache is shared by every app server (decks), so it lives
# in the database rather than in one process's memory. "pages" holds rendered
# parts of pages in each process: their keys name the project's change stamp, so a
# process never serves a part that a change on another server made stale.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_cache",
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 1000},  # a few kB a part
    },
    # Sessions are read through this cache (one plain keyed read per request)
    # and written to it and to the session table together; a session it lacks
    # (culled, expired, or written before) is read from the session table.
    # Its own table, so sessions and the decks in "default" do not cull each other.
    "sessions": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "portal_session_cache",
        "OPTIONS": {"MAX_ENTRIES": env_int("SESSION_CACHE_ENTRIES", 20000)},
    },
}

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "sessions"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 10)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Log-in protection (django-axes, see portal/accounts.py): after
# LOGIN_THROTTLE_ATTEMPTS failures for one username from one address, that
# pair is refused for LOGIN_THROTTLE_SECONDS after the last failure. The pair,
# not the username alone, so an attacker cannot lock a person out of their
# correct password, nor everyone behind one office address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_THROTTLE_ATTEMPTS", 5)
AXES_COOLOFF_TIME = timedelta(seconds=env_int("LOGIN_THROTTLE_SECONDS", 15 * 60))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "portal.accounts.attempt_username"
AXES_CLIENT_IP_CALLABLE = "portal.accounts.client_address"
AXES_LOCKOUT_CALLABLE = "portal.accounts.lockout_response"
# A refused attempt does not extend the lock-out, so the time stated is the time it lasts.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# Only failures are kept (and only until their lock-out ends): no record of
# every successful log-in's address and browser.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

# Sign-in with the organisation's identity: OpenID Connect through allauth
# (README: Sign-in). Each configured provider is one allauth app; the portal's
# provider class adds the nonce and always verifies the ID token's signature.
# Nobody is matched by e-mail: only by provider and subject.
try:
    OIDC_APPS = oidc_apps(os.environ)
    PASSWORD_LOGIN = password_login(os.environ, providers=len(OIDC_APPS))
except OIDCConfigError as exc:
    raise ImproperlyConfigured(str(exc)) from exc
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "portal.oidc.provider.PortalOIDCProvider",
        "OAUTH_PKCE_ENABLED": True,
        "APPS": OIDC_APPS,
    }
}
# Seconds of clock difference tolerated on the ID token's times.
OIDC_CLOCK_LEEWAY = env_int("OIDC_CLOCK_LEEWAY", 60)
SOCIALACCOUNT_ADAPTER = "portal.oidc.accounts.SocialAccountAdapter"
ACCOUNT_ADAPTER = "portal.oidc.accounts.AccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
ACCOUNT_EMAIL_VERIFICATION = "none"
# Two people may share an address (a shared mailbox); it never joins accounts.
ACCOUNT_UNIQUE_EMAIL = False

# Benefit-plan workbook imports, checked before the file is parsed (README: Operations).
IMPORT_MAX_UPLOAD_MB = env_int("IMPORT_MAX_UPLOAD_MB", 5)
IMPORT_MAX_UNPACKED_MB = env_int("IMPORT_MAX_UNPACKED_MB", 20)
IMPORT_MAX_SHEETS = env_int("IMPORT_MAX_SHEETS", 12)
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 5000)
IMPORT_MAX_CELLS = env_int("IMPORT_MAX_CELLS", 60000)

# The organisation this installation serves, offered as the source of its templates.
ORGANISATION_NAME = os.environ.get("ORGANISATION_NAME", "")

# Bounds on what one person's work may cost: notes on one canvas board, deck
# bundles a person may start per hour, and how long a built bundle is kept.
CANVAS_MAX_NOTES = env_int("CANVAS_MAX_NOTES", 500)
DECK_BUNDLES_PER_HOUR = env_int("DECK_BUNDLES_PER_HOUR", 10)
DECK_BUNDLE_HOURS = env_int("DECK_BUNDLE_HOURS", 24)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nb"
LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
    ("sv", _("Swedish")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Oslo")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/digdir", BASE_DIR / "node_modules" / "@digdir"),
    ("vendor/inter", BASE_DIR / "node_modules" / "@fontsource" / "inter"),
    ("vendor/plotly", Path(plotly.__file__).parent / "package_data"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env_bool("STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Serve straight from the finders locally, so `make run` needs no collectstatic.
WHITENOISE_USE_FINDERS = not env_bool("STATIC_MANIFEST", not DEBUG)
WHITENOISE_AUTOREFRESH = DEBUG

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # plotly.js sets inline styles on the charts it draws.
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF, *form_action_sources(OIDC_APPS)],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers probe the health view over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
# Behind the proxy, its X-Forwarded-Proto tells HTTPS and its X-Forwarded-For
# the client's address (log-in protection); without it both are ignored.
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def mailers(backend: str) -> dict:
    """MAILERS for one backend. Only SMTP takes a host and port: Django's other
    backends (console, locmem, dummy) refuse options they do not know."""
    default: dict = {"BACKEND": backend}
    if backend == "django.core.mail.backends.smtp.EmailBackend":
        default["OPTIONS"] = {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
        }
    return {"default": default}


MAILERS = mailers(
    os.environ.get(
        "EMAIL_BACKEND",
        "django.core.mail.backends.console.EmailBackend"
        if DEBUG
        else "django.core.mail.backends.smtp.EmailBackend",
    )
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "innoportal@localhost")
# The portal's address, for the links in e-mails sent by the task worker.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "http://localhost:8000").rstrip("/")

# Slow work (deck bundles) runs as tasks: inline by default, or in the database
# queue worked by `manage.py db_worker` with TASKS_BACKEND=database.
_TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "dummy": "django.tasks.backends.dummy.DummyBackend",
}
_task_backend = os.environ.get("TASKS_BACKEND", "immediate")
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(_TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend]}}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        # The time with its UTC offset: unambiguous across servers and DST changes.
        "plain": {
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "portal.security": {"level": "INFO"},
        # portal.security carries failed log-ins and lock-outs; axes' own
        # messages would say the same again.
        "axes": {"level": "ERROR"},
    },
}
