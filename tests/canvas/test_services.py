import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from canvas.models import Canvas, Note
from canvas.services import note_move, note_set_deleted, note_update
from projects.services import StaleEdit

from .conftest import make_canvas, make_note


def update(note, version, text):
    return note_update(note=note, version=version, text=text, color="yellow", hypothesis=False)


def test_it_applies_an_edit_from_the_current_version_only(note):
    saved = update(note, 1, "først")
    assert saved.version == 2
    with pytest.raises(StaleEdit) as stale:
        update(note, 1, "for sent")
    assert stale.value.current.text == "først"
    assert Note.objects.get().text == "først"


def test_it_refuses_moves_from_a_stale_version_and_edits_of_deleted_notes(note):
    update(note, 1, "endret")
    with pytest.raises(StaleEdit):
        note_move(note=note, version=1, block="channels")
    note_set_deleted(note=note, deleted=True)
    with pytest.raises(StaleEdit) as stale:
        update(note, 3, "etter sletting")
    assert stale.value.current.deleted
    assert Note.objects.get().block == "value_propositions"


def test_every_change_bumps_the_board_revision(canvas):
    note = make_note(canvas)
    update(note, 1, "a")
    note_move(note=note, version=2, direction="up")
    note_set_deleted(note=note, deleted=True)
    note_set_deleted(note=note, deleted=True)  # no change, no bump
    assert Canvas.objects.get().revision == 4


def test_undo_puts_a_deleted_note_back_in_its_place(canvas):
    make_note(canvas, text="a")
    middle = make_note(canvas, text="b")
    make_note(canvas, text="c")
    note_set_deleted(note=middle, deleted=True)
    note_set_deleted(note=middle, deleted=False)
    texts = Note.objects.filter(deleted=False).order_by("position").values_list("text", flat=True)
    assert list(texts) == ["a", "b", "c"]


def test_two_writers_racing_on_one_note_one_wins_and_the_other_gets_409(
    transactional_db, project, alice
):
    """On PostgreSQL two real connections race; elsewhere (SQLite serialises
    writers) the same two requests run one after the other. Either way exactly
    one wins, the other gets 409 carrying the winner's text, and the loser's
    text comes back to them."""
    canvas = make_canvas(project)
    note = make_note(canvas, text="start")
    url = reverse("canvas:note-edit", args=[project.pk, note.pk])
    results: dict[str, object] = {}
    barrier = threading.Barrier(2)

    def write(text: str, wait: bool) -> None:
        client = Client()
        client.force_login(alice)
        if wait:
            barrier.wait()
        results[text] = client.post(
            url,
            {"text": text, "color": "yellow", "version": 1},
            headers={"HX-Request": "true"},
        )
        if wait:
            connection.close()  # each thread's own connection

    if connection.vendor == "postgresql":
        threads = [threading.Thread(target=write, args=(t, True)) for t in ("Anne", "Bjørn")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    else:
        write("Anne", False)
        write("Bjørn", False)

    statuses = sorted(r.status_code for r in results.values())
    assert statuses == [200, 409]
    winner = next(t for t, r in results.items() if r.status_code == 200)
    loser = next(t for t, r in results.items() if r.status_code == 409)
    stored = Note.objects.get()
    assert stored.text == winner and stored.version == 2
    assert loser in results[loser].text and winner in results[loser].text
