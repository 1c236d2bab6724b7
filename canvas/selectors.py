"""Reads of canvases and notes for other code and for the views."""

from django.db.models import QuerySet

from projects.models import Project

from .models import Note

CARD_FIELDS = ("pk", "block", "text", "color", "hypothesis", "version")


def board_notes(canvas_id: int, *, blocks=None) -> QuerySet[Note]:
    """The board's live notes in board order (optionally only some blocks)."""
    notes = Note.objects.filter(canvas_id=canvas_id, deleted=False)
    if blocks is not None:
        notes = notes.filter(block__in=list(blocks))
    return notes.order_by("position", "pk").only(
        "pk", "canvas_id", "block", "text", "color", "hypothesis", "version", "position"
    )


def board_cards(canvas_id: int, *, blocks=None) -> QuerySet:
    """`board_notes` as plain rows with the attributes a note card shows (pk,
    block, text, color, hypothesis, version): a board draws hundreds of cards,
    and rows cost a fraction of model instances."""
    return board_notes(canvas_id, blocks=blocks).values_list(*CARD_FIELDS, named=True)


def hypothesis_notes(*, project: Project) -> QuerySet[Note]:
    """Notes marked "hypothesis to test" on any of the project's canvases, for
    step 1's experiments log to offer."""
    return (
        Note.objects.filter(canvas__project=project, deleted=False, hypothesis=True)
        .select_related("canvas")
        .order_by("canvas__created_at", "canvas_id", "block", "position", "pk")
    )
