"""A leader makes a proven project a template; another team starts from it."""

from playwright.sync_api import expect

from tests.portal.blueprint_data import make_proven


def test_a_team_starts_a_project_from_a_template(
    page, live_server, log_in, axe_check, leader, charlie, project, alice, owner
):
    make_proven(project, member=alice, owner=owner)
    log_in(page, leader)
    page.goto(f"{live_server.url}{project.get_absolute_url()}")
    page.get_by_role("link", name="Gjør dette prosjektet til en mal for andre").click()
    page.get_by_role("button", name="Gjør det til en mal").click()  # nothing filled in
    expect(page.locator(".ds-error-summary")).to_contain_text("Hva prosjektet oppnådde")
    axe_check(page)
    page.get_by_label("Hva prosjektet oppnådde").fill("Halverte telefonene om besøkstid.")
    page.get_by_label("Kildeorganisasjon").fill("Eksempel kommune")
    page.get_by_role("button", name="Gjør det til en mal").click()
    card = page.locator(".template-card", has_text="Digital innbyggerdialog")
    expect(card).to_contain_text("Eksempel kommune")
    expect(card).to_contain_text("Lerreter")
    axe_check(page)
    page.get_by_role("link", name="Last opp en mal fra en annen organisasjon").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Last opp en mal")
    axe_check(page)

    page.locator(".user-menu summary").click()
    page.get_by_role("button", name="Logg ut").click()
    log_in(page, charlie)
    page.get_by_role("link", name="Maler").click()
    page.get_by_role("link", name="Nytt prosjekt fra «Digital innbyggerdialog»").click()
    axe_check(page)
    page.get_by_label("Tittel på det nye prosjektet").fill("Besøksvarsel i vår kommune")
    page.get_by_label("Lerreter").uncheck()
    page.get_by_role("button", name="Opprett prosjektet").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Besøksvarsel i vår kommune")
    note = page.locator(".copied-note")
    expect(note).to_contain_text("fra malen «Digital innbyggerdialog»")
    expect(note).to_contain_text("Hypotese og utvalgskriterier")
    expect(note).not_to_contain_text("Lerreter")
    expect(page.locator(".project-header")).to_contain_text("Hypotese")
    axe_check(page)
    page.get_by_role("navigation", name="Prosjektsider").get_by_role(
        "link", name="1 Hypotese"
    ).click()
    expect(page.locator("main")).to_contain_text("vil gi færre telefoner")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/templates/")
    axe_check(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
