"""The step pages in Chromium: axe finds nothing before or after an htmx edit,
and the service journey is reordered by keyboard alone, an edit form then
taking the keyboard."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from projects.flow.services import activities_seed
from tests.projects.flow_data import make_row

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def filled(project):
    activities_seed(project=project)
    for slug in (
        "experiments",
        "goals",
        "principles",
        "benefits",
        "suppliers",
        "dialogues",
        "touchpoints",
        "journey-today",
        "journey-future",
        "trials",
        "lessons",
        "stakeholders",
        "profiles",
        "measures",
    ):
        for n in range(2):
            make_row(slug, project, n)
    return project


def test_step_pages_have_no_axe_violations_before_and_after_an_edit(
    page, live_server, log_in, axe_check, alice, filled
):
    page.set_default_timeout(15000)
    log_in(page, alice)
    base = live_server.url
    status = page.locator("#status")

    page.goto(base + reverse("projects:step-hypothesis", args=[filled.pk]))
    axe_check(page)
    page.get_by_label("Vi tror at …").fill("innbyggerne får varsel på SMS")
    page.get_by_role("button", name="Lagre hypotesen").click()
    expect(status).to_contain_text("Hypotesen er lagret")
    axe_check(page)

    page.goto(base + reverse("projects:step-goals", args=[filled.pk]))
    axe_check(page)
    page.locator("#section-goals").get_by_role("link", name="Rediger").first.click()
    page.locator("#section-goals").get_by_role("button", name="Lagre").click()
    expect(status).to_contain_text("ble lagret")
    axe_check(page)
    goals = page.locator("#section-goals")
    goals.get_by_role("link", name="Legg til et mål").click()
    expect(goals.get_by_label("Mål for")).to_be_focused()
    axe_check(page)  # with the add form open
    goals.get_by_label("Mål for").select_option("service")
    goals.get_by_label("Mål", exact=True).fill("Færre bomturer")
    goals.get_by_role("button", name="Legg til et mål").click()
    expect(status).to_contain_text("ble lagt til")
    expect(goals.locator("li h3")).to_have_count(3)

    page.goto(base + reverse("projects:step-deliver", args=[filled.pk]))
    axe_check(page)
    page.locator("#section-activities").get_by_role("link", name="Rediger").first.click()
    page.locator("#section-activities").get_by_label("Status").select_option("done")
    page.locator("#section-activities").get_by_role("button", name="Lagre").click()
    expect(status).to_contain_text("ble lagret")
    axe_check(page)

    page.goto(base + reverse("projects:stakeholders", args=[filled.pk]))
    expect(page.locator("#map .main-svg").first).to_be_attached()
    axe_check(page)

    page.goto(base + reverse("projects:matrix", args=[filled.pk]))
    expect(page.locator("#priorities .main-svg").first).to_be_attached()
    axe_check(page)
    row = page.locator("#priorities tbody tr").last
    row.get_by_label("Nytte").fill("5")
    row.get_by_role("button", name="Lagre").click()
    expect(status).to_contain_text("nytte 5")
    expect(page.locator("#priorities .main-svg").first).to_be_attached()
    axe_check(page)


def test_the_journey_is_reordered_by_keyboard_and_an_edit_form_takes_it(
    page, live_server, log_in, alice, project
):
    for n in range(3):
        make_row("journey-future", project, n)
    log_in(page, alice)
    page.goto(live_server.url + reverse("projects:step-deliver", args=[project.pk]))
    journey = page.locator("#section-journey-future")
    # Keys pressed before htmx has taken over the forms would post them plainly.
    page.wait_for_function("() => !!document.querySelector('.journey__move')['htmx-internal-data']")
    journey.get_by_role("button", name="Senere “Steg 0”").focus()
    page.keyboard.press("Enter")
    expect(journey.locator("li h3")).to_have_text(["1 Steg 1", "2 Steg 0", "3 Steg 2"])
    # the keyboard stays on the moved stage: Enter moves it again
    expect(journey.get_by_role("button", name="Senere “Steg 0”")).to_be_focused()
    page.keyboard.press("Enter")
    expect(journey.locator("li h3")).to_have_text(["1 Steg 1", "2 Steg 2", "3 Steg 0"])
    # At the end "later" is disabled, so the keyboard is on "earlier": Enter moves it back.
    expect(journey.get_by_role("button", name="Tidligere “Steg 0”")).to_be_focused()
    page.keyboard.press("Enter")
    expect(journey.locator("li h3")).to_have_text(["1 Steg 1", "2 Steg 0", "3 Steg 2"])

    # An edit form opened next takes the keyboard, though only its row is
    # swapped in and the moved stage's button asked for it last.
    journey.get_by_role("link", name="Rediger “Steg 2”").click()
    expect(journey.get_by_label("Steg", exact=True)).to_be_focused()
    expect(journey.locator("li > h3")).to_have_text(["1 Steg 1", "2 Steg 0"])
    # Opening another row's form closes the first, as the list is drawn anew.
    journey.get_by_role("link", name="Rediger “Steg 1”").click()
    expect(journey.locator("form.stack")).to_have_count(1)
    expect(journey.get_by_label("Steg", exact=True)).to_be_focused()
    expect(journey.get_by_label("Steg", exact=True)).to_have_value("Steg 1")
