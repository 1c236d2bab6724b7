"""Optimistic locking, one idiom for every app: a row carries a `version`
(the row lock, nothing else); a write names the version the user loaded and
is refused with `StaleEdit` when someone saved the row since. A form that
edits only some fields of a shared row carries the digest of those fields
instead (`part_digest`), so saving one part leaves the others current.

Every write here runs inside the caller's transaction (they are all called
from `transaction.atomic` services) and locks the row it checks."""

import hashlib
from collections.abc import Iterable

from django.db import models
from simple_history.models import HistoricalRecords


class StaleEdit(Exception):
    """The object changed since the user loaded it; carries the current state
    (None when it is gone)."""

    def __init__(self, current):
        super().__init__("stale edit")
        self.current = current


def part_digest(row: models.Model, fields: Iterable[str]) -> str:
    """A short digest of `fields` of `row` as they are now: what a form that
    edits only those fields carries instead of the row's version."""
    values = repr([getattr(row, name) for name in sorted(fields)])
    return hashlib.sha256(values.encode()).hexdigest()[:16]


def lock(model: type[models.Model], *, version: int | None, missing_ok: bool = False, **lookup):
    """The row of `model` matching `lookup` as stored now, locked for this
    transaction, or None when there is none. StaleEdit(current) when it
    changed since `version` (None: not checked), or is gone though the user
    saw it (`version` given, unless `missing_ok`)."""
    current = model.objects.select_for_update().filter(**lookup).order_by("pk").first()
    if version is None or (current is None and missing_ok):
        return current
    if current is None or current.version != version:
        raise StaleEdit(current)
    return current


def bump(row: models.Model) -> models.Model:
    """Save `row` (already locked) as a new version."""
    row.version += 1
    row.save()
    return row


def save_versioned(
    row: models.Model | type[models.Model],
    *,
    data: dict,
    version: int | None = None,
    digest: str | None = None,
    ignore: Iterable[str] = (),
    **lookup,
) -> models.Model:
    """Lock the stored row (`row`, or the row of the model `row` matching
    `lookup`) and save `data` onto it as a new version, unless it changed since
    `version`, or, for a form that edits part of the row, unless the fields
    in `data` no longer give `digest` (see `part_digest`): then StaleEdit.
    `version` itself and the names in `ignore` (e.g. many-to-many fields the
    caller sets) are never copied from `data`."""
    model = row if isinstance(row, type) else type(row)
    current = lock(model, version=version, **(lookup or {"pk": row.pk}))
    if current is None:
        raise model.DoesNotExist
    if digest and digest != part_digest(current, data):
        raise StaleEdit(current)
    for name, value in fields_of(data, ignore=ignore).items():
        setattr(current, name, value)
    return bump(current)


def delete_versioned(
    row: models.Model, *, version: int | None, history_user=None, **lookup
) -> None:
    """Delete the stored `row` unless it changed since `version`; a row
    already gone is stale too. `history_user` is recorded as who deleted it
    (otherwise the request's user, as for every history row)."""
    current = lock(type(row), version=version, **(lookup or {"pk": row.pk}))
    if current is None:
        raise StaleEdit(None)
    if history_user is not None:
        current._history_user = history_user
    current.delete()


def fields_of(data: dict, *, ignore: Iterable[str] = ()) -> dict:
    """What of a form's `data` is copied onto a row: never the version it was
    loaded at (a new row starts at 1, a saved one is bumped), nor `ignore`."""
    skipped = {"version", *ignore}
    return {name: value for name, value in data.items() if name not in skipped}


class ProjectLink(models.ForeignKey):
    """The project a row belongs to. The reverse name comes from the model's
    `project_related_name`, so each model keeps its own (`project.goals`, …)
    while the field is declared once, on `ProjectRow`."""

    def contribute_to_class(self, cls, name, *args, **kwargs):
        if self.remote_field.related_name is None and not cls._meta.abstract:
            # Both: the relation reads the first, migrations the second.
            self.remote_field.related_name = self._related_name = cls.project_related_name
        super().contribute_to_class(cls, name, *args, **kwargs)

    def deconstruct(self):
        # Migrations see a plain foreign key: the reverse name is in its kwargs.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ForeignKey", args, kwargs


class Versioned(models.Model):
    """A project-owned row with a row lock (`version`); its history is the
    concrete model's (see `ProjectRow` for the usual one)."""

    project = ProjectLink("projects.Project", on_delete=models.CASCADE)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True


class ProjectRow(Versioned):
    """A project-owned, versioned row whose every change is recorded (who,
    when, what), the version left out of the history."""

    history = HistoricalRecords(excluded_fields=["version"], inherit=True)

    class Meta:
        abstract = True
