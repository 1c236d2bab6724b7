"""A project and everything recorded about it as one JSON file, and back
(the format: fileformat.py).

People travel as username, name and e-mail and are found again by e-mail or
username, or created inactive (people.py); units are matched by name, and ids
are kept where they are free, shifted otherwise (rows.py). So a project moves
between installations, and a restore where it was gives it back exactly."""

import json

from django.core import serializers
from django.db import transaction
from django.test.utils import override_settings
from django.utils.translation import gettext as _

from projects import history
from projects.history import project_querysets
from projects.models import Project, Unit

from .fileformat import BACKUP, ImportRefused, ProjectFile, parse, write
from .people import people_clear, people_map, people_of, people_rename, responsible_check
from .rows import renumber, rows_save, units_map

__all__ = [
    "ImportRefused",
    "ProjectFile",
    "backup_models",
    "canonical",
    "project_erase",
    "project_export",
    "project_id_of",
    "project_import",
    "rows_import",
    "serialize",
]


def backup_models() -> set[str]:
    """The models a backup holds: the unit, and every model (with its history)
    registered in the project's history."""
    labels = {"projects.unit"}
    for queryset in project_querysets(0):  # lazy: only the models are read
        labels.add(queryset.model._meta.label_lower)
    return labels


def serialize(rows) -> list[dict]:
    """Rows as the file holds them: people by username."""
    return serializers.serialize("python", rows, use_natural_foreign_keys=True)


def project_export(*, project_id: int) -> str:
    project = Project.objects.get(pk=project_id)
    rows = list(Unit.objects.filter(pk=project.unit_id))
    for queryset in project_querysets(project_id):
        rows.extend(queryset)
    objects = serialize(rows)
    return write(kind=BACKUP, objects=objects, people=people_of(objects))


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
    """The id of the one project a file holds."""
    return parse(data, models=backup_models(), kinds=(BACKUP,)).project["pk"]


def rows_import(file: ProjectFile, *, into: Project | None = None, clean: bool = False) -> int:
    """Save the file's rows (people and units mapped, ids made free); returns
    the project's id. With `into`, the rows join that project and the file's
    project row is left out; with `clean`, rows are checked like their forms
    check them. Call inside a transaction."""
    objects = units_map(file.objects)
    if file.people:
        people_rename(objects, people_map(file.people, objects))
        responsible_check(objects)
    else:
        people_clear(objects)
    renumber(objects, into=into.pk if into else None)
    rows_save(objects, skip_project=into is not None, clean=clean)
    project_id = next(obj["pk"] for obj in objects if obj["model"] == "projects.project")
    # Its history rows were written directly: index them.
    history.reindex(project_id, written={obj["model"] for obj in objects})
    return project_id


@transaction.atomic
def project_import(*, data: str | bytes, replace: bool = False, as_new: bool = False) -> int:
    """Restore an exported project; returns its id. A project with the file's
    id is refused, unless `replace` (it is erased first) or `as_new` (the
    file's project becomes a new project). Raises `ImportRefused` with the
    reason, and then nothing has changed."""
    file = parse(data, models=backup_models(), kinds=(BACKUP,))
    project_id = file.project["pk"]
    existing = Project.objects.filter(pk=project_id).first()
    if existing is not None and not as_new:
        if not replace:
            raise ImportRefused(
                _(
                    "Project %(id)s (“%(title)s”) already exists here. Import with "
                    "--replace to replace it with the file's project, or with --as-new "
                    "to add the file's project as a new one."
                )
                % {"id": project_id, "title": existing.title}
            )
        project_erase(project_id=project_id)
    return rows_import(file)


def canonical(data: str) -> dict:
    """The file as plain data, for comparing two exports. A project's
    change stamp is left out: it names a moment for caches, not data, and a
    restore gives a new one. Units are named, not numbered: a restore into
    another database matches them by name."""
    envelope = json.loads(data)
    objects = envelope["objects"]
    units = {obj["pk"]: obj["fields"]["name"] for obj in objects if obj["model"] == "projects.unit"}
    for obj in objects:
        if obj["model"] == "projects.unit":
            obj["pk"] = None
        if obj["model"] == "projects.project":
            obj["fields"].pop("change_stamp", None)
        if obj["model"] in ("projects.project", "projects.historicalproject"):
            obj["fields"]["unit"] = units.get(obj["fields"]["unit"], obj["fields"]["unit"])
    return {"people": envelope["people"], "objects": objects}
