"""What a person is responsible for in a project, across the apps.

Models with a responsible person register here (from their app's `ready()`),
naming the field and how their rows reach the project. When a member leaves a
project, what they were responsible for there is left with no one
responsible, and the team sees it listed to hand it on.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import models

from .versioning import bump


@dataclass(frozen=True)
class Responsibility:
    model: type[models.Model]
    field: str  # the foreign key to the responsible person
    project_lookup: str  # e.g. "project_id" or "benefit__plan__project_id"
    # Which rows need a responsible person when none is named (a Q on the model).
    needed: Callable[[], models.Q]
    url: Callable[[models.Model], str]


_registered: list[Responsibility] = []


def register(
    model: type[models.Model],
    *,
    field: str,
    project_lookup: str,
    url: Callable[[models.Model], str],
    needed: Callable[[], models.Q] = models.Q,
) -> None:
    if any(r.model is model and r.field == field for r in _registered):
        return
    _registered.append(Responsibility(model, field, project_lookup, needed, url))


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
        rows = r.model.objects.filter(
            r.needed(), **{r.project_lookup: project_id, f"{r.field}__isnull": True}
        )
        found += [
            Unassigned(label=str(r.model._meta.verbose_name), title=str(row), url=r.url(row))
            for row in rows
        ]
    return found
