"""The canvas board by keyboard alone, and two people on one board."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from canvas.models import Canvas, Note
from canvas.services import note_add
from projects.models import Membership
from tests.factories import make_user


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nb-NO"}


@pytest.fixture
def board(transactional_db, project):
    return Canvas.objects.create(project=project, title="I dag")


def enter(context, live_server, user):
    """Log `user` in by session cookie (the log-in form has its own tests)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context.new_page()


def act(page, note, action):
    """Click the note's menu button, then one of its actions."""
    page.locator(f"#note-{note.pk} summary").click()
    page.locator(f"#note-{note.pk} [data-focus={action}]").click()


def texts(page, block):
    return page.locator(f"#notes-{block} .note__text").all_inner_texts()


def test_keyboard_only_add_reorder_move_edit_delete_and_undo(
    page, live_server, axe_check, alice, board
):
    page = enter(page.context, live_server, alice)
    page.goto(live_server.url + board.get_absolute_url())
    axe_check(page)  # empty board

    page.locator("#add-value_propositions-text").focus()  # the only pointer-free start
    for text in ("Færre telefoner", "Varsel på SMS"):
        page.keyboard.type(text)
        page.keyboard.press("Enter")
        expect(page.locator("#notes-value_propositions")).to_contain_text(text)
        expect(page.locator("#add-value_propositions-text")).to_be_focused()
        expect(page.locator("#add-value_propositions-text")).to_have_value("")
    expect(page.locator("#status")).to_contain_text("Lapp lagt til i Verdiforslag")
    second = Note.objects.get(text="Varsel på SMS")

    # Reorder: back from the add field to the last note's menu button, which
    # opens with Enter; the arrow keys go through its actions.
    page.keyboard.press("Shift+Tab")
    menu = page.locator(f"#note-{second.pk} .note__menu")
    expect(page.locator(":focus")).to_have_attribute("data-focus", "menu")
    expect(menu).not_to_have_attribute("open", "")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("open", "")
    axe_check(page)  # with a menu open
    page.keyboard.press("ArrowDown")
    expect(page.locator(":focus")).to_have_attribute("data-focus", "edit")
    page.keyboard.press("ArrowDown")
    expect(page.locator(":focus")).to_have_attribute("data-focus", "up")
    page.keyboard.press("Enter")
    expect(page.locator("#notes-value_propositions .note__text").first).to_have_text(
        "Varsel på SMS"
    )
    expect(page.locator(f"#note-{second.pk} [data-focus=up]")).to_be_focused()
    expect(page.locator("#status")).to_contain_text("plass 1")

    # Escape closes the menu and returns to its button.
    page.keyboard.press("Escape")
    expect(menu).not_to_have_attribute("open", "")
    expect(page.locator(f"#note-{second.pk} summary")).to_be_focused()

    # Move to another block with the select and its button.
    page.keyboard.press("Enter")
    page.keyboard.press("End")
    expect(page.locator(":focus")).to_have_attribute("data-focus", "delete")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator(":focus")).to_have_attribute("data-focus", "block")
    page.keyboard.type("K")  # typeahead: the first block starting with K
    page.keyboard.press("ArrowDown")
    expect(page.locator(":focus")).to_have_attribute("data-focus", "move")
    page.keyboard.press("Enter")
    expect(page.locator("#notes-channels")).to_contain_text("Varsel på SMS")
    assert texts(page, "value_propositions") == ["Færre telefoner"]
    expect(page.locator(f"#note-{second.pk} [data-focus=move]")).to_be_focused()

    # Edit in place: the form opens with focus in the text; Enter saves.
    page.keyboard.press("Home")
    expect(page.locator(":focus")).to_have_attribute("data-focus", "edit")
    page.keyboard.press("Enter")
    expect(page.locator(f"#note-{second.pk}-text")).to_be_focused()
    axe_check(page)  # while editing
    page.keyboard.press("Control+A")
    page.keyboard.type("Varsel på SMS dagen før")
    page.keyboard.press("Enter")
    expect(page.locator(f"#note-{second.pk} .note__text")).to_have_text("Varsel på SMS dagen før")
    expect(page.locator(f"#note-{second.pk}")).to_be_focused()

    # Delete, then undo: focus goes to "Undo", then back to the note.
    page.keyboard.press("Tab")
    page.keyboard.press(" ")  # Space opens the menu too
    page.keyboard.press("ArrowUp")  # from the button: the last action
    expect(page.locator(":focus")).to_have_attribute("data-focus", "delete")
    page.keyboard.press("Enter")
    expect(page.locator(f"#note-{second.pk}")).to_have_count(0)
    expect(page.locator("#undo-channels-button")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(f"#note-{second.pk}")).to_be_focused()
    expect(page.locator("#status")).to_contain_text("Lappen ble gjenopprettet.")
    assert Note.objects.filter(deleted=False).count() == 2


def test_two_editors_converge_and_a_stale_edit_is_refused_without_losing_text(
    browser, live_server, axe_check, alice, project, board
):
    dina = make_user("dina", first_name="Dina")
    Membership.objects.create(project=project, user=dina, role=Membership.Role.TEAM_MEMBER)
    colours = ["yellow", "blue", "green", "pink", "orange"]
    for i, block in enumerate(["key_partners", "channels", "cost_structure"] * 4):
        note = note_add(canvas=board, block=block, text=f"Lapp {i}", color=colours[i % 5], by=alice)
    Note.objects.filter(pk=note.pk).update(hypothesis=True)
    url = live_server.url + board.get_absolute_url()
    contexts = [browser.new_context(locale="nb-NO") for _ in range(2)]
    try:
        mine, theirs = (
            enter(c, live_server, u) for c, u in zip(contexts, (alice, dina), strict=True)
        )
        for page in (mine, theirs):
            page.goto(url)
        converge_and_conflict(mine, theirs, axe_check)
    finally:
        for context in contexts:
            context.close()  # stops their polling before the server goes


