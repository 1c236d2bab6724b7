import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_it_sends_a_strict_csp_with_a_nonce(client, alice):
    client.force_login(alice)
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "'unsafe-eval'" not in csp and "'unsafe-inline'" not in directives["script-src"]
    nonce = directives["script-src"].split("'nonce-")[1].rstrip("'")
    scripts = response.text.count("<script")
    assert scripts >= 2 and response.text.count(f'nonce="{nonce}"') == scripts


def test_it_has_no_inline_scripts_or_handlers(client, alice, project):
    client.force_login(alice)
    for url in ["/", project.get_absolute_url(), f"/projects/{project.pk}/members/"]:
        text = client.get(url).text
        assert "onclick=" not in text and "hx-on" not in text
        assert "<script>" not in text  # every script has a src and a nonce


def test_it_sends_nosniff_and_referrer_policy(client):
    response = client.get("/accounts/login/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_deploy_check_passes_with_production_settings():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "false",
        "SECRET_KEY": "a-real-production-secret-" + "k3y" * 20,
        "ALLOWED_HOSTS": "innoportal.kommune.no",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_bad_boolean_setting_is_refused():
    env = {**os.environ, "DEBUG": "maybe"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


PRODUCTION_PROBE = """
import json
from django.conf import settings
from django.test import Client

client = Client(HTTP_HOST="innoportal.kommune.no")
page = client.get("/accounts/login/", secure=True)
plain = client.get("/accounts/login/")
csrf = page.cookies[settings.CSRF_COOKIE_NAME]
print(json.dumps({
    "hsts": page.get("Strict-Transport-Security"),
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
    "csrf_cookie": {"secure": csrf["secure"], "samesite": csrf["samesite"]},
    "session_cookie": {
        "secure": settings.SESSION_COOKIE_SECURE,
        "httponly": settings.SESSION_COOKIE_HTTPONLY,
        "samesite": settings.SESSION_COOKIE_SAMESITE,
    },
}))
"""


def test_production_sends_hsts_and_secure_cookies():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "false",
        "SECRET_KEY": "a-real-production-secret-" + "k3y" * 20,
        "ALLOWED_HOSTS": "innoportal.kommune.no",
        "STATIC_MANIFEST": "false",  # no collectstatic in the test
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PRODUCTION_PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert found["plain_status"] == 301
    assert found["plain_location"] == "https://innoportal.kommune.no/accounts/login/"
    assert found["csrf_cookie"] == {"secure": True, "samesite": "Lax"}
    assert found["session_cookie"] == {"secure": True, "httponly": True, "samesite": "Lax"}


def test_local_development_sends_no_hsts(client):
    response = client.get("/accounts/login/", secure=True)
    assert "Strict-Transport-Security" not in response
