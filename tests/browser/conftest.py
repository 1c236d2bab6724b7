"""Playwright with Debian's chromium against pytest-django's live server."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def axe_check():
    """Assert that axe finds no WCAG 2.2 A/AA violation on the page as it is now."""
    axe = Axe()

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        violations = results.response["violations"]
        assert not violations, f"{page.url}: " + "; ".join(
            f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations
        )

    return check


@pytest.fixture
def log_in(live_server):
    """Log `user` in through the real form (password `pw-123-secret`)."""

    def do(page, user):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("Brukernavn").fill(user.username)
        page.get_by_label("Passord").fill("pw-123-secret")
        page.get_by_role("button", name="Logg inn").click()
        page.wait_for_url(f"{live_server.url}/")

    return do


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A Norwegian user's browser; the portal follows Accept-Language.
    return {**browser_context_args, "locale": "nb-NO"}
