"""What may be commented on. Apps register their models from `ready()`,
naming how a row reaches its project, how it is called and where it is
shown; projects itself registers the project. A target is named in URLs by
its `kind` (e.g. "note")."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models.signals import post_delete
from django.http import Http404
from django.utils.functional import Promise


@dataclass(frozen=True)
class Target:
    kind: str
    model: type[models.Model]
    project_lookup: str  # e.g. "project_id" or "canvas__project_id"; "id" for the project
    what: str | Promise  # the model's name in a sentence: "canvas note"
    url: Callable[[models.Model], str]  # the page that shows the row
    related: tuple[str, ...] = ()  # what `url` and `str(row)` read, fetched with the row

    def rows(self) -> models.QuerySet:
        rows = self.model.objects.all()
        return rows.select_related(*self.related) if self.related else rows


_by_kind: dict[str, Target] = {}


def register(
    model: type[models.Model],
    *,
    kind: str,
    project_lookup: str,
    url: Callable[[models.Model], str],
    what: str | Promise | None = None,
    related: tuple[str, ...] = (),
) -> None:
    if kind in _by_kind:
        return
    _by_kind[kind] = Target(
        kind, model, project_lookup, what or model._meta.verbose_name, url, related
    )
    # A row's comments go with it (each deletion recorded in the history).
    post_delete.connect(_forget, sender=model, dispatch_uid=f"comments-of-{kind}")


def _forget(sender, instance, **kwargs) -> None:
    from ..models import Comment

    for comment in Comment.objects.filter(
        target_type__app_label=sender._meta.app_label,
        target_type__model=sender._meta.model_name,
        target_id=instance.pk,
    ):
        comment.delete()


def target(kind: str) -> Target:
    """The registered target of `kind`; 404 for any other."""
    try:
        return _by_kind[kind]
    except KeyError:
        raise Http404 from None


def of_model(model: type[models.Model]) -> Target | None:
    return next((t for t in _by_kind.values() if t.model is model), None)


def all_targets() -> list[Target]:
    return list(_by_kind.values())


def item(kind: str, *, project_id: int, item_id: int) -> models.Model:
    """The row of `kind` with `item_id` in the project; 404 when there is none."""
    found = target(kind)
    row = found.rows().filter(pk=item_id, **{found.project_lookup: project_id}).first()
    if row is None:
        raise Http404
    return row
