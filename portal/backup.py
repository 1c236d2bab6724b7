"""A project and everything recorded about it as JSON, and back.

Users are referred to by username (natural keys), so a project moves between
databases that share their users; the project's unit travels with it."""

import json
from datetime import datetime

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
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


@transaction.atomic
def project_import(*, data: str) -> int:
    """Restore an exported project exactly, replacing what exists of it; returns its id."""
    restored = list(serializers.deserialize("json", data, handle_forward_references=True))
    project_ids = {d.object.pk for d in restored if isinstance(d.object, Project)}
    if len(project_ids) != 1:
        raise ValueError("the file must hold exactly one project")
    project_id = project_ids.pop()
    project_erase(project_id=project_id)
    # Raw saves record no history, but setting many-to-many links would.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        for item in restored:
            item.save()
    history.touch(project_id)  # pages kept of the project before the restore are stale
    return project_id


def canonical(data: str) -> list:
    """The export as plain data, for comparing two exports. A project's
    revision is left out: it names a moment for caches, not data, and a
    restore gives a new one."""
    objects = json.loads(data)
    for obj in objects:
        if obj["model"] == "projects.project":
            obj["fields"].pop("revision", None)
    return objects
