"""What the canvas views share: finding a board or a note of the project, the
board's rendering context and the answers that follow a write."""

import json
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext as _

from projects.discussion.selectors import comment_counts, thread_url
from projects.htmx import announce
from projects.ids import parse_id

from ..blocks import BLOCK_CHOICES, COLOUR_CHOICES, board_blocks
from ..forms import NoteForm
from ..models import Canvas, Note
from ..selectors import board_cards
from ..services import (
    BoardFull,
)

BOARD = "canvas/board.html"


def canvas_of(project, canvas_id: int) -> Canvas:
    return get_object_or_404(Canvas, pk=canvas_id, project=project)


def note_of(project, note_id: int, *, deleted: bool | None = False) -> Note:
    """The project's note; deleted ones only when `deleted` is None (either)."""
    notes = Note.objects.select_related("canvas").filter(canvas__project=project)
    if deleted is not None:
        notes = notes.filter(deleted=deleted)
    return get_object_or_404(notes, pk=note_id)


def board_context(project, canvas, **extra) -> dict:
    # A board renders up to hundreds of notes: what is the same for every note
    # is worked out once here (note URLs are this prefix + id + action).
    notes_url = reverse("canvas:note", args=[project.pk, 0]).removesuffix("0/")
    move_options = format_html(
        '<option value="">{}</option>{}',
        _("Move to …"),
        format_html_join("", '<option value="{}">{}</option>', BLOCK_CHOICES),
    )
    labels = {
        "actions": _("Actions"),
        "edit": _("Edit"),
        "up": _("Up"),
        "down": _("Down"),
        "move_to": _("Move to"),
        "move": _("Move"),
        "delete": _("Delete"),
        "hypothesis": _("Hypothesis to test"),
        "moved_meanwhile": _(
            "Someone else changed this note before your move, so it was not moved. "
            "It is shown as it is now."
        ),
    }
    labels = {key: escape(label) for key, label in labels.items()}
    # Each note links to its comments, with their number (one query a board).
    threads = thread_url(project_id=project.pk, kind="note", item_id=0)[:-2]
    labels["colours"] = {key: escape(str(label)) for key, label in COLOUR_CHOICES}
    return {
        "project": project,
        "canvas": canvas,
        "notes_url": notes_url,
        "move_options": move_options,
        "labels": labels,
        "comments": (
            SimpleLazyObject(lambda: comment_counts(project_id=project.pk, models=[Note])),
            threads,
        ),
        "card_parts": {},  # what the cards share, worked out by the first (canvas_board)
        **extra,
    }


def note_form(note: Note, data=None, initial=None) -> NoteForm:
    # Ids per note, so several open editors on one page never share an id.
    initial = initial or {
        "text": note.text,
        "color": note.color,
        "hypothesis": note.hypothesis,
        "version": note.version,
    }
    return NoteForm(data, initial=initial, auto_id=f"note-{note.pk}-%s")


def board_full_text(full: BoardFull) -> str:
    return _(
        "This board already holds %(limit)d notes, as many as a board may hold. "
        "Delete a note you no longer need, or start another canvas."
    ) % {"limit": full.limit}


def focus_after_swap(response: HttpResponse, element_id: str) -> HttpResponse:
    """Ask canvas.js to put focus on `element_id` once the swap has settled."""
    response["HX-Trigger-After-Settle"] = json.dumps({"canvasFocus": element_id})
    return response


def up_to_date(request, response: HttpResponse, canvas_id: int) -> HttpResponse:
    """After a write: when the page showed the change count just before it,
    this response brings the page up to date, so tell it the new count and its
    next poll answers "unchanged" instead of sending the whole board."""
    shown = parse_id(request.headers.get("X-Board-Change-Count"))
    if shown is None:
        return response
    count = Canvas.objects.filter(pk=canvas_id).values_list("change_count", flat=True).first()
    if count == shown + 1:
        response["X-Board-Change-Count"] = str(count)
    return response


def blocks_response(
    request, project, canvas, keys, *, message, focus, status=200, written=True, **extra
) -> HttpResponse:
    """The named blocks' note lists (and undo regions) as out-of-band swaps,
    after a write unless `written` is False."""
    blocks = board_blocks(board_cards(canvas.pk, blocks=keys), only=keys)
    context = board_context(project, canvas, blocks=blocks, **extra)
    response = render(request, f"{BOARD}#blocks-oob", context, status=status)
    if written:
        up_to_date(request, response, canvas.pk)
    return focus_after_swap(announce(response, message), focus)


def back_to_board(note: Note, **query) -> HttpResponse:
    url = reverse("canvas:board", args=[note.canvas.project_id, note.canvas_id])
    if query:
        url += "?" + urlencode(query)
    return redirect(f"{url}#note-{note.pk}")
