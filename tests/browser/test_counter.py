"""The character counter of long text fields, in a real browser."""

from playwright.sync_api import expect


def test_the_counter_shows_what_is_left_near_the_limit(
    page, live_server, log_in, axe_check, alice, project
):
    log_in(page, alice)
    page.goto(f"{live_server.url}/projects/{project.pk}/edit/")
    summary = page.locator("#id_summary")
    counter = page.locator("#id_summary-counter")
    summary.fill("x" * 100)
    expect(counter).to_be_hidden()  # far from the limit: nothing to count
    summary.fill("x" * 3300)
    expect(counter).to_have_text("700 av 4000 tegn igjen")
    expect(summary).to_have_attribute("aria-describedby", "id_summary_helptext id_summary-counter")
    summary.fill("x" * 4000)
    expect(counter).to_have_text("0 av 4000 tegn igjen")
    expect(counter).to_have_class("char-counter char-counter--full")
    spoken = page.locator("#id_summary-counter + [aria-live=polite]")
    expect(spoken).to_have_text("0 av 4000 tegn igjen")  # once typing pauses
    axe_check(page)
