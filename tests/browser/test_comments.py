"""Comments with a mention picked by keyboard alone, in a real browser."""

from playwright.sync_api import expect

from canvas.models import Canvas, Note
from projects.models import Comment, Membership
from tests.factories import make_project, make_user


def test_a_member_mentions_a_colleague_on_a_canvas_note_by_keyboard(
    page, live_server, log_in, axe_check
):
    kari = make_user("kari", first_name="Kari", last_name="Nordmann")
    ola = make_user("ola", first_name="Ola", last_name="Nordmann")
    olav = make_user("olav", first_name="Olav", last_name="Viken")
    make_user("olga", first_name="Olga", last_name="Utenfor")  # not a member
    project = make_project(
        title="Digital startlån",
        members={
            kari: Membership.Role.TEAM_MEMBER,
            ola: Membership.Role.SOLUTION_OWNER,
            olav: Membership.Role.VIEWER,
        },
    )
    canvas = Canvas.objects.create(project=project, title="Startlån")
    note = Note.objects.create(canvas=canvas, block="customer_segments", text="Førstegangskjøpere")
    log_in(page, kari)
    page.goto(f"{live_server.url}/projects/{project.pk}/canvas/{canvas.pk}/")
    # A note without comments links to its thread from its menu.
    page.locator(f"#note-{note.pk} summary").click()
    page.locator(f"#note-{note.pk}").get_by_role("link", name="0 kommentarer").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("Førstegangskjøpere")
    axe_check(page)

    field = page.get_by_role("combobox", name="Kommentar")
    expect(field).to_have_attribute("aria-expanded", "false")
    field.focus()
    page.keyboard.type("Hva mener @ol")
    listbox = page.get_by_role("listbox", name="Medlemmer du kan nevne")
    expect(listbox).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    # Members only, each once: Olga is no member.
    expect(listbox.get_by_role("option")).to_have_text(
        ["Ola Nordmann (@ola)", "Olav Viken (@olav)"]
    )
    axe_check(page)  # with the picker open

    page.keyboard.press("ArrowDown")
    expect(field).to_have_attribute("aria-activedescendant", f"{listbox.get_attribute('id')}-1")
    expect(listbox.get_by_role("option", name="Olav Viken (@olav)")).to_have_attribute(
        "aria-selected", "true"
    )
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    expect(listbox).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(field).to_have_value("Hva mener @ola ")

    # Escape closes the list and leaves the text as typed.
    page.keyboard.type("og @olav")
    expect(listbox).to_be_visible()
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    page.keyboard.type("?")
    expect(field).to_have_value("Hva mener @ola og @olav?")

    page.get_by_role("button", name="Publiser kommentar").click()
    comment_item = page.locator("#thread .comment")
    expect(comment_item).to_contain_text("Hva mener @Ola Nordmann og @Olav Viken?")
    expect(page.locator("#status")).to_have_text("Kommentaren din er publisert.")
    expect(page.get_by_role("combobox", name="Kommentar")).to_have_value("")
    axe_check(page)

    comment = Comment.objects.get()
    assert comment.target == note and comment.author == kari
    assert set(comment.mentions.all()) == {ola, olav}

    # A second comment is added below the first, and the picker works in the fresh form.
    field = page.get_by_role("combobox", name="Kommentar")
    field.focus()
    page.keyboard.type("Og @olav")
    page.keyboard.press("Enter")
    page.keyboard.type("svarer i morgen.")
    page.get_by_role("button", name="Publiser kommentar").click()
    expect(comment_item).to_have_count(2)
    expect(comment_item.last).to_contain_text("Og @Olav Viken svarer i morgen.")
    expect(page.get_by_role("combobox", name="Kommentar")).to_have_value("")
    axe_check(page)

    page.goto(f"{live_server.url}/projects/{project.pk}/discussion/")
    expect(page.locator(".comment__about").first).to_contain_text("Førstegangskjøpere")
    axe_check(page)