def converge_and_conflict(mine, theirs, axe_check):
    axe_check(mine)  # a full board

    # Dina adds a note; it appears on Alice's board within 5 s.
    theirs.locator("#add-customer_segments-text").fill("Pårørende")
    theirs.locator("#add-customer_segments-text").press("Enter")
    expect(mine.locator("#notes-customer_segments")).to_contain_text("Pårørende", timeout=5000)
    expect(mine.locator("#status")).to_have_text("Lerretet ble oppdatert med endringer fra andre.")

    # Alice starts editing a note; Dina changes it meanwhile.
    target = Note.objects.get(text="Pårørende")
    act(mine, target, "edit")
    field = mine.locator(f"#note-{target.pk}-text")
    field.fill("Pårørende som bor langt unna")
    act(theirs, target, "edit")
    theirs.locator(f"#note-{target.pk}-text").fill("Pårørende og verger")
    theirs.locator(f"#note-{target.pk}-text").press("Enter")
    expect(theirs.locator(f"#note-{target.pk} .note__text")).to_have_text("Pårørende og verger")

    # Another change elsewhere reaches Alice, and her editor is left alone.
    theirs.locator("#add-channels-text").fill("Chat")
    theirs.locator("#add-channels-text").press("Enter")
    expect(mine.locator("#notes-channels")).to_contain_text("Chat", timeout=5000)
    expect(field).to_be_focused()
    expect(field).to_have_value("Pårørende som bor langt unna")

    # Her save is refused with 409: their text shown, hers kept to re-apply.
    field.press("Enter")
    alert = mine.locator(f"#note-{target.pk} .ds-alert")
    expect(alert).to_contain_text("Noen andre endret denne lappen")
    expect(alert).to_contain_text("Pårørende og verger")
    expect(mine.locator(f"#note-{target.pk}-text")).to_have_value("Pårørende som bor langt unna")
    axe_check(mine)  # in conflict
    mine.locator(f"#note-{target.pk}-text").press("Enter")  # re-apply on top of theirs
    expect(theirs.locator(f"#note-{target.pk} .note__text")).to_have_text(
        "Pårørende som bor langt unna", timeout=5000
    )

    # Dina deletes the note Alice is editing: Alice's text can become a new note.
    act(mine, target, "edit")
    mine.locator(f"#note-{target.pk}-text").fill("Pårørende i andre kommuner")
    act(theirs, target, "delete")
    expect(theirs.locator(f"#note-{target.pk}")).to_have_count(0)
    mine.locator(f"#note-{target.pk}-text").press("Enter")
    expect(mine.locator(f"#note-{target.pk} .ds-alert")).to_contain_text("slettet denne lappen")
    mine.get_by_role("button", name="Legg til som ny lapp").click()
    expect(mine.locator(f"#note-{target.pk}")).to_have_count(0)
    expect(mine.locator("#notes-customer_segments")).to_contain_text("Pårørende i andre kommuner")


def test_drag_and_drop_moves_and_the_other_pages_pass_axe(
    page, live_server, axe_check, alice, board
):
    note = note_add(canvas=board, block="channels", text="SMS", by=alice)
    page = enter(page.context, live_server, alice)
    page.set_viewport_size({"width": 1280, "height": 1600})  # both blocks in view
    page.goto(live_server.url + board.get_absolute_url())
    page.locator(f"#note-{note.pk} .note__text").drag_to(page.locator("#block-key_partners"))
    expect(page.locator("#notes-key_partners")).to_contain_text("SMS")
    expect(page.locator("#status")).to_contain_text("Lapp flyttet til Nøkkelpartnere")
    page.goto(live_server.url + f"/projects/{board.project_id}/canvas/")
    axe_check(page)
    page.goto(live_server.url + f"/projects/{board.project_id}/canvas/{board.pk}/snapshots/")
    page.get_by_label("Navn på øyeblikksbildet").fill("Før workshop")
    page.get_by_role("button", name="Lagre øyeblikksbilde").click()
    expect(page.locator("#snapshots")).to_contain_text("Før workshop")
    axe_check(page)
    Note.objects.filter(canvas=board).update(text="SMS og e-post")
    page.get_by_role("button", name="Sammenlign").click()
    expect(page.locator("#diff, .diff").first).to_contain_text("SMS og e-post")
    axe_check(page)


def test_a_form_swapped_in_a_moment_ago_is_still_sent_in_place(page, live_server, alice, board):
    page = enter(page.context, live_server, alice)
    page.goto(live_server.url + board.get_absolute_url())
    # A copy of the form that htmx has not readied, as just after a swap.
    page.evaluate(
        "() => { const f = document.getElementById('add-channels'); f.outerHTML = f.outerHTML; }"
    )
    page.locator("#add-channels-text").fill("Chat på nettsiden")
    page.locator("#add-channels-text").press("Enter")
    expect(page.locator("#notes-channels")).to_contain_text("Chat på nettsiden")
    expect(page.locator("#add-channels-text")).to_be_focused()
    assert "#note-" not in page.url  # not posted as a plain form, which reloads the board
