"""The index of each project's history (`RecordedChange`): one row per
recorded row of a registered model, so a project's latest changes are one
indexed read however many kinds of rows it has. `projects.history` adds to it
with each recorded change and builds it again where history rows were written
without one (a restore, the index's first migration)."""

from collections.abc import Iterable

from django.db import models

from .models import RecordedChange

BATCH = 2000


def add(*, project_id: int, model: type[models.Model], rows: Iterable) -> None:
    """Index the recorded `rows` of `model` (historical instances) under the project."""
    RecordedChange.objects.bulk_create(
        [
            RecordedChange(
                project_id=project_id,
                source=model._meta.label_lower,
                history_id=row.history_id,
                history_date=row.history_date,
            )
            for row in rows
        ]
    )


def rebuild(
    *,
    sources: list[tuple[type[models.Model], str]],
    project_id: int | None,
    written: set[str] | None = None,
) -> None:
    """Index again, from their history tables, the recorded rows of `sources`
    (recorded models, each with the lookup that names a row's project) of the
    project (of every project when `project_id` is None); with `written`, only
    of the sources whose history tables (by label) are in it."""
    if written is not None:
        sources = [
            (m, lookup) for m, lookup in sources if m.history.model._meta.label_lower in written
        ]
    index = RecordedChange.objects.filter(source__in=[m._meta.label_lower for m, _l in sources])
    if project_id is not None:
        index = index.filter(project_id=project_id)
    index.delete()
    for model, lookup in sources:
        wanted = {lookup: project_id} if project_id is not None else {f"{lookup}__isnull": False}
        recorded = (
            model.history.model.objects.filter(**wanted)
            .values_list(lookup, "history_id", "history_date")
            .order_by()
        )
        label = model._meta.label_lower
        RecordedChange.objects.bulk_create(
            (
                RecordedChange(project_id=pid, source=label, history_id=hid, history_date=when)
                for pid, hid, when in recorded.iterator(chunk_size=BATCH)
            ),
            batch_size=BATCH,
        )
