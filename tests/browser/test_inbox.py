"""The inbox and the header's unread count, in a real browser."""

from playwright.sync_api import expect

from portal.notifications import events


def test_the_inbox_marks_read_in_place_and_the_header_follows(
    page, live_server, log_in, axe_check, alice, bob, project
):
    for label in ("Verdiforslag", "Kundesegmenter", "<b>Kanaler</b>"):
        events.mentioned_notify(
            project=project, recipients=[alice], actor=bob, label=label, url="/"
        )
    log_in(page, alice)
    badge = page.locator("#inbox-badge")
    expect(badge).to_have_attribute("aria-live", "polite")
    link = page.get_by_role("link", name="Varsler, 3 uleste")
    link.click()
    expect(page.get_by_role("heading", name="Varsler", level=1)).to_be_visible()
    expect(page.get_by_text("Du ble nevnt: <b>Kanaler</b>")).to_be_visible()
    axe_check(page)

    page.get_by_role("button", name="Merk som lest").first.click()
    expect(page.get_by_role("link", name="Varsler, 2 uleste")).to_be_visible()
    expect(page.get_by_role("button", name="Merk som lest")).to_have_count(2)
    expect(page.locator("#status")).to_have_text("Merket som lest.")

    page.get_by_role("button", name="Merk alle som lest").click()
    expect(page.get_by_role("link", name="Varsler, 0 uleste")).to_be_visible()
    expect(page.get_by_role("button", name="Merk som lest")).to_have_count(0)
    axe_check(page)


def test_the_go_link_marks_read_and_opens_the_item(page, live_server, log_in, alice, bob, project):
    events.mentioned_notify(
        project=project,
        recipients=[alice],
        actor=bob,
        label="Verdiforslag",
        url=f"/projects/{project.pk}/",
    )
    log_in(page, alice)
    page.goto(f"{live_server.url}/inbox/")
    page.get_by_role("link", name="Du ble nevnt: Verdiforslag").click()
    page.wait_for_url(f"{live_server.url}/projects/{project.pk}/")
    expect(page.get_by_role("link", name="Varsler, 0 uleste")).to_be_visible()
