"""Sign-in steps for the tests: start at the portal, sign in at the provider,
and come back to the portal's callback."""

from urllib.parse import urlsplit

from .server import PROVIDER_ID, sign_in_at_provider

LOGIN = f"/accounts/oidc/{PROVIDER_ID}/login/"


def callback_url(client, *, login: str = "kari") -> str:
    """The portal's callback URL, with code and state, that the provider sends
    the browser back to (not yet visited)."""
    started = client.post(LOGIN)
    assert started.status_code == 302, started.content[:500]
    back = sign_in_at_provider(started["Location"], login=login)
    parts = urlsplit(back)
    assert parts.netloc == "testserver", back
    return f"{parts.path}?{parts.query}"


def sign_in(client, *, login: str = "kari"):
    return client.get(callback_url(client, login=login))
