"""A new user's first visit, in a real browser: every page passes axe."""

from playwright.sync_api import expect

from tests.factories import make_user


def test_a_new_user_creates_a_project_adds_a_colleague_and_reads_history(
    page, live_server, log_in, axe_check, unit
):
    kari = make_user("kari", first_name="Kari", last_name="Nordmann")
    make_user("dora", first_name="Dora", last_name="Dahl", email="dora@kommune.no")

    page.goto(f"{live_server.url}/accounts/login/")
    axe_check(page)
    log_in(page, kari)
    expect(
        page.get_by_role("heading", name="Du er ikke med i noen prosjekter ennå")
    ).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Nytt prosjekt").first.click()
    page.get_by_role("button", name="Opprett prosjekt").click()  # empty title
    expect(page.locator(".ds-error-summary")).to_contain_text("Tittel")
    axe_check(page)
    page.get_by_label("Tittel").fill("Digital søknad om startlån")
    page.get_by_label("Enhet").select_option(label=unit.name)
    page.get_by_role("button", name="Opprett prosjekt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Digital søknad om startlån")
    axe_check(page)

    page.get_by_role("navigation", name="Prosjektsider").get_by_role(
        "link", name="Medlemmer"
    ).click()
    page.get_by_label("Brukernavn eller e-post").fill("dora@kommune.no")
    page.get_by_label("Rolle", exact=True).select_option(label="Leser")
    page.get_by_role("button", name="Legg til medlem").click()
    row = page.locator("#members tr", has_text="Dora Dahl")
    expect(row).to_be_visible()
    expect(page.locator("#status")).to_have_text("Dora Dahl er lagt til som leser.")
    axe_check(page)

    page.get_by_label("Språk").select_option("nn")
    expect(page.locator("html")).to_have_attribute("lang", "nn")
    page.get_by_role("navigation", name="Prosjektsider").get_by_role(
        "link", name="Historikk"
    ).click()
    expect(page.locator(".history")).to_contain_text(
        "Kari Nordmann oppretta medlemskap «Dora Dahl»"
    )
    expect(page.locator(".history")).to_contain_text(
        "oppretta prosjekt «Digital søknad om startlån»"
    )
    axe_check(page)

    page.locator(".user-menu summary").click()
    page.get_by_role("button", name="Logg ut").click()
    expect(page.get_by_role("heading", name="Logg inn i Innoportal")).to_be_visible()
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/")


def test_the_page_works_at_320_px(page, live_server, log_in, axe_check, alice, project):
    page.set_viewport_size({"width": 320, "height": 700})
    log_in(page, alice)
    page.goto(f"{live_server.url}{project.get_absolute_url()}")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320
    axe_check(page)
