"""Every page a team member opens (and the portfolio a leader opens) fits a
390 px phone screen: nothing wider than the window, axe clean at that width,
and the header collapses into a menu button."""

import io

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect

from projects.models import Project
from tests.test_url_access import ALL_URLS, url_for

PHONE = {"width": 390, "height": 800}
# Pages left out on purpose: the Django admin has its own layout.
SKIPPED = {"logout"}


def _demo():
    """The demo portfolio: real lengths of text, tables full of years, charts."""
    call_command("seed_demo", force=True, stdout=io.StringIO())
    project = Project.objects.get(title__startswith="Digital innbyggerdialog")
    User = get_user_model()
    return project, User.objects.get(username="kari"), User.objects.get(username="lena")


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _html_pages(client, urls):
    """The URLs that answer with a whole HTML document (not a file, a
    redirect or a fragment for htmx)."""
    pages = []
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        if response.content.lstrip()[:15].lower() != b"<!doctype html>":
            continue
        pages.append(url)
    return pages


def _signed_in(browser, live_server, client):
    context = browser.new_context(viewport=PHONE, locale="nb-NO")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context


def _overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


# Tables not inside a scrolling region that has a name and takes keyboard focus.
UNWRAPPED_TABLES = """[...document.querySelectorAll("main table")].filter((table) => {
  const region = table.parentElement;
  return !(region.matches(".table-scroll[role=region][tabindex='0']")
    && (region.getAttribute("aria-label") || region.getAttribute("aria-labelledby")));
}).length"""


def _check_all(browser, live_server, axe_check, user, urls):
    client = _client(user)
    pages = _html_pages(client, urls)
    context = _signed_in(browser, live_server, client)
    page = context.new_page()
    too_wide, inaccessible, unwrapped = [], [], []
    for url in pages:
        page.goto(f"{live_server.url}{url}")
        page.wait_for_load_state("load")
        if (extra := _overflow(page)) > 0:
            too_wide.append(f"{url} (+{extra} px)")
        if page.evaluate(UNWRAPPED_TABLES):
            unwrapped.append(url)
        try:
            axe_check(page)
        except AssertionError as error:
            inaccessible.append(str(error))
    context.close()
    assert too_wide == [], f"wider than 390 px: {too_wide}"
    assert inaccessible == [], "\n".join(inaccessible)
    assert unwrapped == [], f"tables outside a labelled scrolling region: {unwrapped}"
    return pages


def test_every_page_fits_a_phone(browser, live_server, axe_check):
    project, kari, lena = _demo()
    urls = [
        url_for(name, args, project)
        for name, args in ALL_URLS
        if name not in SKIPPED and not name.startswith("admin:")
    ]
    member_pages = _check_all(browser, live_server, axe_check, kari, urls)
    # A leader's portfolio shows every project, and some pages are a leader's only.
    leader_urls = ["/portfolio/"] + [url for url in urls if url not in member_pages]
    leader_pages = _check_all(browser, live_server, axe_check, lena, leader_urls)
    # The walk really opened the project's pages, not only a few public ones.
    assert len(member_pages) >= 35, member_pages
    assert "/portfolio/" in leader_pages

    # A table wider than the phone scrolls inside its region, by keyboard too.
    context = _signed_in(browser, live_server, _client(kari))
    page = context.new_page()
    page.goto(f"{live_server.url}/projects/{project.pk}/benefits/")
    region = page.get_by_role("region", name="Per år, forventet")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth")
    region.focus()
    page.keyboard.press("ArrowRight")
    expect(region).not_to_have_js_property("scrollLeft", 0)
    assert _overflow(page) == 0
    context.close()
    print(f"\n{len(member_pages) + len(leader_pages)} pages checked at 390 px")


def test_the_header_collapses_into_a_menu_button(page, live_server, log_in, alice):
    page.set_viewport_size(PHONE)
    log_in(page, alice)
    menu = page.get_by_role("button", name="Meny")
    nav = page.get_by_role("navigation", name="Hovedmeny")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav.get_by_role("link", name="Portefølje")).to_be_hidden()

    menu.focus()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Portefølje")).to_be_visible()
    expect(page.get_by_label("Språk")).to_be_visible()
    assert _overflow(page) == 0

    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(nav.get_by_role("link", name="Portefølje")).to_be_hidden()

    # On a wide screen the menu is the plain row of links it always was.
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(menu).to_be_hidden()
    expect(nav.get_by_role("link", name="Portefølje")).to_be_visible()
