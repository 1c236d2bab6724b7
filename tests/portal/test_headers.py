"""The security headers are on every response: every page and fragment, refusals,
errors, redirects and the health view."""

import pytest

from tests.test_url_access import ALL_URLS, url_for


def _assert_secure_headers(response):
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize(("name", "args"), ALL_URLS, ids=[n for n, _ in ALL_URLS])
def test_every_page_and_fragment_sends_the_headers(client, alice, project, name, args):
    client.force_login(alice)
    url = url_for(name, args, project)
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get(url, headers=headers)
        _assert_secure_headers(response)
        # Signed in: kept by no cache, and a fragment never stands in for its page.
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert "HX-Request" in response["Vary"]


def test_refusals_errors_and_redirects_send_the_headers(client, bob, charlie, project):
    client.force_login(bob)
    _assert_secure_headers(client.post(f"/projects/{project.pk}/edit/", {}))  # 403
    client.force_login(charlie)
    _assert_secure_headers(client.get(f"/projects/{project.pk}/"))  # 404
    _assert_secure_headers(client.get("/no-such-page/"))  # 404
    client.logout()
    _assert_secure_headers(client.get("/"))  # 302 to log in
    _assert_secure_headers(client.get("/health/"))
