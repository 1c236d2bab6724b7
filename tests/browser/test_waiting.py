"""What waits for each person, end to end in a real browser: kari submits the
benefit plan, ola (the solution owner) finds it waiting on his home page and
in his inbox and decides; kari finds the decision the same way; a mention in
a comment on a canvas note reaches the person mentioned."""

from playwright.sync_api import expect

from canvas.models import Canvas, Note
from projects.models import Membership
from tests.benefits.builders import make_benefit, make_indicator, make_plan, make_value
from tests.factories import make_project, make_user


def test_a_submitted_plan_and_a_mention_reach_the_people_they_wait_for(
    page, live_server, log_in, axe_check
):
    kari = make_user("kari", first_name="Kari", last_name="Nordmann")
    ola = make_user("ola", first_name="Ola", last_name="Nordmann")
    project = make_project(
        title="Digital startlån",
        members={kari: Membership.Role.TEAM_MEMBER, ola: Membership.Role.SOLUTION_OWNER},
    )
    benefit = make_benefit(make_plan(project), owner=kari)
    make_value(benefit, 2028, a=250_000)
    make_indicator(benefit, by=ola)
    canvas = Canvas.objects.create(project=project, title="Startlån")
    note = Note.objects.create(canvas=canvas, block="customer_segments", text="Førstegangskjøpere")
    plan_url = f"{live_server.url}/projects/{project.pk}/benefits/"

    # kari submits the plan.
    log_in(page, kari)
    page.goto(plan_url)
    page.get_by_role("button", name="Send til beslutning").click()
    expect(page.locator(".plan-title")).to_contain_text("Sendt til godkjenning")

    # ...and mentions ola on a note of the board, picking him by keyboard.
    page.goto(f"{live_server.url}/projects/{project.pk}/canvas/{canvas.pk}/")
    # A note without comments links to its thread from its menu.
    page.locator(f"#note-{note.pk} summary").click()
    page.locator(f"#note-{note.pk}").get_by_role("link", name="0 kommentarer").click()
    field = page.get_by_role("combobox", name="Kommentar")
    field.focus()
    page.keyboard.type("Stemmer dette, @ol")
    expect(page.get_by_role("listbox", name="Medlemmer du kan nevne")).to_be_visible()
    page.keyboard.press("Enter")
    page.keyboard.type("?")
    page.get_by_role("button", name="Publiser kommentar").click()
    expect(page.locator(".comment__text")).to_contain_text("@Ola Nordmann")

    # ola sees both waiting on his home page and in his inbox.
    page.context.clear_cookies()
    log_in(page, ola)
    waits = page.locator("section", has=page.get_by_role("heading", name="Venter på deg"))
    expect(waits).to_contain_text("Gevinstplan")
    expect(waits).to_contain_text("Førstegangskjøpere")
    axe_check(page)
    page.get_by_role("link", name="Varsler, 2 uleste").click()
    expect(page.get_by_text("Du ble nevnt: Førstegangskjøpere")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Gevinstplanen er sendt til deg for beslutning").click()
    page.wait_for_url(f"{plan_url}#review")
    page.wait_for_load_state("load")
    page.get_by_label("Kommentar").fill("Godkjent.")
    page.get_by_role("button", name="Godkjenn planen").click()
    expect(page.locator(".plan-title")).to_contain_text("Godkjent")
    expect(page.get_by_role("link", name="Varsler, 1 ulest")).to_be_visible()
    page.goto(live_server.url + "/")
    expect(waits).not_to_contain_text("Gevinstplan")

    # kari sees the decision the same way.
    page.context.clear_cookies()
    log_in(page, kari)
    page.get_by_role("link", name="Varsler, 1 ulest").click()
    page.get_by_role("link", name="Gevinstplanen ble godkjent").click()
    page.wait_for_url(f"{plan_url}#review")
    expect(page.locator(".plan-title")).to_contain_text("Godkjent")
    expect(page.get_by_role("link", name="Varsler, 0 uleste")).to_be_visible()
