"""A benefit plan from empty to approved, in a real browser, with axe on the way."""

from playwright.sync_api import expect

from projects.models import IdentifiedBenefit, Membership
from tests.factories import make_user


def test_a_plan_goes_from_empty_to_approved(
    page, live_server, log_in, axe_check, alice, owner, project
):
    sara = make_user("sara", first_name="Sara", last_name="Solberg")
    Membership.objects.create(project=project, user=sara, role=Membership.Role.SOLUTION_OWNER)
    IdentifiedBenefit.objects.create(project=project, title="Færre telefoner", kind="costs_avoided")
    plan_url = f"{live_server.url}/projects/{project.pk}/benefits/"

    log_in(page, alice)
    page.goto(plan_url)
    page.get_by_label("Første år").fill("2027")
    page.get_by_label("Tidshorisont (år)").fill("5")
    page.get_by_role("button", name="Opprett gevinstplanen").click()
    card = page.locator(".benefit-card", has_text="Færre telefoner")
    expect(card).to_be_visible()  # adopted from step 2 without retyping
    page.wait_for_load_state("load")  # htmx is ready

    # A yearly value, in place.
    card.get_by_role("link", name="legg til verdi for 2028").click()
    editor = card.locator(".editor")
    editor.get_by_label("Grunnlag").select_option("tasks")
    editor.get_by_label("Oppgaver per år", exact=True).fill("1 000")
    editor.get_by_label("Kostnad per oppgave", exact=True).fill("250")
    editor.get_by_role("button", name="Lagre").click()
    expect(page.locator("#status")).to_have_text("Verdien ble lagret.")
    expect(page.locator(".benefit-values")).to_contain_text("250\u00a0000\u00a0kr")

    # An indicator that the portal finds weak, shown with why.
    card = page.locator(".benefit-card", has_text="Færre telefoner")
    card.get_by_role("link", name="Legg til en indikator").click()
    editor = card.locator(".editor")
    editor.get_by_label("Navn").fill("Telefoner om besøkstid per uke")
    editor.get_by_label("Enhet").fill("telefoner")
    editor.get_by_label("Nullpunktsverdi").fill("140")
    editor.get_by_label("Nullpunktsdato").fill("2026-02-01")
    editor.get_by_label("Målverdi").fill("30")
    editor.get_by_label("Måldato").fill("2027-12-31")
    editor.get_by_label("Målemetode").fill("Telling i sentralbordet")
    editor.get_by_label("Hyppighet").select_option("monthly")
    editor.get_by_label("Ansvarlig").select_option(label="Alice Aas")
    editor.get_by_role("button", name="Lagre").click()
    review = page.locator("#review")
    expect(review).to_contain_text("Planen kan ikke sendes ennå")
    expect(review).to_contain_text("Spesifikk – En begrunnelse mangler.")
    axe_check(page)

    # The benefit gets its owner.
    card = page.locator(".benefit-card", has_text="Færre telefoner")
    card.get_by_role("link", name="Endre gevinsten").click()
    card.locator(".editor").get_by_label("Gevinstansvarlig").select_option(label="Alice Aas")
    card.locator(".editor").get_by_role("button", name="Lagre").click()
    expect(page.locator("#status")).to_have_text("Gevinsten ble lagret.")

    # Alice wrote the indicator: her justifications wait for someone else.
    criteria = [
        ("Spesifikk", "Gjelder bare spørsmål om besøkstid"),
        ("Akseptert", "Forankret i ledermøtet i hjemmetjenesten"),
        ("Realistisk", "En annen bydel har nådd samme mål"),
    ]
    for criterion, reason in criteria:
        page.locator(".smarte tr", has_text=criterion).get_by_role("link").click()
        editor = page.locator(".benefit-card .editor form")
        editor.get_by_label("Begrunnelse").fill(reason)
        editor.get_by_role("button", name="Lagre").click()
        row = page.locator(".smarte tr", has_text=criterion)
        expect(row).to_contain_text("Ingen medlem har bekreftet begrunnelsen.")

    # The solution owner confirms them.
    page.context.clear_cookies()
    log_in(page, sara)
    page.goto(plan_url)
    page.wait_for_load_state("load")
    for criterion, _reason in criteria:
        page.locator(".smarte tr", has_text=criterion).get_by_role("link").click()
        page.locator(".benefit-card .editor form").get_by_role("button", name="Lagre").click()
        row = page.locator(".smarte tr", has_text=criterion)
        expect(row).to_contain_text("Bekreftet av Sara Solberg")
    page.get_by_role("button", name="Send til beslutning").click()
    expect(page.locator(".plan-title")).to_contain_text("Sendt til godkjenning")
    # She submitted it, so the commissioning owner decides.
    expect(page.locator("#plan-body")).to_contain_text("Venter på beslutning fra Olga Oppdrag.")
    expect(page.get_by_role("button", name="Godkjenn planen")).to_have_count(0)
    axe_check(page)

    # The commissioning owner returns it with a comment, it is resubmitted, she approves.
    page.context.clear_cookies()
    log_in(page, owner)
    page.goto(plan_url)
    page.wait_for_load_state("load")
    page.get_by_label("Hva må endres").fill("Legg ved kilden for antall telefoner.")
    page.get_by_role("button", name="Send tilbake til teamet").click()
    expect(page.locator(".plan-title")).to_contain_text("Sendt tilbake")
    page.context.clear_cookies()
    log_in(page, alice)
    page.goto(plan_url)
    page.get_by_role("button", name="Send til beslutning").click()
    expect(page.locator(".plan-title")).to_contain_text("Sendt til godkjenning")
    page.context.clear_cookies()
    log_in(page, sara)
    page.goto(plan_url)
    page.wait_for_load_state("load")
    page.get_by_label("Kommentar").fill("Godkjent.")
    page.get_by_role("button", name="Godkjenn planen").click()
    expect(page.locator(".plan-title")).to_contain_text("Godkjent")
    events = page.locator("#review table")
    expect(events).to_contain_text("Legg ved kilden for antall telefoner.")
    expect(events).to_contain_text("Olga Oppdrag")
    axe_check(page)
    events.get_by_role("link", name="Les den godkjente versjonen").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("Godkjent gevinstplan, versjon 1")
    axe_check(page)

    # A revision is started on purpose; the forms in place and the indicator
    # page pass axe too.
    page.goto(plan_url)
    page.wait_for_load_state("load")
    page.get_by_label("Hvorfor planen revideres").fill("Ny pris fra leverandøren")
    page.get_by_role("button", name="Start en revisjon").click()
    expect(page.locator("#plan-body")).to_contain_text("Revisjon pågår")
    axe_check(page)
    page.get_by_role("link", name="Endre gevinsten").click()
    expect(page.locator(".benefit-card .editor form")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Telefoner om besøkstid per uke", exact=True).click()
    expect(page.locator("#measurement-chart")).to_be_attached()
    axe_check(page)
