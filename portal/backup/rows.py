"""A project file's rows made to fit this database, and saved.

Units are matched by name (created if missing). Ids are kept where they are
free, so a project restored into an empty database, or where it was, keeps
its ids; a model whose ids are taken here has all of its ids shifted past the
highest in use, and every reference to them follows."""

from collections import defaultdict

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DataError, IntegrityError, connection, models
from django.db.models import Max
from django.utils.translation import gettext as _

from projects.models import Project, Unit

from .fileformat import ImportRefused

CHUNK = 500  # ids per query, under every database's limit on parameters


def _int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def units_map(objects: list[dict]) -> list[dict]:
    """The rows without the file's units, pointed at this database's units of
    the same names (created if missing): unit ids differ between databases."""
    unit_ids = {}
    for obj in objects:
        if obj["model"] == "projects.unit":
            name = obj["fields"].get("name")
            if not isinstance(name, str) or not 0 < len(name.strip()) <= 200:
                raise ImportRefused(_("A unit in the file has no name, or one too long."))
            unit_ids[obj["pk"]] = Unit.objects.get_or_create(name=name.strip())[0].pk
    rows = [obj for obj in objects if obj["model"] != "projects.unit"]
    for obj in rows:
        model = apps.get_model(obj["model"])
        for f in model._meta.concrete_fields:
            if f.is_relation and f.related_model is Unit and f.name in obj["fields"]:
                value = obj["fields"][f.name]
                if value is not None and value not in unit_ids:
                    raise ImportRefused(_("A row in the file names a unit the file lacks."))
                obj["fields"][f.name] = unit_ids.get(value)
    return rows


def _taken(model: type[models.Model], pks: list[int]) -> bool:
    return any(
        model._base_manager.filter(pk__in=pks[i : i + CHUNK]).exists()
        for i in range(0, len(pks), CHUNK)
    )


def _field(model: type[models.Model], name: str):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None  # the deserializer refuses the row with a message


def renumber(objects: list[dict], *, into: int | None = None) -> None:
    """Give the rows ids free in this database (see the module's doc). With
    `into`, the file's project is that existing project instead."""
    ids = defaultdict(set)
    for obj in objects:
        model = apps.get_model(obj["model"])
        ids[model].add(obj["pk"])
        live = getattr(model, "instance_type", None)  # a historical model's row names its row
        if live is not None and _int(obj["fields"].get("id")):
            ids[live].add(obj["fields"]["id"])
    offsets = {}
    for model, pks in ids.items():
        if model is Project and into is not None:
            offsets[model] = into - min(pks)
        elif _taken(model, sorted(pks)):
            top = model._base_manager.aggregate(top=Max("pk"))["top"] or 0
            offsets[model] = top - min(pks) + 1
    if not offsets:
        return
    for obj in objects:
        model = apps.get_model(obj["model"])
        obj["pk"] += offsets.get(model, 0)
        live = getattr(model, "instance_type", None)
        fields = obj["fields"]
        for name, value in fields.items():
            f = _field(model, name)
            if f is None:
                continue
            if live is not None and name == "id" and _int(value):
                fields[name] = value + offsets.get(live, 0)
            elif f.many_to_many and isinstance(value, list):
                shift = offsets.get(f.related_model, 0)
                fields[name] = [v + shift if _int(v) else v for v in value]
            elif f.is_relation and f.concrete and _int(value):
                fields[name] = value + offsets.get(f.related_model, 0)
        _renumber_generic(live or model, fields, offsets)


def _renumber_generic(model: type[models.Model], fields: dict, offsets: dict) -> None:
    """Shift the id a generic relation names (a comment's item) with its model's rows."""
    for relation in model._meta.private_fields:
        if not isinstance(relation, GenericForeignKey):
            continue
        kind, pk = fields.get(relation.ct_field), fields.get(relation.fk_field)
        if isinstance(kind, list) and len(kind) == 2 and _int(pk):
            try:
                target = apps.get_model(*kind)
            except (LookupError, TypeError):
                continue  # the deserializer refuses the row with a message
            fields[relation.fk_field] = pk + offsets.get(target, 0)


def _field_name(row: models.Model, name: str) -> str:
    field = _field(type(row), name)
    return str(field.verbose_name) if field is not None else name


def _clean(row: models.Model) -> None:
    """Check a row's values as its form would: lengths, choices, validators.
    Relations are the file's own (checked by the caller), not looked up, and
    an empty value the database allows is left to the forms (a yes/no
    criterion not yet answered)."""
    exclude = [
        f.name
        for f in row._meta.concrete_fields
        if f.is_relation or (f.null and getattr(row, f.attname) is None)
    ]
    try:
        row.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        errors = "; ".join(
            f"{_field_name(row, name)}: {' '.join(messages)}"
            for name, messages in exc.message_dict.items()
        )
        raise ImportRefused(
            _("A row of the file (%(model)s) is not valid: %(errors)s")
            % {"model": row._meta.verbose_name, "errors": errors}
        ) from exc


def rows_save(objects: list[dict], *, skip_project: bool = False, clean: bool = False) -> None:
    """Save the rows as they are, recording no history (raw inserts send no
    signals, and links are written straight to their tables). With
    `clean`, every row is first checked like its form checks it."""
    try:
        restored = list(serializers.deserialize("python", objects))
    except (DeserializationError, FieldDoesNotExist) as exc:
        raise ImportRefused(
            _("A row of the file cannot be read: %(error)s") % {"error": exc}
        ) from exc
    if clean:
        for item in restored:
            _clean(item.object)
    rows = defaultdict(list)  # by model, in the file's order: parents first
    for item in restored:
        if not (skip_project and isinstance(item.object, Project)):
            rows[type(item.object)].append(item)
    try:
        for model, items in rows.items():
            _insert(model, [item.object for item in items])
            for item in items:
                for name, pks in (item.m2m_data or {}).items():
                    _link(item.object, name, pks)
    except (IntegrityError, DataError, ValidationError, ValueError) as exc:
        raise ImportRefused(
            _("The file's rows do not fit together: %(error)s") % {"error": exc}
        ) from exc
    # Rows keep the ids given, so new rows must be numbered after them
    # (PostgreSQL sequences do not follow explicit ids; SQLite's do).
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(rows)):
            cursor.execute(sql)


def _insert(model: type[models.Model], objects: list[models.Model]) -> None:
    """Insert the rows as they are, many at a time. Raw, like a fixture: the
    file's timestamps are kept (not set to now) and no signal is sent, so no
    history is recorded."""
    fields = model._meta.local_concrete_fields
    batch = max(connection.ops.bulk_batch_size(fields, objects) or len(objects), 1)
    for start in range(0, len(objects), batch):
        model._base_manager._insert(objects[start : start + batch], fields=fields, raw=True)
    for row in objects:
        row._state.adding = False


def _link(row: models.Model, name: str, pks: list) -> None:
    f = type(row)._meta.get_field(name)
    through = f.remote_field.through
    source, target = f.m2m_field_name(), f.m2m_reverse_field_name()
    through.objects.bulk_create(
        [through(**{f"{source}_id": row.pk, f"{target}_id": pk}) for pk in pks]
    )
