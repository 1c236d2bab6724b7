"""The home page with work waiting and responsibilities, in a real browser:
axe clean, and nothing wider than a 390 px phone."""

from datetime import date, timedelta

from projects.models import Activity, Goal, Measure

LONG = "Et svært langt tiltak som ikke får plass på én linje på en smal telefonskjerm " * 2


def test_the_home_page_with_work_waiting_fits_a_phone(
    page, live_server, log_in, axe_check, alice, project
):
    today = date.today()
    for key, days in (("plan", -3), ("touchpoints", 2)):
        Activity.objects.create(
            project=project,
            key=key,
            responsible=alice,
            due_date=today + timedelta(days=days),
            status="in_progress",
        )
    Measure.objects.create(project=project, title=LONG.strip()[:200], responsible=alice)
    Goal.objects.create(project=project, level="user", title="Færre bomturer", responsible=alice)
    page.set_viewport_size({"width": 390, "height": 800})
    log_in(page, alice)
    page.goto(f"{live_server.url}/")
    assert page.get_by_role("heading", name="Venter på deg").is_visible()
    assert page.get_by_role("heading", name="Mitt ansvar").is_visible()
    assert page.get_by_role("link", name="Aktivitet: Planlegg arbeidet").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    axe_check(page)
