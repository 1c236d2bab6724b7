import pytest
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


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 900), (1920, 1080)])
def test_the_presentation_shows_the_whole_slide(
    page, live_server, log_in, axe_check, alice, project, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, alice)
    page.goto(f"{live_server.url}/projects/{project.pk}/deck/")
    slide = page.locator(".slide:visible")
    slide.scroll_into_view_if_needed()
    box = slide.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["height"] <= height  # the whole slide fits the window at once
    assert abs(box["width"] / box["height"] - 16 / 9) < 0.02
    # Nothing inside runs out of the slide, and the page is no wider than the window.
    assert page.evaluate(
        "() => [...document.querySelectorAll('.slide:not([hidden]) *')].every("
        "el => el.getBoundingClientRect().bottom <= "
        "document.querySelector('.slide:not([hidden])').getBoundingClientRect().bottom + 1)"
    )
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    notes = page.get_by_role("button", name="Vis notater")
    notes.click()
    expect(page.locator("[data-notes]:visible")).to_have_count(1)
    expect(page.locator("[data-notes]:visible")).to_contain_text("Notater til lysbilde 1")
    axe_check(page)
