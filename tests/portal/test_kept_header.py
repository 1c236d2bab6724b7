"""The base template's kept parts (the head's links, the header's brand, menu
button and site menu) vary on exactly what changes them: the language, the page
and whether someone is signed in. The accessibility statement's text varies on
the language."""

import pytest
from django.core.cache import caches

MENU_BUTTON = 'aria-controls="site-menu" hidden>{}</button>'


@pytest.fixture(autouse=True)
def _no_kept_parts():
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def _page(client, language: str, path: str = "/accessibility/") -> str:
    client.cookies["django_language"] = language
    response = client.get(path)
    assert response.status_code == 200
    return response.text


def test_the_menu_button_and_site_menu_follow_the_language(client, alice):
    client.force_login(alice)
    norwegian = _page(client, "nb")
    english = _page(client, "en")
    assert MENU_BUTTON.format("Meny") in norwegian and 'aria-label="Hovedmeny"' in norwegian
    assert MENU_BUTTON.format("Menu") in english and 'aria-label="Main menu"' in english
    assert MENU_BUTTON.format("Meny") in _page(client, "nb")  # not the English part kept


def test_the_site_menu_follows_signing_in_whatever_came_first(client, alice):
    anonymous = _page(client, "nb")  # the statement is public
    client.force_login(alice)
    signed_in = _page(client, "nb")
    client.logout()
    anonymous_again = _page(client, "nb")
    assert 'href="/portfolio/"' not in anonymous and 'href="/portfolio/"' not in anonymous_again
    assert 'href="/portfolio/"' in signed_in


def test_the_current_page_is_marked_in_its_own_menu_only(client, alice):
    client.force_login(alice)
    accessibility = _page(client, "nb")
    home = _page(client, "nb", "/")
    assert 'href="/accessibility/" aria-current="page"' in accessibility
    assert 'href="/accessibility/" aria-current="page"' not in home
    assert 'href="/" aria-current="page"' in home


def test_every_page_has_the_stylesheets_whoever_drew_them_first(client, alice):
    anonymous = _page(client, "en", "/accounts/login/")
    client.force_login(alice)
    signed_in = _page(client, "nb")
    for page in (anonymous, signed_in):
        assert page.count('rel="stylesheet"') == 5 and "css/portal.css" in page


def test_the_accessibility_statement_follows_the_language(client):
    english, norwegian = _page(client, "en"), _page(client, "nb")
    assert '<h1 class="ds-heading" data-size="lg">Accessibility statement</h1>' in english
    assert '<h1 class="ds-heading" data-size="lg">Tilgjengelighetserklæring</h1>' in norwegian
    assert "Tilgjengelighetserklæring</h1>" not in _page(client, "en")
