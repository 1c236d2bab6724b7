"""A benefit map built and trimmed with the keyboard alone, with axe on the way."""

from playwright.sync_api import expect

from benefits.models import BenefitPlan, MapLink
from projects.models import Goal, Measure


def tab_to(page, selector: str, *, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _n in range(limit):
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def add_link(page, *, source: int, target: int, assumption: str = "") -> None:
    """Choose the `source`th and `target`th option with the arrow keys, type
    the assumption and press Enter."""
    tab_to(page, "#id_source")
    for _n in range(source):
        page.keyboard.press("ArrowDown")
    tab_to(page, "#id_target")
    for _n in range(target):
        page.keyboard.press("ArrowDown")
    tab_to(page, "#id_assumption")
    page.keyboard.type(assumption)
    page.keyboard.press("Enter")


def test_a_map_is_built_by_keyboard(page, live_server, log_in, axe_check, alice, project):
    plan = BenefitPlan.objects.create(project=project, first_year=2027, horizon=5)
    plan.benefits.create(title="Færre telefoner", kind="costs_avoided")
    Measure.objects.create(project=project, title="SMS-varsel")
    Goal.objects.create(project=project, level="service", title="Tryggere hjemmetjeneste")

    log_in(page, alice)
    page.goto(f"{live_server.url}/projects/{project.pk}/benefits/map/")
    page.wait_for_load_state("load")  # htmx is ready
    # htmx readies what it swaps in only as the swap settles: make that slow,
    # so each quick key below lands on content htmx has not readied yet.
    page.evaluate("htmx.config.defaultSettleDelay = 1000")
    axe_check(page)

    # Change → benefit, with its assumption; Enter in the text field submits.
    add_link(page, source=1, target=1, assumption="Folk leser SMS-en")
    expect(page.locator(".map-list")).to_contain_text("Folk leser SMS-en")
    expect(page.locator("#status")).to_have_text("Koblingen ble lagt til i kartet.")

    # Benefit → goal.
    add_link(page, source=2, target=2)
    expect(page.locator(".map-svg path[marker-end]")).to_have_count(2)
    assert MapLink.objects.count() == 2
    axe_check(page)

    # A link sideways is refused with the reason, by keyboard too.
    add_link(page, source=2, target=1)
    expect(page.locator(".ds-error-summary")).to_contain_text("aldri i ring")
    assert MapLink.objects.count() == 2

    # Removing asks first; the confirmation takes the focus.
    tab_to(page, ".map-remove")
    page.keyboard.press("Enter")
    confirm = page.get_by_role("button", name="Ja, fjern den")
    expect(confirm).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#status")).to_have_text("Koblingen ble fjernet fra kartet.")
    assert MapLink.objects.count() == 1
    axe_check(page)

    # The confirmation also works as a page of its own, with htmx loaded.
    remaining = MapLink.objects.get()
    page.goto(f"{live_server.url}/projects/{project.pk}/benefits/map/links/{remaining.pk}/delete/")
    page.get_by_role("button", name="Ja, fjern den").click()
    expect(page).to_have_url(f"{live_server.url}/projects/{project.pk}/benefits/map/")
    expect(page.locator(".messages")).to_contain_text("Koblingen ble fjernet fra kartet.")
    assert not MapLink.objects.exists()
