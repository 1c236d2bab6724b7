"""The canvas pages and their htmx fragments. Every view gets its project through
`project_view` (outsiders 404, viewers 403 on writes); writes go through
canvas.services, which refuse stale versions with StaleEdit (answered 409)."""

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext as _

from projects.decorators import project_view
from projects.ids import parse_id
from projects.responses import announce
from projects.services import StaleEdit

from . import pdf
from .blocks import BLOCK_CHOICES, BLOCKS_BY_KEY, COLOUR_CHOICES, board_blocks
from .compare import board_diff
from .forms import CanvasForm, CompareForm, NoteAddForm, NoteForm, NoteMoveForm, SnapshotForm
from .models import Canvas, Note, Snapshot
from .selectors import board_notes, hypothesis_notes
from .services import (
    SNAPSHOT_FIELDS,
    BoardFull,
    canvas_create,
    note_add,
    note_move,
    note_set_deleted,
    note_update,
    snapshot_create,
    snapshot_restore,
)

BOARD = "canvas/board.html"


def _canvas(project, canvas_id: int) -> Canvas:
    return get_object_or_404(Canvas, pk=canvas_id, project=project)


def _note(project, note_id: int, *, deleted: bool | None = False) -> Note:
    """The project's note; deleted ones only when `deleted` is None (either)."""
    notes = Note.objects.select_related("canvas").filter(canvas__project=project)
    if deleted is not None:
        notes = notes.filter(deleted=deleted)
    return get_object_or_404(notes, pk=note_id)


