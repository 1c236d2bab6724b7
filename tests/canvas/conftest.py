import pytest

from canvas.models import Canvas, Note
from canvas.services import note_add


def make_canvas(project, title="I dag") -> Canvas:
    return Canvas.objects.create(project=project, title=title)


def make_note(canvas, block="value_propositions", text="Færre telefoner til tjenesten", **fields):
    note = note_add(canvas=canvas, block=block, text=text, by=None)
    if fields:
        Note.objects.filter(pk=note.pk).update(**fields)
        note.refresh_from_db()
    return note


@pytest.fixture
def canvas(project):
    return make_canvas(project)


@pytest.fixture
def note(canvas):
    return make_note(canvas)


HTMX = {"HX-Request": "true"}
