"""The board at a glance: notes with one menu button each, read by keyboard
alone; notes dragged within and between blocks; journey stages dragged."""

import pytest
from playwright.sync_api import expect

from canvas.blocks import BLOCKS
from canvas.models import Canvas, Note
from canvas.services import note_add
from projects.models import JourneyStage

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
    for i in range(4 * len(BLOCKS)):
        block = BLOCKS[i % len(BLOCKS)].key
        note = note_add(canvas=board, block=block, text=SHORT[i % len(SHORT)], by=alice)
        Note.objects.filter(pk=note.pk).update(color=colours[i % 5])
    page = enter(page.context, live_server, alice)
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(live_server.url + board.get_absolute_url())
    page.screenshot(path="/tmp/boardwork/glance.png")
    in_view = page.evaluate(
        """() => Array.from(document.querySelectorAll('.note')).filter((note) => {
             const box = note.getBoundingClientRect();
             return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight
               && box.right <= innerWidth;
           }).length"""
    )
    assert in_view >= 20
