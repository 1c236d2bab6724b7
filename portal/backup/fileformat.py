"""The project file: one JSON object with a format name and version, the
people it names, and the project's rows as Django serializes them.

    {"format": "innoportal-project", "version": 2, "kind": "backup",
     "people": [{"username", "first_name", "last_name", "email"}, ...],
     "objects": [{"model", "pk", "fields"}, ...],
     "template": {"title", "description", "source"}}      (templates only)

Rows name people by username (natural keys) and are listed parents before
children. `parse` checks the shape of a file before anything reads its rows."""

import json
from dataclasses import dataclass, field
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

FORMAT = "innoportal-project"
VERSION = 2
BACKUP, TEMPLATE = "backup", "template"
PERSON_KEYS = ("username", "first_name", "last_name", "email")
TEMPLATE_KEYS = ("title", "description", "source")


class ImportRefused(ValueError):
    """The file cannot be imported; the message says why. Nothing was changed."""


class ExactEncoder(DjangoJSONEncoder):
    """Keeps every microsecond of a timestamp (Django's encoder cuts them to
    milliseconds), so history restores to the exact moment."""

    def default(self, o):
        if isinstance(o, datetime):
            return o.isoformat()
        return super().default(o)


@dataclass
class ProjectFile:
    kind: str
    people: list[dict]
    objects: list[dict]
    template: dict = field(default_factory=dict)

    @property
    def project(self) -> dict:
        return next(obj for obj in self.objects if obj["model"] == "projects.project")


def write(*, kind: str, objects: list[dict], people: list[dict], template: dict | None = None):
    envelope = {
        "format": FORMAT,
        "version": VERSION,
        "kind": kind,
        "people": people,
        "objects": objects,
    }
    if template is not None:
        envelope["template"] = template
    return json.dumps(envelope, cls=ExactEncoder, indent=1, sort_keys=True, ensure_ascii=False)


def _load(data: str | bytes):
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportRefused(_("The file is not text in UTF-8.")) from exc
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise ImportRefused(_("The file is not valid JSON: %(error)s") % {"error": exc}) from exc


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _texts(entry, keys: tuple[str, ...]) -> bool:
    return isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in keys)


def parse(
    data: str | bytes, *, models: set[str], kinds: tuple[str, ...], max_objects: int | None = None
) -> ProjectFile:
    """The file's content, or `ImportRefused` saying what is wrong with it:
    not JSON, another format or version, a missing or mistyped key, a row of a
    model outside `models`, more than `max_objects` rows, or not exactly one
    project."""
    envelope = _load(data)
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
        raise ImportRefused(_("The file is not a project file exported from Innoportal."))
    version = envelope.get("version")
    if version != VERSION or not _is_int(version):
        raise ImportRefused(
            _(
                "The file has format version %(found)s; this portal reads version %(expected)s. "
                "Export the project again from a portal of the same version."
            )
            % {"found": version, "expected": VERSION}
        )
    kind = envelope.get("kind")
    if kind not in kinds:
        raise ImportRefused(
            _("The file holds a %(kind)s, which cannot be imported here.") % {"kind": kind}
        )
    for key, kind_of in (("people", list), ("objects", list)):
        if not isinstance(envelope.get(key), kind_of):
            raise ImportRefused(_("The file has no list “%(key)s”.") % {"key": key})
    people, objects = envelope["people"], envelope["objects"]
    if max_objects is not None and len(objects) > max_objects:
        raise ImportRefused(
            _("The file holds %(count)s rows; at most %(max)s are allowed.")
            % {"count": len(objects), "max": max_objects}
        )
    for n, person in enumerate(people, start=1):
        if not _texts(person, PERSON_KEYS):
            raise ImportRefused(
                _("Person %(n)s in the file lacks a username, name or e-mail.") % {"n": n}
            )
    for n, obj in enumerate(objects, start=1):
        if not (
            isinstance(obj, dict)
            and obj.get("model") in models
            and _is_int(obj.get("pk"))
            and isinstance(obj.get("fields"), dict)
        ):
            model = obj.get("model") if isinstance(obj, dict) else None
            raise ImportRefused(
                _("Row %(n)s of the file is not a row the portal reads (%(model)s).")
                % {"n": n, "model": model}
            )
    if sum(obj["model"] == "projects.project" for obj in objects) != 1:
        raise ImportRefused(_("The file must hold exactly one project."))
    template = envelope.get("template", {})
    if kind == TEMPLATE and not _texts(template, TEMPLATE_KEYS):
        raise ImportRefused(_("The template in the file lacks its title, description or source."))
    return ProjectFile(kind=kind, people=people, objects=objects, template=template)
