"""A project and everything recorded about it as JSON, and back.

Users are referred to by username (natural keys), so a project moves between
databases that share their users; the project's unit travels with it and is
matched by its name. A restore keeps every row's id, so it refuses a file
whose ids belong to other projects' rows."""

import json
from collections import defaultdict
from datetime import datetime

from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.test.utils import override_settings

from projects import history
from projects.history import project_querysets
from projects.models import Project, Unit


class ExactEncoder(DjangoJSONEncoder):
    """Keeps every microsecond of a timestamp (Django's encoder cuts them to
    milliseconds), so history restores to the exact moment."""

    def default(self, o):
        if isinstance(o, datetime):
            return o.isoformat()
        return super().default(o)


def project_export(*, project_id: int) -> str:
    project = Project.objects.get(pk=project_id)
    objects = list(Unit.objects.filter(pk=project.unit_id))
    for queryset in project_querysets(project_id):
        objects.extend(queryset)
    return serializers.serialize(
        "json",
        objects,
        indent=1,
        use_natural_foreign_keys=True,
        sort_keys=True,
        cls=ExactEncoder,
    )


def project_erase(*, project_id: int) -> None:
    """Remove a project with all its rows and history, recording nothing."""
    recorded = [
        (qs.model, list(qs.values_list("pk", flat=True)))
        for qs in project_querysets(project_id)
        if hasattr(qs.model, "instance_type")  # the historical models
    ]
    # Runs in a management command, so switching history off process-wide is safe.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        Project.objects.filter(pk=project_id).delete()
    for model, pks in recorded:
        model.objects.filter(pk__in=pks).delete()


def project_id_of(data: str) -> int:
    """The id of the one project an export holds."""
    ids = {obj.get("pk") for obj in json.loads(data) if obj.get("model") == "projects.project"}
    if len(ids) != 1:
        raise ValueError("the file must hold exactly one project")
    return ids.pop()


@transaction.atomic
def project_import(*, data: str) -> int:
    """Restore an exported project exactly, replacing what exists of it; returns its id.
    A user named in the file must exist (the deserializer fails otherwise)."""
    restored = list(serializers.deserialize("python", _without_stamp(data)))
    project_ids = {d.object.pk for d in restored if isinstance(d.object, Project)}
    if len(project_ids) != 1:
        raise ValueError("the file must hold exactly one project")
    project_id = project_ids.pop()
    project_erase(project_id=project_id)
    # Raw saves record no history, but setting many-to-many links would.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        rows = _units_by_name(restored)
        taken = _ids_taken(rows)
        if taken:
            raise ValueError(f"ids in the file belong to other projects' rows: {', '.join(taken)}")
        for item in rows:
            item.save()
    # Rows keep their ids, so new rows must be numbered after them (PostgreSQL
    # sequences do not follow explicit ids; SQLite's do).
    models = list({type(item.object) for item in rows})
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
    history.touch(project_id)  # pages kept of the project before the restore are stale
    return project_id


def _without_stamp(data: str) -> list:
    """The file's objects without the project's change stamp (named `revision`
    in files written before it had its name): a restore gives a new one."""
    objects = json.loads(data)
    for obj in objects:
        if obj.get("model") == "projects.project":
            for name in ("change_stamp", "revision"):
                obj.get("fields", {}).pop(name, None)
    return objects


def _units_by_name(restored: list) -> list:
    """The rows to save, with the file's unit replaced by this database's unit
    of the same name (created if missing): unit ids differ between databases."""
    unit_ids = {}
    for item in restored:
        if isinstance(item.object, Unit):
            unit, _ = Unit.objects.get_or_create(name=item.object.name)
            unit_ids[item.object.pk] = unit.pk
    rows = [item for item in restored if not isinstance(item.object, Unit)]
    for item in rows:
        for field in item.object._meta.concrete_fields:
            if field.is_relation and field.related_model is Unit:
                value = getattr(item.object, field.attname)
                setattr(item.object, field.attname, unit_ids.get(value, value))
    return rows


def _ids_taken(rows: list) -> list[str]:
    """The models whose rows in the file would overwrite rows that remain
    after the project was erased, i.e. rows of other projects."""
    ids = defaultdict(set)
    for item in rows:
        ids[type(item.object)].add(item.object.pk)
    return [
        model._meta.label
        for model, pks in ids.items()
        if model._base_manager.filter(pk__in=pks).exists()
    ]


def canonical(data: str) -> list:
    """The export as plain data, for comparing two exports. A project's
    change stamp is left out: it names a moment for caches, not data, and a
    restore gives a new one. Units are named, not numbered: a restore into
    another database matches them by name."""
    objects = json.loads(data)
    units = {obj["pk"]: obj["fields"]["name"] for obj in objects if obj["model"] == "projects.unit"}
    for obj in objects:
        if obj["model"] == "projects.unit":
            obj["pk"] = None
        if obj["model"] == "projects.project":
            obj["fields"].pop("change_stamp", None)
        if obj["model"] in ("projects.project", "projects.historicalproject"):
            obj["fields"]["unit"] = units.get(obj["fields"]["unit"], obj["fields"]["unit"])
    return objects
