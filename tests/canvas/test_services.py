import pytest
from django.test import Client
from django.urls import reverse

from canvas.models import Canvas, Note
from canvas.services import note_move, note_set_deleted, note_update
from projects.versioning import StaleEdit
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


def test_every_change_bumps_the_board_change_count(canvas):
    note = make_note(canvas)
    update(note, 1, "a")
    note_move(note=note, version=2, direction="up")
    note_set_deleted(note=note, deleted=True)
    note_set_deleted(note=note, deleted=True)  # no change, no bump
    assert Canvas.objects.get().change_count == 4


def test_undo_puts_a_deleted_note_back_in_its_place(canvas):
    make_note(canvas, text="a")
    middle = make_note(canvas, text="b")
    make_note(canvas, text="c")
    note_set_deleted(note=middle, deleted=True)
    note_set_deleted(note=middle, deleted=False)
    texts = Note.objects.filter(deleted=False).order_by("position").values_list("text", flat=True)
    assert list(texts) == ["a", "b", "c"]


@pytest.mark.postgres_only
def test_two_writers_racing_on_one_note_one_wins_and_the_other_gets_409(
    transactional_db, project, alice
):
    """Two requests on one note at the same moment, each on its own connection
    (row locks on PostgreSQL): exactly one wins, the
    other gets 409 showing the winner's text and keeping its own."""
    note = make_note(make_canvas(project), text="start")
    url = reverse("canvas:note-edit", args=[project.pk, note.pk])

    def write(text: str):
        client = Client()
        client.force_login(alice)
        data = {"text": text, "color": "yellow", "version": 1}
        return client.post(url, data, headers={"HX-Request": "true"})

    outcomes = race(lambda: write("Anne"), lambda: write("Bjørn"))
    assert sorted(getattr(o, "status_code", o) for o in outcomes) == [200, 409], outcomes
    stored = Note.objects.get()
    assert stored.version == 2 and stored.text in ("Anne", "Bjørn")
    loser = "Bjørn" if stored.text == "Anne" else "Anne"
    refused = next(o for o in outcomes if o.status_code == 409)
    assert stored.text in refused.text and loser in refused.text  # neither text is lost
