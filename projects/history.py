"""A project's history in words a user understands.

Models with `HistoricalRecords` join a project's history by registering here
(usually from their app's `ready()`), naming how their rows reach the project.
`ProjectHistory` reads it a window at a time, however long it is.

Every recorded change is also indexed under its project (history_index.py),
and gives the project a new `change_stamp`, so a view may cache what it shows
of a project under that stamp.
"""

import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, cached_property

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.signals import post_create_historical_record

from . import history_index
from . import history_words as words
from .models import Project, RecordedChange

ACTIONS = {
    "+": gettext_lazy("created"),
    "~": gettext_lazy("changed"),
    "-": gettext_lazy("deleted"),
    "r": gettext_lazy("restored"),
}


@dataclass(frozen=True)
class Source:
    model: type[models.Model]
    project_lookup: str
    label: Callable[[models.Model, dict], str]
    # Fields worth reading when a row is created or deleted (a role granted,
    # a decision with its comment); other rows show only their label then.
    shown_whole: tuple[str, ...] = ()
    # What a change names instead of "<model> “<label>”", from the names of
    # the fields it changed (e.g. "the hypothesis"); None keeps the label.
    subject: Callable[[set[str]], str | None] | None = None
    # Whether a project's backup holds the model's rows and their history.
    in_backup: bool = True


@dataclass
class Entry:
    when: datetime
    who: str
    action: str  # "+", "~" or "-"
    what: str
    row: models.Model = field(repr=False)
    source: Source = field(repr=False)
    refs: dict = field(repr=False)
    diff: list[tuple[models.Field, object, object]] = field(default_factory=list, repr=False)

    @property
    def verb(self) -> str:
        return str(ACTIONS[self.action])

    # Formatting is the costly part; pages show few of many entries, so only
    # the entries shown are formatted.
    @cached_property
    def label(self) -> str:
        return self.source.label(self.row, self.refs)

    @property
    def sentence(self) -> str:
        """Who did what to which row, in words."""
        names = {fld.name for fld, _old, _new in self.diff}
        subject = self.source.subject and self.action == "~" and self.source.subject(names)
        if subject:
            return _("%(who)s %(verb)s %(subject)s") % {
                "who": self.who,
                "verb": self.verb,
                "subject": subject,
            }
        parts = {"who": self.who, "verb": self.verb, "what": self.what, "label": self.label}
        return _("%(who)s %(verb)s %(what)s “%(label)s”") % parts

    @cached_property
    def change_lines(self) -> list[str]:
        """Each change as "field: old → new", named as its page names it."""
        return [
            words.change_line(
                fld,
                words.field_name(self.source.model, fld),
                old,
                new,
                whole=self.row.history_type != "~",
                shown=lambda value, fld=fld: words.display(fld, value, self.refs),
            )
            for fld, old, new in self.diff
        ]

    @cached_property
    def changes(self) -> list[tuple[str, str, str]]:
        """(field, old, new) in words."""
        return [
            (
                words.field_name(self.source.model, fld),
                words.display(fld, old, self.refs),
                words.display(fld, new, self.refs),
            )
            for fld, old, new in self.diff
        ]


_sources: list[Source] = []


def register(
    model: type[models.Model],
    *,
    project_lookup: str,
    label=words.default_label,
    shown_whole: tuple[str, ...] = (),
    subject: Callable[[set[str]], str | None] | None = None,
    in_backup: bool = True,
) -> None:
    """Add `model`'s recorded changes to its project's history.

    `project_lookup` filters the model's historical rows to one project, e.g.
    "project_id" or "canvas__project_id"; `shown_whole` names the fields an
    entry lists when a row is created or deleted; `subject`, given the names
    of the fields a change changed, may name what changed in words;
    `in_backup=False` leaves the model out of a project's backup."""
    if any(source.model is model for source in _sources):
        return
    _sources.append(
        Source(
            model=model,
            project_lookup=project_lookup,
            label=label,
            shown_whole=shown_whole,
            subject=subject,
            in_backup=in_backup,
        )
    )

    def recorded(sender, instance, history_instance, **kwargs):
        if history_instance.history_type == "~" and not _changes(model, history_instance):
            history_instance.delete()  # a save that changed nothing the history shows
            return
        project_id = _project_of(history_instance, instance, project_lookup)
        if project_id is None:
            return  # its parent is gone: no project to tell
        history_index.add(project_id=project_id, model=model, rows=[history_instance])
        stamp = _renew(Project.objects.filter(pk=project_id))
        if isinstance(instance, Project):
            instance.change_stamp = stamp  # the caller's copy stays current

    post_create_historical_record.connect(recorded, sender=_historical(model), weak=False)


