"""The lock-out after too many wrong passwords, in a real browser: the portal's
own page, the reason read first, and it passes axe."""

from playwright.sync_api import expect

from tests.factories import make_user


def test_the_lock_out_page_tells_why_and_how_long(page, live_server, axe_check, settings):
    settings.AXES_FAILURE_LIMIT = 2
    make_user("kari")
    page.goto(f"{live_server.url}/accounts/login/")
    for spelling in ["KARI", "kari"]:
        page.get_by_label("Brukernavn").fill(spelling)
        page.get_by_label("Passord").fill("feil-passord")
        page.get_by_role("button", name="Logg inn").click()
    alert = page.get_by_role("alert")
    expect(alert).to_have_text("For mange mislykkede innlogginger. Vent 15 minutter og prøv igjen.")
    expect(alert).to_be_focused()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logg inn i Innoportal")
    axe_check(page)
