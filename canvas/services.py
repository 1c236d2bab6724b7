"""Writes to canvases and notes. Every note write bumps the board's change count (so
co-editors' boards refresh) and every edit or move checks the note's version
(so a stale write is refused, never silently applied)."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F, Max

from projects import history, history_words
from projects.models import Project
from projects.versioning import StaleEdit, bump, lock

from .blocks import placed, reordered
from .models import Canvas, Note, Snapshot

SNAPSHOT_FIELDS = ("id", "block", "text", "color", "hypothesis")


class BoardFull(Exception):
    """The board already holds settings.CANVAS_MAX_NOTES live notes."""

    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


def _make_room(canvas_id: int) -> None:
    """Lock the board for this transaction (so two adds cannot both take the
    last place) and refuse with BoardFull when it has no room for one more."""
    Canvas.objects.select_for_update().filter(pk=canvas_id).values_list("pk").get()
    limit = settings.CANVAS_MAX_NOTES
    if Note.objects.filter(canvas_id=canvas_id, deleted=False).count() >= limit:
        raise BoardFull(limit)


def _touch(canvas_id: int) -> None:
    Canvas.objects.filter(pk=canvas_id).update(change_count=F("change_count") + 1)


def _locked_current(note: Note, version: int) -> Note:
    """The note as stored now, locked for this transaction; StaleEdit when it
    changed (or was deleted) since `version`."""
    current = lock(Note, version=version, pk=note.pk)
    if current.deleted:
        raise StaleEdit(current)
    return current


def _renumber(ids: list[int], positions: dict[int, int]) -> None:
    """Number the notes `ids` 0, 1, … in order, writing only the notes whose
    position (as in `positions`, pk → position) changes: a step up or down
    writes two notes, not the whole block."""
    # Positions are not in the history (see Note.history), so bulk_update is fine.
    changed = [Note(pk=pk, position=i) for i, pk in enumerate(ids) if positions.get(pk) != i]
    Note.objects.bulk_update(changed, ["position"])


def _block_positions(canvas_id: int, block: str) -> dict[int, int]:
    """pk → position of the block's live notes, in board order."""
    return dict(
        Note.objects.filter(canvas_id=canvas_id, block=block, deleted=False)
        .order_by("position", "pk")
        .values_list("pk", "position")
    )


def canvas_create(*, project: Project, title: str) -> Canvas:
    return Canvas.objects.create(project=project, title=title)


@transaction.atomic
def note_add(
    *, canvas: Canvas, block: str, text: str, color: str = "yellow", by: AbstractBaseUser | None
) -> Note:
    """A new note at the end of `block`; BoardFull when the board is full."""
    _make_room(canvas.pk)
    last = Note.objects.filter(canvas=canvas, block=block).aggregate(m=Max("position"))["m"]
    note = Note.objects.create(
        canvas=canvas,
        block=block,
        text=text,
        color=color,
        position=0 if last is None else last + 1,
        created_by=by,
    )
    _touch(canvas.pk)
    return note


@transaction.atomic
def note_update(*, note: Note, version: int, text: str, color: str, hypothesis: bool) -> Note:
    """Save the note's content unless it changed since `version` (StaleEdit)."""
    current = _locked_current(note, version)
    current.text, current.color, current.hypothesis = text, color, hypothesis
    bump(current)
    _touch(current.canvas_id)
    return current


@transaction.atomic
def note_move(
    *,
    note: Note,
    version: int,
    block: str | None = None,
    direction: str = "",
    position: int | None = None,
) -> Note:
    """Move the note to `block` (its own when None) at `position` (counted from
    0; the end of another block when None), or one step `direction`
    ("up"/"down") within its block. StaleEdit when it changed since `version`."""
    current = _locked_current(note, version)
    target = block or current.block
    if position is not None or target != current.block:
        positions = _block_positions(current.canvas_id, target)
        ids = list(positions)
        ids = placed(ids, moving=current.pk, index=len(ids) if position is None else position)
    elif direction in ("up", "down"):
        positions = _block_positions(current.canvas_id, target)
        ids = reordered(list(positions), moving=current.pk, direction=direction)
    else:
        bump(current)
        _touch(current.canvas_id)
        return current
    _renumber(ids, positions)  # keep positions dense
    current.position = ids.index(current.pk)
    if target != current.block:
        current.block = target
        bump(current)
    else:
        # Order within a block is not history (see Note.history): no history row.
        current.version += 1
        Note.objects.filter(pk=current.pk).update(version=current.version)
    _touch(current.canvas_id)
    return current


@transaction.atomic
def note_set_deleted(*, note: Note, deleted: bool) -> Note:
    """Delete (only marked, so it can be undone) or restore the note. The note
    keeps its position, so undo puts it back where it was. Restoring onto a
    full board raises BoardFull."""
    current = lock(Note, version=None, pk=note.pk)
    if current.deleted != deleted:
        if not deleted:
            _make_room(current.canvas_id)
        current.deleted = deleted
        bump(current)
        _touch(current.canvas_id)
    return current


def snapshot_create(*, canvas: Canvas, name: str, by: AbstractBaseUser | None) -> Snapshot:
    notes = list(
        Note.objects.filter(canvas=canvas, deleted=False)
        .order_by("block", "position", "pk")
        .values(*SNAPSHOT_FIELDS)
    )
    return Snapshot.objects.create(canvas=canvas, name=name, notes=notes, created_by=by)


@transaction.atomic
def snapshot_restore(*, snapshot: Snapshot, title: str, by: AbstractBaseUser | None) -> Canvas:
    """A new canvas in the same project holding the snapshot's notes."""
    # The new canvas and its notes are recorded as made from the snapshot.
    cause = history_words.cause_of(snapshot)
    canvas = Canvas(project_id=snapshot.canvas.project_id, title=title)
    canvas._change_reason = cause
    canvas.save()
    positions: dict[str, int] = {}
    notes = []
    for item in snapshot.notes:
        position = positions.get(item["block"], 0)
        positions[item["block"]] = position + 1
        notes.append(
            Note(
                canvas=canvas,
                block=item["block"],
                text=item["text"],
                color=item["color"],
                hypothesis=item["hypothesis"],
                position=position,
                created_by=by,
            )
        )
    history.create_recorded(Note, notes, project_id=canvas.project_id, by=by, reason=cause)
    return canvas