def _project_of(row, instance: models.Model, project_lookup: str) -> int | None:
    """The project of the recorded `row` of `instance`, by the lookup that
    names it: through the parents the live instance already holds, else read
    through the recorded row's parents."""
    *parents, attname = project_lookup.split("__")
    obj = instance
    for name in parents:
        if not obj._meta.get_field(name).is_cached(obj):
            recorded = type(row).objects.filter(pk=row.pk)
            return recorded.values_list(project_lookup, flat=True).first()
        obj = getattr(obj, name)
    return getattr(obj, attname)


def _changes(model: type[models.Model], row) -> bool:
    """Whether the recorded `row` differs from the one before it in a field the
    history shows (True when there is none before it)."""
    before = row.prev_record
    return before is None or bool(_diff(model, before, row))


def _diff(model: type[models.Model], before, row) -> list[tuple[models.Field, object, object]]:
    """(field, old, new) of each field the history shows that differs."""
    return [
        (fld, getattr(before, fld.attname), getattr(row, fld.attname))
        for fld in _tracked_fields(model)
        if getattr(before, fld.attname) != getattr(row, fld.attname)
    ]


def touch(project_id: int) -> None:
    """Give the project a new change stamp: whatever was cached of it is stale.
    Recorded changes do this themselves; bulk writes, which send no signals,
    call it."""
    _renew(Project.objects.filter(pk=project_id))


def reindex(project_id: int | None, *, written: set[str] | None = None) -> None:
    """Index the project's history again (every project's when None) after
    rows were written to the history tables directly (`written`: the labels of
    those tables; all when None), and give it a new change stamp."""
    sources = [(source.model, source.project_lookup) for source in _sources]
    history_index.rebuild(sources=sources, project_id=project_id, written=written)
    if project_id is not None:
        touch(project_id)


@transaction.atomic
def create_recorded(model, objs: list, *, project_id: int, by=None, reason=None) -> list:
    """Create `objs` in a few queries, each with its history, as changes of the
    project (by `by`, with `reason` as their change reason)."""
    made = model.objects.bulk_create(objs)
    rows = model.history.bulk_history_create(made, default_user=by, default_change_reason=reason)
    history_index.add(project_id=project_id, model=model, rows=rows or [])
    touch(project_id)
    return made


def _renew(projects: models.QuerySet) -> uuid.UUID:
    stamp = uuid.uuid4()
    projects.update(change_stamp=stamp)
    return stamp


@cache
def _historical(model: type[models.Model]) -> type[models.Model]:
    # `Model.history` builds a new manager class on every access: costly per request.
    return model.history.model


@cache
def _tracked_fields(model: type[models.Model]) -> list[models.Field]:
    historical = _historical(model)
    names = {f.name for f in historical._meta.get_fields()}
    return [
        f
        for f in model._meta.concrete_fields
        if f.name in names and not f.primary_key and f.name not in {"version"}
    ]


def _resolve_refs(rows_by_source: dict[Source, list], project_id: int) -> dict:
    """Names of every object the rows point to, one query per related model."""
    wanted: dict[type[models.Model], set] = defaultdict(set)
    causes: dict[type[models.Model], set] = defaultdict(set)
    user_model = get_user_model()
    for source, rows in rows_by_source.items():
        fks = [f for f in _tracked_fields(source.model) if f.is_relation]
        for row in rows:
            if cause := words.parse_cause(row.history_change_reason):
                causes[cause[0]].add(cause[1])
            if row.history_user_id:
                wanted[user_model].add(row.history_user_id)
            for fk in fks:
                value = getattr(row, fk.attname)
                if value is not None:
                    wanted[fk.related_model].add(value)
    refs = {}
    for model, ids in wanted.items():
        for obj in model._default_manager.filter(pk__in=ids):
            name = obj.get_full_name() or obj.username if model is user_model else str(obj)
            refs[(model, obj.pk)] = name
    for model, ids in causes.items():
        for obj in words.causes_of(model, ids, project_id):
            refs[("cause", words.cause_of(obj))] = obj
    return refs


