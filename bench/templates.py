"""Templates at the largest size the limits allow: a file of IMPORT_MAX_ROWS
rows (full canvas boards) uploaded, and a new project made from it."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from bench.harness import request, timed
from canvas.models import Canvas, Note
from portal import blueprints
from portal.models import ProjectTemplate
from projects.models import Project

# Measured about 1.3 s (upload, with its trial copy) and 1.0 s (a new project).
UPLOAD_MS = 3000
USE_MS = 3000


def _largest_file() -> bytes:
    project = Project.objects.create(title="Største mal")
    per_board = settings.CANVAS_MAX_NOTES
    boards = (settings.IMPORT_MAX_ROWS - 1) // (per_board + 1)
    for b in range(boards):
        canvas = Canvas.objects.create(project=project, title=f"Lerret {b}")
        Note.objects.bulk_create(
            Note(canvas=canvas, block="channels", text=f"Lapp {n}: " + "tekst " * 10, position=n)
            for n in range(per_board)
        )
    data = blueprints.template_file(project=project, description="Stor", source="Bench")
    return data.encode()


def rows(ctx: dict):
    leader = ctx["leader"]
    data = _largest_file()
    client = Client()
    client.force_login(leader)

    def upload():
        file = SimpleUploadedFile("mal.json", data)
        return request(
            client, "post", reverse("template-upload"), data={"file": file}, expect=302
        )()

    yield timed("template: upload the largest file", UPLOAD_MS, upload, repeat=3, warmup=1)
    template = ProjectTemplate.objects.latest("pk")
    url = reverse("template-use", args=[template.pk])
    form = {"title": "Fra største mal", "parts": ["canvas"]}
    use = request(client, "post", url, data=form, expect=302)
    yield timed("template: new project from the largest", USE_MS, use, repeat=3, warmup=1)
