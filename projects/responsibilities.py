"""What a person is responsible for in a project, across the apps.

Models with a responsible person register here (from their app's `ready()`),
naming the field and how their rows reach the project. When a member leaves a
project, what they were responsible for there is left with no one
responsible, and the team sees it listed to hand it on.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from simple_history.signals import post_create_historical_record

from . import signals
from .versioning import bump


@dataclass(frozen=True)
class Responsibility:
    model: type[models.Model]
    field: str  # the foreign key to the responsible person
    project_lookup: str  # e.g. "project_id" or "benefit__plan__project_id"
    # Which rows need a responsible person when none is named (a Q on the model).
    needed: Callable[[], models.Q]
    url: Callable[[models.Model], str]
    # Which rows are still work to carry (a Q on the model): a done activity is not.
    current: Callable[[], models.Q]
    # The rows as read for `url` and `due` (related rows joined, values annotated).
    prepare: Callable[[models.QuerySet], models.QuerySet]
    due: Callable[[models.Model], date | None] | None


_registered: list[Responsibility] = []


def register(
    model: type[models.Model],
    *,
    field: str,
    project_lookup: str,
    url: Callable[[models.Model], str],
    needed: Callable[[], models.Q] = models.Q,
    current: Callable[[], models.Q] = models.Q,
    prepare: Callable[[models.QuerySet], models.QuerySet] = lambda rows: rows,
    due: Callable[[models.Model], date | None] | None = None,
) -> None:
    if any(r.model is model and r.field == field for r in _registered):
        return
    _registered.append(
        Responsibility(model, field, project_lookup, needed, url, current, prepare, due)
    )
    post_create_historical_record.connect(_given, sender=model.history.model, weak=False)


def _given(sender, *, instance, history_instance, **kwargs) -> None:
    """A recorded save by someone that names a new responsible person tells
    the apps (signals.made_responsible); a release, an unchanged name or a
    write of no one's (a command, a restore) does not."""
    if history_instance.history_type == "-" or history_instance.history_user_id is None:
        return
    for r in _registered:
        if not isinstance(instance, r.model):
            continue
        user_id = getattr(instance, f"{r.field}_id")
        if user_id is None:
            continue
        previous = history_instance.prev_record
        if previous is not None and getattr(previous, f"{r.field}_id") == user_id:
            continue
        project_id = instance
        for step in r.project_lookup.split("__"):
            project_id = getattr(project_id, step)
        signals.made_responsible.send(
            sender=r.model,
            row=instance,
            user_id=user_id,
            project_id=project_id,
            url=r.url(instance),
            actor_id=history_instance.history_user_id,
        )


def fields() -> list[tuple[type[models.Model], str]]:
    """(model, field) of every registered responsible person."""
    return [(r.model, r.field) for r in _registered]


def release(*, project_id: int, user: AbstractBaseUser) -> int:
    """Leave what `user` is responsible for in the project with no one
    responsible, one recorded save per row; the number of rows."""
    count = 0
    for r in _registered:
        rows = r.model.objects.filter(**{r.project_lookup: project_id, r.field: user})
        for row in rows:
            setattr(row, r.field, None)
            if hasattr(row, "version"):
                bump(row)
            else:
                row.save()
            count += 1
    return count


@dataclass(frozen=True)
class Unassigned:
    label: str  # the model's name, e.g. "Indicator"
    title: str
    url: str


def unassigned(project_id: int) -> list[Unassigned]:
    """What needs a responsible person in the project and has none."""
    found = []
    for r in _registered:
        rows = r.prepare(
            r.model.objects.filter(
                r.needed(), **{r.project_lookup: project_id, f"{r.field}__isnull": True}
            )
        )
        found += [
            Unassigned(label=str(r.model._meta.verbose_name), title=str(row), url=r.url(row))
            for row in rows
        ]
    return found


@dataclass(frozen=True)
class Held:
    """Something a person is responsible for."""

    label: str  # the model's name, e.g. "Measure"
    title: str
    url: str
    project_id: int
    project_title: str
    due: date | None


def held(*, user: AbstractBaseUser, project_ids: Iterable[int] | models.QuerySet) -> list[Held]:
    """What `user` is responsible for and still carries in the projects
    `project_ids` (a queryset of ids is read as a subquery): one query per
    registered model, however many rows."""
    found = []
    for r in _registered:
        title = r.project_lookup.removesuffix("_id") + "__title"
        rows = r.prepare(
            r.model.objects.filter(
                r.current(), **{r.field: user, f"{r.project_lookup}__in": project_ids}
            )
            .annotate(held_project_id=models.F(r.project_lookup), held_project=models.F(title))
            .order_by()  # sorted by the caller; the models' orderings cost compiling
        )
        label = str(r.model._meta.verbose_name).capitalize()
        found += [
            Held(
                label=label,
                title=str(row),
                url=r.url(row),
                project_id=row.held_project_id,
                project_title=row.held_project,
                due=r.due(row) if r.due else None,
            )
            for row in rows
        ]
    return found