class ProjectHistory:
    """A project's recorded changes, newest first, read a window at a time:
    `history[:5]`, or handed to a `Paginator`. A window costs one query for
    its keys, two per kind of row in it and one per model its rows name,
    however long the history is. Saves that changed nothing shown are left
    out of a window, so it may hold fewer entries than asked for."""

    def __init__(self, project_id: int):
        self.project_id = project_id
        self._keys = (
            RecordedChange.objects.filter(project_id=project_id)
            .order_by("-history_date", "-history_id")
            .values_list("history_date", "history_id", "source")
        )

    def count(self) -> int:
        return self._keys.count()

    def latest_date(self) -> datetime | None:
        return self._keys.values_list("history_date", flat=True).first()

    def __getitem__(self, window: slice) -> list[Entry]:
        ids_by_source: dict[str, list[int]] = defaultdict(list)
        for _when, history_id, label in self._keys[window]:
            ids_by_source[label].append(history_id)
        sources = {source.model._meta.label_lower: source for source in _sources}
        shown, earlier = {}, {}
        for label, ids in ids_by_source.items():
            if (source := sources.get(label)) is None:
                continue  # a model no longer recorded
            shown[source], earlier[source] = _rows_and_their_previous(source, ids)
        refs = _resolve_refs(
            {source: shown[source] + list(earlier[source].values()) for source in shown},
            self.project_id,
        )
        entries = [
            entry
            for source, rows in shown.items()
            for row in rows
            if (entry := _entry(source, row, earlier[source].get(row.before_id), refs))
        ]
        entries.sort(key=lambda e: (e.when, e.row.history_id), reverse=True)
        return entries


def _rows_and_their_previous(source: Source, ids: list[int]) -> tuple[list, dict]:
    """The recorded rows `ids`, each with `before_id`, and the rows before
    the changed ones by history id."""
    historical = _historical(source.model)
    pk = source.model._meta.pk.attname
    before = (
        historical.objects.filter(**{pk: OuterRef(pk)}, history_id__lt=OuterRef("history_id"))
        .order_by("-history_id")
        .values("history_id")[:1]
    )
    rows = list(historical.objects.filter(history_id__in=ids).annotate(before_id=Subquery(before)))
    wanted = [row.before_id for row in rows if row.history_type == "~" and row.before_id]
    return rows, historical.objects.in_bulk(wanted) if wanted else {}


def _entry(source: Source, row, before, refs: dict) -> Entry | None:
    """How `row` reads in the history; None for a save that changed nothing shown."""
    diff = []
    if row.history_type == "~" and before is not None:
        diff = _diff(source.model, before, row)
        if not diff:
            return None
    elif source.shown_whole:
        values = [
            (fld, getattr(row, fld.attname))
            for fld in _tracked_fields(source.model)
            if fld.name in source.shown_whole
        ]
        diff = [
            (fld, None, value) if row.history_type == "+" else (fld, value, None)
            for fld, value in values
            if value not in (None, "")
        ]
    if source.subject and row.history_type == "+" and not _filled(source.model, row):
        return None  # an empty row made to hold texts to come: nothing to tell yet
    action, diff = words.hidden_or_shown(row.history_type, diff)
    who = refs.get((get_user_model(), row.history_user_id)) or _("The portal")
    if cause := refs.get(("cause", row.history_change_reason)):
        who = words.cause_words(cause, who)
    return Entry(
        when=row.history_date,
        who=who,
        action=action,
        what=str(source.model._meta.verbose_name),
        row=row,
        source=source,
        refs=refs,
        diff=diff,
    )


def _filled(model: type[models.Model], row) -> bool:
    """Whether the recorded `row` holds any value of its own."""
    return any(
        getattr(row, fld.attname) not in (None, "")
        for fld in _tracked_fields(model)
        if not fld.is_relation
    )


def membership_label(row, refs: dict) -> str:
    return refs.get((get_user_model(), row.user_id), "–")


def last_change(project_id: int) -> datetime | None:
    """When anything of the project last changed (None if nothing is recorded)."""
    return ProjectHistory(project_id).latest_date()


def project_querysets(project_id: int):
    """Every registered model's rows of the project, then their recorded history:
    parents before children, in registration order (those a backup holds)."""
    sources = [s for s in _sources if s.in_backup]
    live = [
        s.model._default_manager.filter(**{s.project_lookup: project_id}).order_by("pk")
        for s in sources
    ]
    recorded = [
        s.model.history.model.objects.filter(**{s.project_lookup: project_id}).order_by(
            "history_id"
        )
        for s in sources
    ]
    return live + recorded
