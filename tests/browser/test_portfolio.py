from playwright.sync_api import expect

from tests.factories import make_project, make_unit


def test_a_leader_filters_the_portfolio_and_goes_back(page, live_server, log_in, axe_check, leader):
    health, tech = make_unit("Helse og omsorg"), make_unit("Teknisk drift")
    make_project(title="Nattilsyn", unit=health, step="operation", funnel_stage="operation")
    make_project(title="Vannmåling", unit=tech, step="hypothesis", funnel_stage="idea")
    make_project(title="Droner", unit=tech, funnel_stage="stopped", status="off_track")
    log_in(page, leader)
    page.get_by_role("link", name="Portefølje").click()
    expect(page.locator(".portfolio-table tbody tr")).to_have_count(3)
    # plotly.js is 4.8 MB of script: on a busy machine it takes seconds to parse.
    chart = page.locator("[data-chart='funnel-chart'] svg").first
    expect(chart).to_be_visible(timeout=20_000)
    axe_check(page)

    page.get_by_label("Enhet", exact=True).select_option(label="Teknisk drift")
    expect(page.locator(".portfolio-table tbody tr")).to_have_count(2)
    expect(page).to_have_url(
        f"{live_server.url}/portfolio/?q=&unit={tech.pk}&step=&status=&funnel_stage="
        "&sort=title&order="
    )
    stopped = page.locator("caption", has_text="Prosjekter per trakttrinn").locator("..")
    expect(stopped.locator("tr", has_text="Stoppet")).to_contain_text("1")
    axe_check(page)

    page.go_back()
    expect(page.locator(".portfolio-table tbody tr")).to_have_count(3)


def test_the_portfolio_table_fits_1280_px(page, live_server, log_in, leader):
    from benefits.models import BenefitPlan

    health = make_unit("Helse og omsorg")
    project = make_project(
        title="Sensorbasert nattilsyn på sykehjem", unit=health, step="operation"
    )
    plan = BenefitPlan.objects.create(project=project, first_year=2025, horizon=10)
    plan.costs.create(title="Innføring", year=2025, expected=12_000_000)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, leader)
    page.goto(f"{live_server.url}/portfolio/")
    scroller = page.get_by_role("region", name="Prosjekter i porteføljen")
    expect(scroller).to_contain_text("−12\u00a0000\u00a0000")  # the sign is kept
    assert scroller.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 1280
