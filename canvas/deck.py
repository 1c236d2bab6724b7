"""The canvas's lines in the project's deck (see portal.decks for the contract)."""

from projects.models import Project

from .blocks import BLOCKS
from .models import Note


def deck_part(project: Project) -> tuple[dict[str, list[str]], dict[str, dict]]:
    """The newest canvas as slide lines: each block with its notes."""
    canvas = project.canvases.order_by("-pk").first()
    if canvas is None:
        return {}, {}
    notes = {}
    for note in Note.objects.filter(canvas=canvas, deleted=False).order_by("block", "position"):
        notes.setdefault(note.block, []).append(note.text)
    lines = [
        f"{block.title}: {'; '.join(notes[block.key])}" for block in BLOCKS if block.key in notes
    ]
    return {"canvas": lines}, {}
