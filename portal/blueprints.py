"""Project templates: a proven project's content, offered as the start of new
projects here and, as a file, in other installations.

A template is a project file (portal.backup's format, kind "template") that
holds only what a new project may reuse: the parts in `PARTS`, with nobody
named in them, no measurements, decisions or history, and nothing of the
project's progress. A new project copies the parts its team chooses through
the same import as a restore."""

from collections import Counter, defaultdict

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from benefits import smarte
from projects import access
from projects.history import project_querysets
from projects.models import Project, TemplatePart, Unit
from projects.services import project_create

from .backup import ImportRefused, ProjectFile, rows_import, serialize
from .backup.fileformat import TEMPLATE, parse, write
from .backup.people import people_clear
from .models import ProjectTemplate

# The rows each part holds, parents before children.
PARTS = {
    TemplatePart.HYPOTHESIS: ("projects.projectflow",),
    TemplatePart.CANVAS: ("canvas.canvas", "canvas.note"),
    TemplatePart.STAKEHOLDERS: ("projects.stakeholder", "projects.userprofile"),
    TemplatePart.GOALS: ("projects.goal", "projects.designprinciple", "projects.identifiedbenefit"),
    TemplatePart.MEASURES: ("projects.measure",),
    TemplatePart.BENEFITS: (
        "benefits.benefitplan",
        "benefits.benefit",
        "benefits.benefitvalue",
        "benefits.indicator",
    ),
}
PART_OF = {label: part for part, labels in PARTS.items() for label in labels}
TEMPLATE_MODELS = {"projects.project", *PART_OF}

# What a template leaves out of the rows it keeps: the project's progress,
# and confirmations that were given by people of the source project.
RESET = {
    "projects.project": {
        "unit": None,
        "step": Project.Step.HYPOTHESIS,
        "status": Project.Status.ON_TRACK,
        "funnel_stage": Project.FunnelStage.IDEA,
        "start_date": None,
        "target_date": None,
        "archived": False,
        "copied_from": "",
        "copied_parts": [],
    },
    "projects.projectflow": dict.fromkeys(
        ("implementation_status", "remaining_here", "remaining_elsewhere", "operation"), ""
    ),
    "canvas.canvas": {"change_count": 0},
    "projects.measure": {"status": "proposed"},
    "benefits.benefitplan": {"status": "draft", "edition": 1},
    "benefits.indicator": smarte.unconfirmed(),
}


def _template_rows(project: Project) -> list[dict]:
    rows = []
    for queryset in project_querysets(project.pk):
        label = queryset.model._meta.label_lower
        if label in TEMPLATE_MODELS:
            if label == "canvas.note":
                queryset = queryset.filter(deleted=False)  # a deleted note is history
            rows.extend(queryset)
    objects = serialize(rows)
    people_clear(objects)
    for obj in objects:
        obj["fields"].update(RESET.get(obj["model"], {}))
        if "version" in obj["fields"]:
            obj["fields"]["version"] = 1
    return objects


def contents_of(objects: list[dict]) -> dict:
    """Rows per part and model: {"canvas": {"canvas.note": 12, ...}, ...}."""
    counts = defaultdict(lambda: defaultdict(int))
    for obj in objects:
        if obj["model"] in PART_OF:
            counts[PART_OF[obj["model"]]][obj["model"]] += 1
    return {part: dict(models) for part, models in counts.items()}


def template_file(*, project: Project, description: str, source: str) -> str:
    """The project as a template file."""
    meta = {"title": project.title, "description": description, "source": source}
    return write(kind=TEMPLATE, objects=_template_rows(project), people=[], template=meta)


def _parse(data: str | bytes) -> ProjectFile:
    file = parse(
        data, models=TEMPLATE_MODELS, kinds=(TEMPLATE,), max_objects=settings.IMPORT_MAX_ROWS
    )
    _check_references(file)
    notes = Counter(o["fields"].get("canvas") for o in file.objects if o["model"] == "canvas.note")
    if notes and max(notes.values()) > settings.CANVAS_MAX_NOTES:
        raise ImportRefused(
            _("A board in the file has more than %(max)s notes.")
            % {"max": settings.CANVAS_MAX_NOTES}
        )
    return file


