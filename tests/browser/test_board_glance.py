"""The board at a glance: notes with one menu button each, read by keyboard
alone; notes dragged within and between blocks; journey stages dragged."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from canvas.blocks import BLOCKS
from canvas.models import Canvas, Note
from canvas.services import note_add
from projects.models import JourneyStage
from tests.projects.flow_data import make_row

from .test_canvas import enter

# Short notes as a workshop writes them.
SHORT = ["Færre telefoner", "Varsel på SMS", "Pårørende", "Kommunen", "Chat", "Ny rutine"]


@pytest.fixture
def board(transactional_db, project):
    return Canvas.objects.create(project=project, title="I dag")


def order(board, block):
    return list(
        Note.objects.filter(canvas=board, block=block, deleted=False)
        .order_by("position")
        .values_list("text", flat=True)
    )


def test_at_1366_by_768_twenty_short_notes_are_in_view(page, live_server, alice, board):
    colours = ["yellow", "blue", "green", "pink", "orange"]
    for i in range(5 * len(BLOCKS)):
        block = BLOCKS[i % len(BLOCKS)].key
        note = note_add(canvas=board, block=block, text=SHORT[i % len(SHORT)], by=alice)
        Note.objects.filter(pk=note.pk).update(color=colours[i % 5])
    page = enter(page.context, live_server, alice)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(live_server.url + board.get_absolute_url())
    in_view = page.evaluate(
        """() => Array.from(document.querySelectorAll('.note')).filter((note) => {
             const box = note.getBoundingClientRect();
             return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight
               && box.right <= innerWidth;
           }).length"""
    )
    assert in_view >= 20


def test_notes_are_dragged_within_and_between_blocks(page, live_server, axe_check, alice, board):
    notes = {t: note_add(canvas=board, block="key_activities", text=t, by=alice) for t in "ABCD"}
    note_add(canvas=board, block="key_partners", text="Kommunen", by=alice)
    page = enter(page.context, live_server, alice)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server.url + board.get_absolute_url())
    page.locator("#block-key_activities").scroll_into_view_if_needed()
    first = page.locator(f"#note-{notes['A'].pk}")
    assert first.evaluate("el => getComputedStyle(el).cursor") == "grab"

    # While dragging: the block is marked as the drop zone, and a marker shows
    # where the note will land (before D when over the lower half of C).
    third = page.locator(f"#note-{notes['C'].pk}")
    first.hover()
    page.mouse.down()
    box = third.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 2)  # starts the drag; the marker moves C down
    box = third.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] * 0.8, steps=3)
    expect(page.locator("#block-key_activities.drop-zone")).to_have_count(1)
    expect(page.locator("#notes-key_activities > .drop-marker + .note")).to_have_id(
        f"note-{notes['D'].pk}"
    )
    page.mouse.up()
    expect(page.locator("#notes-key_activities .note__text").nth(2)).to_have_text("A")
    assert order(board, "key_activities") == ["B", "C", "A", "D"]
    expect(page.locator(".drop-marker, .drop-zone")).to_have_count(0)
    expect(page.locator(f"#note-{notes['A'].pk}")).to_be_focused()
    expect(page.locator("#status")).to_contain_text("plass 3 i Nøkkelaktiviteter")

    # To another block, before its first note.
    kommunen = page.locator("#notes-key_partners .note").first
    page.locator(f"#note-{notes['D'].pk}").drag_to(kommunen, target_position={"x": 20, "y": 3})
    expect(page.locator("#notes-key_partners .note__text").first).to_have_text("D")
    assert order(board, "key_partners") == ["D", "Kommunen"]
    assert order(board, "key_activities") == ["B", "C", "A"]
    expect(page.locator("#status")).to_contain_text("Lapp flyttet til Nøkkelpartnere")

    # The menu opened by pointer; axe finds nothing with it open.
    page.locator(f"#note-{notes['B'].pk} summary").click()
    expect(page.locator(f"#note-{notes['B'].pk} [data-focus=delete]")).to_be_visible()
    axe_check(page)
    page.locator("h2").first.click()  # a click elsewhere closes it
    expect(page.locator(f"#note-{notes['B'].pk} [data-focus=delete]")).to_be_hidden()


def test_journey_stages_are_dragged_like_notes(page, live_server, alice, project):
    for n in range(3):
        make_row("journey-today", project, n)
    page = enter(page.context, live_server, alice)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server.url + reverse("projects:step-deliver", args=[project.pk]))
    journey = page.locator("#section-journey-today .journey")
    stages = journey.locator(":scope > .flow-item")
    expect(stages.first).to_have_attribute("draggable", "true")
    assert stages.first.evaluate("el => getComputedStyle(el).cursor") == "grab"
    stages.nth(2).scroll_into_view_if_needed()
    stages.first.hover()
    page.mouse.down()
    box = stages.nth(2).bounding_box()
    page.mouse.move(box["x"] + 10, box["y"] + 20)  # starts the drag
    box = stages.nth(2).bounding_box()
    page.mouse.move(box["x"] + box["width"] - 10, box["y"] + 20, steps=3)
    expect(journey.locator(".drop-marker")).to_have_count(1)
    expect(page.locator("#section-journey-today .journey.drop-zone")).to_have_count(1)
    page.mouse.up()
    journey = page.locator("#section-journey-today .journey")
    expect(journey.locator("li h3")).to_have_text(["1 Steg 1", "2 Steg 2", "3 Steg 0"])
    titles = JourneyStage.objects.filter(project=project, journey="today").order_by("position")
    assert list(titles.values_list("title", flat=True)) == ["Steg 1", "Steg 2", "Steg 0"]
