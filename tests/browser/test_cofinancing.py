"""The accountable owner, a plus-minus assessment and the co-financing report
in a real browser, with axe on the plan and the report."""

from playwright.sync_api import expect

from tests.benefits.builders import make_benefit, make_cost, make_plan, make_value


def test_a_member_names_the_owner_assesses_an_effect_and_reads_the_report(
    page, live_server, log_in, axe_check, alice, owner, project
):
    plan = make_plan(project, first_year=2027, horizon=3)
    calls = make_benefit(plan, title="Færre telefoner", owner=alice)
    make_value(calls, 2027, a=100_000)
    make_benefit(plan, title="Tryggere brukere", kind="quality", quality_unit="skår", owner=alice)
    make_cost(plan, expected=50_000)
    plan_url = f"{live_server.url}/projects/{project.pk}/benefits/"

    log_in(page, alice)
    page.goto(plan_url)
    page.wait_for_load_state("load")
    section = page.locator("#plan-owner")
    section.get_by_role("link", name="Oppgi gevinsteier").click()
    section.get_by_label("Eller en person utenfor prosjektet: navn").fill("Kari Nordmann")
    section.get_by_label("Rollen deres (f.eks. enhetsleder)").fill("Kommunalsjef")
    section.get_by_role("button", name="Lagre").click()
    expect(page.locator("#status")).to_have_text("Gevinsteieren ble lagret.")
    expect(page.locator("#plan-owner")).to_contain_text("Kari Nordmann (Kommunalsjef)")

    card = page.locator(".benefit-card", has_text="Tryggere brukere")
    card.get_by_role("link", name="Endre gevinsten").click()
    editor = card.locator(".editor")
    editor.get_by_label("Pluss-minus-vurdering").select_option(label="++")
    editor.get_by_label("Begrunnelse for vurderingen").fill("Brukerne vet når hjelpen kommer.")
    editor.get_by_role("button", name="Lagre").click()
    expect(page.locator("#status")).to_have_text("Gevinsten ble lagret.")
    table = page.get_by_role("table", name="Ikke-prissatte virkninger")
    expect(table).to_contain_text("Brukerne vet når hjelpen kommer.")
    axe_check(page)

    page.get_by_role("link", name="Rapport for medfinansiering (utskriftsvennlig)").click()
    expect(page.get_by_role("heading", name="Rapport for medfinansiering")).to_be_visible()
    expect(page.locator("body")).to_contain_text("Kari Nordmann (Kommunalsjef)")
    page.get_by_role("textbox", name="Realisert beløp").fill("80 000")
    page.get_by_role("button", name="Lagre").click()
    expect(page.locator("body")).to_contain_text("Det realiserte beløpet ble lagret.")
    expect(page.get_by_role("row", name="2027")).to_contain_text("80\u00a0000\u00a0kr")
    axe_check(page)
