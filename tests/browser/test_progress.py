"""Progress against the target path in a real browser: the indicator page, the
plan's counts and the home page pass axe, and the status is a word."""

from datetime import date
from decimal import Decimal

from playwright.sync_api import expect

from benefits.models import Measurement
from tests.benefits.builders import make_benefit, make_indicator, make_plan


def test_statuses_read_as_words_and_pass_axe(page, live_server, log_in, axe_check, alice, project):
    plan = make_plan(project)
    indicator = make_indicator(
        make_benefit(plan, title="Færre telefoner"),
        by=alice,
        name="Telefoner per uke",
        baseline_value=Decimal(100),
        baseline_date=date(2024, 1, 1),
        target_value=Decimal(200),
        target_date=date(2024, 4, 10),
    )
    Measurement.objects.create(indicator=indicator, value=145, date=date(2024, 2, 20))
    Measurement.objects.create(indicator=indicator, value=140, date=date(2024, 3, 1))
    log_in(page, alice)
    expect(page.locator("#my-progress")).to_contain_text("Avvik")
    axe_check(page)
    page.goto(f"{live_server.url}/projects/{project.pk}/benefits/")
    progress = page.locator("#plan-progress")
    expect(progress).to_contain_text("Avvik 1")
    axe_check(page)
    progress.get_by_role("link", name="Telefoner per uke").click()
    table = page.get_by_role("region", name="Målinger")
    expect(table).to_contain_text("Følg med")
    expect(table).to_contain_text("40 %")
    expect(page.locator("#measurement-chart")).to_be_attached()
    axe_check(page)