def _context(project, canvas, **extra) -> dict:
    # A board renders up to hundreds of notes: what is the same for every note
    # is worked out once here (note URLs are this prefix + id + action).
    notes_url = reverse("canvas:note", args=[project.pk, 0]).removesuffix("0/")
    move_options = format_html(
        '<option value="">{}</option>{}',
        _("Move to …"),
        format_html_join("", '<option value="{}">{}</option>', BLOCK_CHOICES),
    )
    labels = {
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
    labels["colours"] = {key: escape(label) for key, label in COLOUR_CHOICES}
    return {
        "project": project,
        "canvas": canvas,
        "notes_url": notes_url,
        "move_options": move_options,
        "labels": labels,
        **extra,
    }


def _note_form(note: Note, data=None, initial=None) -> NoteForm:
    # Ids per note, so several open editors on one page never share an id.
    initial = initial or {
        "text": note.text,
        "color": note.color,
        "hypothesis": note.hypothesis,
        "version": note.version,
    }
    return NoteForm(data, initial=initial, auto_id=f"note-{note.pk}-%s")


def _board_full(full: BoardFull) -> str:
    return _(
        "This board already holds %(limit)d notes, as many as a board may hold. "
        "Delete a note you no longer need, or start another canvas."
    ) % {"limit": full.limit}


def _focus(response: HttpResponse, element_id: str) -> HttpResponse:
    """Ask canvas.js to put focus on `element_id` once the swap has settled."""
    response["HX-Trigger-After-Settle"] = json.dumps({"canvasFocus": element_id})
    return response


def _up_to_date(request, response: HttpResponse, canvas_id: int) -> HttpResponse:
    """After a write: when the page showed the revision just before it, this
    response brings the page up to date, so tell it the new revision and its
    next poll answers "unchanged" instead of sending the whole board."""
    shown = parse_id(request.headers.get("X-Board-Revision"))
    if shown is None:
        return response
    revision = Canvas.objects.filter(pk=canvas_id).values_list("revision", flat=True).first()
    if revision == shown + 1:
        response["X-Board-Revision"] = str(revision)
    return response


def _blocks_response(
    request, project, canvas, keys, *, message, focus, status=200, written=True, **extra
) -> HttpResponse:
    """The named blocks' note lists (and undo regions) as out-of-band swaps,
    after a write unless `written` is False."""
    blocks = board_blocks(board_notes(canvas.pk, blocks=keys), only=keys)
    context = _context(project, canvas, blocks=blocks, **extra)
    response = render(request, f"{BOARD}#blocks-oob", context, status=status)
    if written:
        _up_to_date(request, response, canvas.pk)
    return _focus(announce(response, message), focus)


def _back_to_board(note: Note, **query) -> HttpResponse:
    url = reverse("canvas:board", args=[note.canvas.project_id, note.canvas_id])
    if query:
        url += "?" + urlencode(query)
    return redirect(f"{url}#note-{note.pk}")


@project_view(methods=["GET", "POST"])
def canvas_list(request, project):
    form = CanvasForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        canvas = canvas_create(project=project, title=form.cleaned_data["title"])
        if request.htmx:
            return HttpResponse(headers={"HX-Redirect": canvas.get_absolute_url()})
        return redirect(canvas)
    context = {
        "project": project,
        "canvases": project.canvases.all(),
        "form": form,
        "hypotheses": hypothesis_notes(project=project),
    }
    template = "canvas/list.html#canvas-form" if request.htmx else "canvas/list.html"
    return render(request, template, context)


@project_view()
def board(request, project, canvas_id: int):
    canvas = _canvas(project, canvas_id)
    undo = None
    if (undo_id := parse_id(request.GET.get("undo"))) is not None:  # a delete without JS
        undo = Note.objects.filter(pk=undo_id, canvas=canvas, deleted=True).first()
    context = _context(project, canvas, blocks=board_blocks(board_notes(canvas.pk)), undo=undo)
    return render(request, f"{BOARD}#board" if request.htmx else BOARD, context)


@project_view()
def changes(request, project, canvas_id: int):
    """The poll of co-editors: 204 while the board's revision is `since`,
    otherwise every block's notes (out of band) and the new revision."""
    revision = (
        Canvas.objects.filter(pk=canvas_id, project=project)
        .values_list("revision", flat=True)
        .first()
    )
    if revision is None:
        raise Http404
    if not request.htmx:
        return redirect("canvas:board", project.pk, canvas_id)
    if request.GET.get("since") == str(revision):
        return HttpResponse(status=204)
    canvas = Canvas(pk=canvas_id, project=project, revision=revision)
    context = _context(project, canvas, blocks=board_blocks(board_notes(canvas_id)))
    response = render(request, f"{BOARD}#blocks-oob", context)
    response["X-Board-Revision"] = str(revision)
    return response


@project_view(methods=["POST"])
def note_add_view(request, project, canvas_id: int):
    canvas = _canvas(project, canvas_id)
    form = NoteAddForm(request.POST)
    if form.is_valid():
        key = form.cleaned_data["block"]
        try:
            note = note_add(
                canvas=canvas, block=key, text=form.cleaned_data["text"], by=request.user
            )
        except BoardFull as full:
            form.add_error("text", _board_full(full))
        else:
            if not request.htmx:
                return _back_to_board(note)
            message = _("Note added to %(block)s.") % {"block": BLOCKS_BY_KEY[key].title}
            return _blocks_response(
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
    context = _context(
        project, canvas, block=target, add_error=error, add_text=request.POST.get("text", "")
    )
    response = render(request, f"{BOARD}#add-form-oob", context)
    return _focus(announce(response, error), f"add-{block.key}-text")


@project_view()
def note_detail(request, project, note_id: int):
    note = _note(project, note_id)
    if not request.htmx:
        return _back_to_board(note)
    response = render(request, f"{BOARD}#note", _context(project, note.canvas, note=note))
    return _focus(response, f"note-{note.pk}")


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def note_edit(request, project, note_id: int):
    # An open editor may post for a note deleted meanwhile: that is a conflict
    # (409, the text kept), not a missing page.
    note = _note(project, note_id, deleted=None if request.method == "POST" else False)
    form = _note_form(note, request.POST or None)
    context = _context(project, note.canvas, note=note, form=form)
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
            return _back_to_board(note)
        response = render(request, f"{BOARD}#note", _context(project, note.canvas, note=note))
        _up_to_date(request, response, note.canvas_id)
        return _focus(announce(response, _("The note was saved.")), f"note-{note.pk}")
    response = render(request, template, context)
    if request.method == "POST":
        errors = " ".join(str(e) for errors in form.errors.values() for e in errors)
        message = f"{_('The note was not saved.')} {errors}"
        return _focus(announce(response, message), f"note-{note.pk}-text")
    return _focus(response, f"note-{note.pk}-text")


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
    context = _context(
        project,
        current.canvas,
        note=current,
        form=_note_form(current, initial=initial),
        conflict=message,
    )
    response = render(request, template, context, status=409)
    return _focus(announce(response, message), f"note-{current.pk}")


@project_view(methods=["POST"])
def note_move_view(request, project, note_id: int):
    # A note deleted meanwhile is a conflict to explain, not a missing page.
    note = _note(project, note_id, deleted=None)
    form = NoteMoveForm(request.POST)
    seen = request.POST.get("from") if request.POST.get("from") in BLOCKS_BY_KEY else note.block
    if not form.is_valid():
        message = _("Choose where to move the note.")
        if not request.htmx:
            messages.error(request, message)
            return _back_to_board(note)
        return _blocks_response(
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
            note=note, version=data["version"], block=data["block"], direction=data["direction"]
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
            return _back_to_board(stale.current)
        return _blocks_response(
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
        return _back_to_board(moved)
    if moved.block != note.block:
        message = _("Note moved to %(block)s.") % {"block": BLOCKS_BY_KEY[moved.block].title}
    else:
        message = _("Note moved to place %(place)s of %(block)s.") % {
            "place": moved.position + 1,
            "block": BLOCKS_BY_KEY[moved.block].title,
        }
    return _blocks_response(
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
    note = note_set_deleted(note=_note(project, note_id, deleted=None), deleted=True)
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
        return _back_to_board(note, undo=note.pk)
    return _blocks_response(
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
    note = _note(project, note_id, deleted=None)
    try:
        note = note_set_deleted(note=note, deleted=False)
    except BoardFull as full:
        refused = _board_full(full)
        return _undo_offered(
            request, project, note, on_page=refused, message=refused, written=False
        )
    if not request.htmx:
        messages.success(request, _("The note was restored."))
        return _back_to_board(note)
    return _blocks_response(
        request,
        project,
        note.canvas,
        [note.block],
        message=_("The note was restored."),
        focus=f"note-{note.pk}",
        swap_undo=True,
    )


@project_view(methods=["GET", "POST"])
def snapshots(request, project, canvas_id: int):
    canvas = _canvas(project, canvas_id)
    form = SnapshotForm(request.POST or None)
    message = None
    if request.method == "POST" and form.is_valid():
        snapshot = snapshot_create(canvas=canvas, name=form.cleaned_data["name"], by=request.user)
        message = _('Snapshot "%(name)s" was saved.') % {"name": snapshot.name}
        if not request.htmx:
            messages.success(request, message)
            return redirect("canvas:snapshots", project.pk, canvas.pk)
        form = SnapshotForm()
    items = list(canvas.snapshots.select_related("created_by"))
    context = {
        "project": project,
        "canvas": canvas,
        "form": form,
        "snapshots": items,
        "compare_form": CompareForm(snapshots=items),
    }
    template = "canvas/snapshots.html#snapshots" if request.htmx else "canvas/snapshots.html"
    response = render(request, template, context)
    return announce(response, message) if message else response


@project_view()
def compare(request, project, canvas_id: int):
    canvas = _canvas(project, canvas_id)
    items = {str(s.pk): s for s in canvas.snapshots.all()}
    form = CompareForm(request.GET or None, snapshots=items.values())
    diff = None
    if form.is_valid():

        def notes_of(choice: str) -> list[dict]:
            if choice == "current":
                return list(board_notes(canvas.pk).values(*SNAPSHOT_FIELDS))
            return items[choice].notes

        diff = board_diff(notes_of(form.cleaned_data["a"]), notes_of(form.cleaned_data["b"]))
    labels = {key: s.name for key, s in items.items()} | {"current": _("The board now")}
    context = {
        "project": project,
        "canvas": canvas,
        "form": form,
        "diff": diff,
        "label_a": labels.get(request.GET.get("a")),
        "label_b": labels.get(request.GET.get("b")),
    }
    template = "canvas/compare.html#diff" if request.htmx else "canvas/compare.html"
    return render(request, template, context)


@project_view(methods=["POST"])
def snapshot_restore_view(request, project, canvas_id: int, snapshot_id: int):
    snapshot = get_object_or_404(
        Snapshot.objects.select_related("canvas"),
        pk=snapshot_id,
        canvas_id=canvas_id,
        canvas__project=project,
    )
    title = _("%(canvas)s (from %(snapshot)s)") % {
        "canvas": snapshot.canvas.title,
        "snapshot": snapshot.name,
    }
    canvas = snapshot_restore(snapshot=snapshot, title=title[:200], by=request.user)
    messages.success(request, _("The snapshot was restored as a new canvas."))
    if request.htmx:
        return HttpResponse(headers={"HX-Redirect": canvas.get_absolute_url()})
    return redirect(canvas)


@project_view()
def canvas_pdf(request, project, canvas_id: int):
    canvas = _canvas(project, canvas_id)
    content = pdf.board_pdf(project=project, canvas=canvas)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="canvas-{canvas.pk}.pdf"'
    return response
