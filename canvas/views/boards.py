"""Boards: the list, a board and its changes, snapshots and their comparison, the PDF."""

from django.contrib import messages
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from projects.decorators import project_view
from projects.htmx import respond
from projects.ids import parse_id

from .. import pdf
from ..blocks import board_blocks
from ..compare import board_diff
from ..forms import CanvasForm, CompareForm, SnapshotForm
from ..models import Canvas, Note, Snapshot
from ..selectors import board_cards, board_notes, hypothesis_notes
from ..services import (
    SNAPSHOT_FIELDS,
    canvas_create,
    snapshot_create,
    snapshot_restore,
)
from .common import BOARD, board_context, canvas_of


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
    canvas = canvas_of(project, canvas_id)
    undo = None
    if (undo_id := parse_id(request.GET.get("undo"))) is not None:  # a delete without JS
        undo = Note.objects.filter(pk=undo_id, canvas=canvas, deleted=True).first()
    context = board_context(project, canvas, blocks=board_blocks(board_cards(canvas.pk)), undo=undo)
    return render(request, f"{BOARD}#board" if request.htmx else BOARD, context)


def _board_change_count(canvas_id: int) -> dict:
    """The board's change count (None when the project has no such board),
    read with the access check in one query."""
    count = Canvas.objects.filter(pk=canvas_id, project=OuterRef("pk")).order_by()
    return {"board_change_count": Subquery(count.values("change_count")[:1])}


@project_view(annotate=_board_change_count)
def changes(request, project, canvas_id: int):
    """The poll of co-editors: 204 while the board's change count is `since`,
    otherwise every block's notes (out of band) and the new count. The answer
    "unchanged" costs the session, the user and one query."""
    count = project.board_change_count
    if count is None:
        raise Http404
    if not request.htmx:
        return redirect("canvas:board", project.pk, canvas_id)
    if request.GET.get("since") == str(count):
        return HttpResponse(status=204)
    canvas = Canvas(pk=canvas_id, project=project, change_count=count)
    context = board_context(project, canvas, blocks=board_blocks(board_cards(canvas_id)))
    response = render(request, f"{BOARD}#blocks-oob", context)
    response["X-Board-Change-Count"] = str(count)
    return response


@project_view(methods=["GET", "POST"])
def snapshots(request, project, canvas_id: int):
    canvas = canvas_of(project, canvas_id)
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
    return respond(request, "canvas/snapshots.html", context, partial="snapshots", message=message)


@project_view()
def compare(request, project, canvas_id: int):
    canvas = canvas_of(project, canvas_id)
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
    canvas = canvas_of(project, canvas_id)
    content = pdf.board_pdf(project=project, canvas=canvas)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=pdf.filename(canvas)
    )
    return response
