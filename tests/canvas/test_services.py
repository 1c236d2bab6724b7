import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from canvas.models import Canvas, Note
from canvas.services import note_move, note_set_deleted, note_update
from projects.services import StaleEdit
from tests.concurrency import race

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
    """Two writers on one note: exactly one wins, the other gets 409 showing
    the winner's text and keeping its own. On PostgreSQL whole requests race
    in threads (row locks). SQLite's shared in-memory test database answers
    "database table is locked" instead of waiting when two connections write,
    so there the same two writes run one after the other through the service."""
    note = make_note(make_canvas(project), text="start")
    url = reverse("canvas:note-edit", args=[project.pk, note.pk])

    def request(text: str) -> tuple[bool, str]:
        """(won, what the writer is shown: on 409 the current and their own text)"""
        client = Client()
        client.force_login(alice)
        data = {"text": text, "color": "yellow", "version": 1}
        response = client.post(url, data, headers={"HX-Request": "true"})
        assert response.status_code in (200, 409), response.status_code
        return response.status_code == 200, response.text

    def service(text: str) -> tuple[bool, str]:
        try:
            return True, update(note, 1, text).text
        except StaleEdit as stale:
            return False, f"{stale.current.text} / {text}"  # as the 409 view shows them

    if connection.vendor == "postgresql":
        outcomes = race(lambda: request("Anne"), lambda: request("Bjørn"))
    else:
        outcomes = [service("Anne"), service("Bjørn")]
    assert all(isinstance(o, tuple) for o in outcomes), outcomes
    assert sorted(won for won, _ in outcomes) == [False, True], outcomes
    stored = Note.objects.get()
    loser = "Bjørn" if stored.text == "Anne" else "Anne"
    assert stored.version == 2 and stored.text in ("Anne", "Bjørn")
    shown = next(seen for won, seen in outcomes if not won)
    assert stored.text in shown and loser in shown  # neither text is lost