def _links(label: str) -> list:
    """The model's own relations (foreign keys and many-to-many)."""
    opts = apps.get_model(label)._meta
    return [f for f in (*opts.concrete_fields, *opts.many_to_many) if f.is_relation]


def _check_references(file: ProjectFile) -> None:
    """Refuse rows that point at rows the file lacks: after renumbering they
    would point at another project's rows."""
    pks = defaultdict(set)
    for obj in file.objects:
        pks[obj["model"]].add(obj["pk"])
    for n, obj in enumerate(file.objects, start=1):
        for f in _links(obj["model"]):
            label = f.related_model._meta.label_lower
            if label not in TEMPLATE_MODELS:
                continue
            value = obj["fields"].get(f.name)
            values = value if f.many_to_many and isinstance(value, list) else [value]
            if any(v is not None and v not in pks[label] for v in values):
                raise ImportRefused(
                    _("Row %(n)s of the file refers to a row the file does not hold.") % {"n": n}
                )


def _copy(file: ProjectFile, *, title: str, unit: Unit | None, parts, by) -> Project:
    kept = {"projects.project", *(label for part in parts for label in PARTS[part])}
    objects = [obj for obj in file.objects if obj["model"] in kept]
    for obj in objects:  # links to rows not copied are left empty
        for f in _links(obj["model"]):
            label = f.related_model._meta.label_lower
            if label in TEMPLATE_MODELS and label not in kept:
                obj["fields"][f.name] = [] if f.many_to_many else None
    project = project_create(data={"title": title, "unit": unit}, by=by)
    Project.objects.filter(pk=project.pk).update(
        copied_from=file.template["title"][:200], copied_parts=list(parts)
    )
    copied = ProjectFile(kind=file.kind, people=[], objects=objects, template=file.template)
    rows_import(copied, into=project, clean=True)
    project.refresh_from_db()
    return project


@transaction.atomic
def template_use(
    *, template: ProjectTemplate, title: str, unit: Unit | None, parts: list[str], by
) -> Project:
    """A new project at step 1, `by` its first team member, holding copies of
    the template's `parts`. Raises `ImportRefused` (nothing made) when the
    template's file cannot be read."""
    return _copy(_parse(template.data), title=title, unit=unit, parts=parts, by=by)


@transaction.atomic
def template_mark(
    *, project: Project, description: str, source: str, by: AbstractBaseUser
) -> ProjectTemplate:
    """Make the project a template as it is now (again, if it was one)."""
    access.check(access.template_refusal(project.actor))
    data = template_file(project=project, description=description, source=source)
    template, _created = ProjectTemplate.objects.update_or_create(
        project=project,
        defaults={
            "title": project.title,
            "description": description,
            "source": source,
            "data": data,
            "contents": contents_of(_parse(data).objects),
            "created_by": by,
        },
    )
    return template


@transaction.atomic
def template_upload(*, data: bytes, actor: access.Actor, by: AbstractBaseUser) -> ProjectTemplate:
    """A template from another installation's file. The file is tried by
    making a project from it, which is then undone: a template accepted here
    can be used. Raises `ImportRefused` with the reason; nothing is kept."""
    access.check(access.template_refusal(actor))
    file = _parse(data)
    meta = file.template
    for key, limit in (("title", 200), ("description", 1000), ("source", 200)):
        if not meta[key].strip() or len(meta[key]) > limit:
            raise ImportRefused(
                _("The template's %(key)s is empty or longer than %(limit)s characters.")
                % {"key": key, "limit": limit}
            )
    trial = transaction.savepoint_create()
    try:
        _copy(_parse(data), title=meta["title"], unit=None, parts=list(PARTS), by=by)
    finally:
        transaction.savepoint_rollback(trial)
    return ProjectTemplate.objects.create(
        title=meta["title"],
        description=meta["description"],
        source=meta["source"],
        data=data.decode("utf-8"),
        contents=contents_of(file.objects),
        created_by=by,
    )


def template_remove(*, template: ProjectTemplate, actor: access.Actor) -> None:
    access.check(access.template_refusal(actor))
    template.delete()
