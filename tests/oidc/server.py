"""The npm oidc-provider (tests/oidc/provider.mjs) run by node on a free
loopback port for the OpenID Connect tests, and a driver that signs a person
in at it the way a browser would (its plain dev log-in form)."""

import json
import re
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests

from portal.oidc.config import oidc_app

BASE_DIR = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("provider.mjs")
CLIENT_ID = "innoportal"
CLIENT_SECRET = "test-client-secret"
PROVIDER_ID = "org"
CALLBACK = f"/accounts/oidc/{PROVIDER_ID}/login/callback/"

KARI = {
    "email": "kari.nordmann@kommune.no",
    "email_verified": True,
    "name": "Kari Nordmann",
    "given_name": "Kari",
    "family_name": "Nordmann",
    "preferred_username": "kari.nordmann",
    "groups": ["innovasjonsledere"],
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LoopbackProvider:
    def __init__(self, *, port: int, config_path: Path, base_urls: list[str]) -> None:
        self.port = port
        self.issuer = f"http://127.0.0.1:{port}"
        self.config_path = config_path
        self.accounts: dict[str, dict] = {"kari": dict(KARI)}
        self.client = {
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uris": [base + CALLBACK for base in base_urls],
            "post_logout_redirect_uris": [base + "/accounts/login/" for base in base_urls],
        }
        self.save()

    def save(self) -> None:
        config = {"client": self.client, "accounts": self.accounts}
        self.config_path.write_text(json.dumps(config))

    def set_account(self, login: str, **claims) -> None:
        self.accounts[login] = claims
        self.save()

    def providers_setting(self, **env) -> dict:
        """SOCIALACCOUNT_PROVIDERS for this provider, as OIDC_* variables give it."""
        environ = {
            "OIDC_ISSUER": self.issuer,
            "OIDC_CLIENT_ID": CLIENT_ID,
            "OIDC_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_NAME": "Kommunens pålogging",
            **env,
        }
        return {
            "openid_connect": {
                "provider_class": "portal.oidc.provider.PortalOIDCProvider",
                "OAUTH_PKCE_ENABLED": True,
                "APPS": [oidc_app(environ, 1)],
            }
        }


@contextmanager
def running_provider(folder: Path, *, base_urls: list[str]):
    port = free_port()
    provider = LoopbackProvider(port=port, config_path=folder / "oidc.json", base_urls=base_urls)
    process = subprocess.Popen(
        ["node", str(SCRIPT), str(port), str(provider.config_path)],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(f"{provider.issuer}/.well-known/openid-configuration", timeout=1)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the test OpenID provider did not start") from None
                time.sleep(0.1)
        yield provider
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def sign_in_at_provider(authorize_url: str, *, login: str) -> str:
    """Follow the authorisation request through the provider's log-in form,
    as a browser would; return the URL it sends the browser back to."""
    browser = requests.Session()
    provider_origin = "{0.scheme}://{0.netloc}".format(urlsplit(authorize_url))
    url, form_posted = authorize_url, False
    for _step in range(10):
        response = browser.get(url, allow_redirects=False, timeout=10)
        if response.is_redirect:
            url = urljoin(url, response.headers["Location"])
            if not url.startswith(provider_origin):
                return url
            continue
        assert not form_posted, response.text[:500]
        action = re.search(r'<form[^>]*action="([^"]+)"', response.text).group(1)
        posted = browser.post(
            urljoin(url, action),
            data={"prompt": "login", "login": login, "password": "any"},
            allow_redirects=False,
            timeout=10,
        )
        url, form_posted = urljoin(url, posted.headers["Location"]), True
        if not url.startswith(provider_origin):
            return url
    raise AssertionError("the provider never sent the browser back")
