"""Notes on a board: add, read, edit, move, delete and restore them, in place with htmx."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from projects.decorators import project_view
from projects.htmx import announce
from projects.versioning import StaleEdit

from ..blocks import BLOCKS_BY_KEY, board_blocks
from ..forms import NoteAddForm, NoteMoveForm
from ..models import Note
from ..services import (
    BoardFull,
    note_add,
    note_move,
    note_set_deleted,
    note_update,
)
from .common import (
    BOARD,
    back_to_board,
    blocks_response,
    board_context,
    board_full_text,
    canvas_of,
    focus_after_swap,
    note_form,
    note_of,
    up_to_date,
)


@project_view(methods=["POST"])
def note_add_view(request, project, canvas_id: int):
    canvas = canvas_of(project, canvas_id)
    form = NoteAddForm(request.POST)
    if form.is_valid():
        key = form.cleaned_data["block"]
        try:
            note = note_add(
                canvas=canvas, block=key, text=form.cleaned_data["text"], by=request.user
            )
        except BoardFull as full:
            form.add_error("text", board_full_text(full))
        else:
            if not request.htmx:
                return back_to_board(note)
            message = _("Note added to %(block)s.") % {"block": BLOCKS_BY_KEY[key].title}
            return blocks_response(
                request,
                project,
                canvas,
                [key],
                message=message,
                focus=f"add-{key}-text",
                with_add=True,
            )
    block = BLOCKS_BY_KEY.get(request.POST.get("block"))
    error = " ".join(form.errors.get("text", [])) or _("Choose one of the nine blocks.")
    if not request.htmx or block is None:
        messages.error(request, error)
        return redirect(canvas)
    [target] = board_blocks([], only=[block.key])
    context = board_context(
        project, canvas, block=target, add_error=error, add_text=request.POST.get("text", "")
    )
    response = render(request, f"{BOARD}#add-form-oob", context)
    return focus_after_swap(announce(response, error), f"add-{block.key}-text")


@project_view()
def note_detail(request, project, note_id: int):
    note = note_of(project, note_id)
    if not request.htmx:
        return back_to_board(note)
    response = render(request, f"{BOARD}#note", board_context(project, note.canvas, note=note))
    return focus_after_swap(response, f"note-{note.pk}")


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def note_edit(request, project, note_id: int):
    # An open editor may post for a note deleted meanwhile: that is a conflict
    # (409, the text kept), not a missing page.
    note = note_of(project, note_id, deleted=None if request.method == "POST" else False)
    form = note_form(note, request.POST or None)
    context = board_context(project, note.canvas, note=note, form=form)
    template = f"{BOARD}#note-form" if request.htmx else "canvas/note_edit.html"
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            note = note_update(
                note=note,
                version=data["version"],
                text=data["text"],
                color=data["color"],
                hypothesis=data["hypothesis"],
            )
        except StaleEdit as stale:
            return _conflict(request, project, stale.current, data, template)
        if not request.htmx:
            messages.success(request, _("The note was saved."))
            return back_to_board(note)
        response = render(request, f"{BOARD}#note", board_context(project, note.canvas, note=note))
        up_to_date(request, response, note.canvas_id)
        return focus_after_swap(announce(response, _("The note was saved.")), f"note-{note.pk}")
    response = render(request, template, context)
    if request.method == "POST":
        errors = " ".join(str(e) for errors in form.errors.values() for e in errors)
        message = f"{_('The note was not saved.')} {errors}"
        return focus_after_swap(announce(response, message), f"note-{note.pk}-text")
    return focus_after_swap(response, f"note-{note.pk}-text")


def _conflict(request, project, current: Note, data: dict, template: str) -> HttpResponse:
    """409: the note as it is now, with the refused text kept in the form."""
    if current.deleted:
        message = _(
            "Someone else deleted this note while you were editing. Your text is kept "
            "below: add it as a new note if you still want it."
        )
    else:
        message = _(
            "Someone else changed this note while you were editing. It now reads as "
            "shown; your text is kept in the form below. Save it again to replace theirs."
        )
    initial = {**data, "version": current.version}
    context = board_context(
        project,
        current.canvas,
        note=current,
        form=note_form(current, initial=initial),
        conflict=message,
    )
    response = render(request, template, context, status=409)
    return focus_after_swap(announce(response, message), f"note-{current.pk}")


@project_view(methods=["POST"])
def note_move_view(request, project, note_id: int):
    # A note deleted meanwhile is a conflict to explain, not a missing page.
    note = note_of(project, note_id, deleted=None)
    form = NoteMoveForm(request.POST)
    seen = request.POST.get("from") if request.POST.get("from") in BLOCKS_BY_KEY else note.block
    if not form.is_valid():
        message = _("Choose where to move the note.")
        if not request.htmx:
            messages.error(request, message)
            return back_to_board(note)
        return blocks_response(
            request,
            project,
            note.canvas,
            [seen],
            message=message,
            focus=f"note-{note.pk}",
            written=False,
        )
    data = form.cleaned_data
    try:
        moved = note_move(
            note=note,
            version=data["version"],
            block=data["block"],
            direction=data["direction"],
            position=data["position"],
        )
    except StaleEdit as stale:
        if stale.current.deleted:
            message = _("Someone else deleted this note, so it was not moved.")
        else:
            message = _(
                "Someone else changed this note before your move, so it was not moved. "
                "It is shown as it is now; move it again if you still want to."
            )
        if not request.htmx:
            messages.error(request, message)
            return back_to_board(stale.current)
        return blocks_response(
            request,
            project,
            note.canvas,
            {seen, stale.current.block},
            message=message,
            focus=f"note-{note.pk}",
            status=409,
            written=False,
            conflict_id=note.pk,
        )
    if not request.htmx:
        return back_to_board(moved)
    if moved.block != note.block:
        message = _("Note moved to %(block)s.") % {"block": BLOCKS_BY_KEY[moved.block].title}
    else:
        message = _("Note moved to place %(place)s of %(block)s.") % {
            "place": moved.position + 1,
            "block": BLOCKS_BY_KEY[moved.block].title,
        }
    return blocks_response(
        request,
        project,
        note.canvas,
        {seen, note.block, moved.block},
        message=message,
        focus=f"note-{note.pk}",
    )


@project_view(methods=["POST"])
def note_delete(request, project, note_id: int):
    # Deleting a note someone else deleted a moment ago simply confirms it.
    note = note_set_deleted(note=note_of(project, note_id, deleted=None), deleted=True)
    return _undo_offered(
        request,
        project,
        note,
        on_page=_("The note was deleted."),
        message=_("The note was deleted. Undo is available in the block."),
    )


def _undo_offered(request, project, note: Note, *, on_page: str, message: str, written=True):
    """The deleted `note`'s block with its undo button (without htmx: the board,
    `on_page` as a success message, or an error when the write was refused)."""
    if not request.htmx:
        level = messages.SUCCESS if written else messages.ERROR
        messages.add_message(request, level, on_page)
        return back_to_board(note, undo=note.pk)
    return blocks_response(
        request,
        project,
        note.canvas,
        [note.block],
        message=message,
        focus=f"undo-{note.block}-button",
        written=written,
        undo=note,
        swap_undo=True,
    )


@project_view(methods=["POST"])
def note_restore(request, project, note_id: int):
    note = note_of(project, note_id, deleted=None)
    try:
        note = note_set_deleted(note=note, deleted=False)
    except BoardFull as full:
        refused = board_full_text(full)
        return _undo_offered(
            request, project, note, on_page=refused, message=refused, written=False
        )
    if not request.htmx:
        messages.success(request, _("The note was restored."))
        return back_to_board(note)
    return blocks_response(
        request,
        project,
        note.canvas,
        [note.block],
        message=_("The note was restored."),
        focus=f"note-{note.pk}",
        swap_undo=True,
    )
