from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.utils.csp import LazyNonce

from portal.pagecache import render_cached


def _request(user, path="/x/"):
    request = RequestFactory().get(path)
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    request._csp_nonce = LazyNonce()
    return request


def _render(request):
    return render_cached(request, "403.html", {}, vary=("v",)).content.decode()


def test_a_pending_message_is_shown_not_a_kept_page(alice):
    _render(_request(alice))
    request = _request(alice)
    messages.success(request, "Endringen er lagret.")
    assert "Endringen er lagret." in _render(request)


def test_another_viewer_does_not_get_the_kept_page(alice, bob):
    page = _render(_request(alice))
    assert "Alice Aas" in page
    assert "Alice Aas" not in _render(_request(bob))
