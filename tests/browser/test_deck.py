from playwright.sync_api import expect


def test_the_presentation_moves_with_arrow_keys(
    page, live_server, log_in, axe_check, alice, project
):
    log_in(page, alice)
    page.goto(f"{live_server.url}/projects/{project.pk}/deck/")
    counter = page.locator("[data-deck-counter]")
    expect(counter).to_have_text("Lysbilde 1 av 10")
    expect(page.locator(".slide:visible")).to_have_count(1)
    expect(page.locator(".slide:visible h2")).to_have_text(project.title)
    axe_check(page)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text("Lysbilde 3 av 10")
    expect(page.locator(".slide:visible h2")).to_have_text("Business Model Canvas")
    page.keyboard.press("End")
    expect(counter).to_have_text("Lysbilde 10 av 10")
    page.keyboard.press("ArrowRight")
    expect(counter).to_have_text("Lysbilde 10 av 10")
    page.get_by_role("button", name="← Forrige").click()
    expect(counter).to_have_text("Lysbilde 9 av 10")
    axe_check(page)
