"""How the history words a change: rows and fields named as the pages name
them, values in words with places counted from 1, a hidden row as deleted, and
changes made on behalf of something else (a gate decision, a snapshot)
attributed to it.

A change made on behalf of a row is recorded with that row as its cause
(`cause_of(row)` as the change reason); the app that owns the row's model
says, with `register_cause`, how the history names it."""

from collections.abc import Callable
from datetime import date, datetime

from django.apps import apps
from django.db import models
from django.utils import formats
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _

# Model → (how its rows reach their project, how an entry caused by one of
# them names its author: (row, the person who made the change) → words).
_causes: dict[type[models.Model], tuple[str, Callable[[models.Model, str], str]]] = {}


def register_cause(
    model: type[models.Model], *, project_lookup: str, words: Callable[[models.Model, str], str]
) -> None:
    _causes[model] = (project_lookup, words)


def causes_of(model: type[models.Model], ids: set, project_id: int) -> models.QuerySet:
    """The rows `ids` of `model` that belong to the project (a reason copied
    from elsewhere names no row of another project)."""
    lookup = _causes[model][0]
    return model._default_manager.filter(pk__in=ids, **{lookup: project_id})


def cause_of(row: models.Model) -> str:
    """The change reason that names `row` as the cause of a change."""
    return f"{row._meta.label_lower}:{row.pk}"


def parse_cause(reason: str | None) -> tuple[type[models.Model], str] | None:
    """(model, pk) named by a change reason, if it names a registered cause."""
    label, _sep, pk = (reason or "").partition(":")
    try:
        model = apps.get_model(label) if pk else None
    except (LookupError, ValueError):
        return None
    return (model, pk) if model in _causes else None


def cause_words(row: models.Model, who: str) -> str:
    return _causes[type(row)][1](row, who)


def field_name(model: type[models.Model], fld: models.Field) -> str:
    """A field's name as its page labels it: a criterion's note names the criterion."""
    if fld.name.endswith("_note"):
        try:
            criterion = model._meta.get_field(fld.name.removesuffix("_note"))
        except LookupError:
            criterion = None
        if isinstance(criterion, models.BooleanField):
            return _("Note on: %(criterion)s") % {"criterion": criterion.verbose_name}
    return capfirst(fld.verbose_name)


def change_line(
    fld: models.Field, name: str, old, new, *, whole: bool, shown: Callable[[object], str]
) -> str:
    """One change in words, or (`whole`) one value of a row created or
    deleted; a place is counted from 1, as the pages count."""
    if whole:
        return _("%(name)s: %(new)s") % {"name": name, "new": shown(new if old is None else old)}
    if fld.name == "position" and old is not None and new is not None:
        return _("Moved from place %(old)s to %(new)s") % {"old": old + 1, "new": new + 1}
    return _("%(name)s: %(old)s → %(new)s") % {"name": name, "old": shown(old), "new": shown(new)}


def hidden_or_shown(action: str, diff: list) -> tuple[str, list]:
    """A row hidden by its `deleted` flag reads as deleted, and one shown again
    as restored, rather than as a change of the flag."""
    for change in diff:
        fld, _old, new = change
        if fld.name == "deleted" and isinstance(fld, models.BooleanField):
            return ("-" if new else "r"), [c for c in diff if c is not change]
    return action, diff


def default_label(row: models.Model, refs: dict) -> str:
    """A row named by its title, name or text, else by its id."""
    for name in ("title", "name", "text"):
        if hasattr(row, name):
            return Truncator(str(getattr(row, name))).chars(60)
    return str(row.pk)


def display(fld: models.Field, value, refs: dict) -> str:
    """How a recorded value reads in the history."""
    if value is None or value == "":
        return "–"
    if fld.name == "position" and isinstance(value, int):
        return str(value + 1)  # the pages count places from 1
    if fld.is_relation:
        return refs.get((fld.related_model, value), "–")
    if fld.choices:
        return str(dict(fld.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime | date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    # A comment or a text is read whole; a short field is a name or a value.
    return Truncator(str(value)).chars(1000 if isinstance(fld, models.TextField) else 80)
