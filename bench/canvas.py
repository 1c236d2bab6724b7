"""A Business Model Canvas board of 200 notes: the page, the note fragments and
the co-editors' "unchanged" poll; the PDF of a full board of 300 notes."""

from itertools import count

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from bench.harness import request, timed
from canvas.blocks import BLOCKS, COLOURS
from canvas.models import Canvas, Note
from canvas.services import snapshot_create

NOTES = 200
PDF_NOTES = 300
PAGE_MS = 50
FRAGMENT_MS = 20
UNCHANGED_MS = 5
PDF_MS = 2000
CACHED_MS = 50


def _board(project, title: str, notes: int) -> Canvas:
    canvas = Canvas.objects.create(project=project, title=title)
    Note.objects.bulk_create(
        Note(
            canvas=canvas,
            block=BLOCKS[i % len(BLOCKS)].key,
            text=f"Lapp {i}: " + "en typisk tekst på en lapp " * 3,
            color=COLOURS[i % len(COLOURS)].key,
            hypothesis=i % 17 == 0,
            position=i // len(BLOCKS),
        )
        for i in range(notes)
    )
    return canvas


def build(ctx: dict) -> None:
    ctx["canvas"] = _board(ctx["project"], "Benchmark-lerret", NOTES)
    ctx["pdf_canvas"] = _board(ctx["project"], "Fullt lerret", PDF_NOTES)


def _versioned_post(client: Client, url: str, data: dict, version: int):
    """A POST carrying the note's version, which each successful call bumps."""
    versions = count(version)

    def call():
        response = client.post(
            url, {**data, "version": next(versions)}, headers={"HX-Request": "true"}
        )
        if response.status_code != 200:
            raise AssertionError(f"POST {url}: {response.status_code}")
        return response

    return call


def rows(ctx: dict):
    client = Client()
    client.force_login(ctx["member"])
    canvas = ctx["canvas"]
    pk = canvas.project_id
    board = reverse("canvas:board", args=[pk, canvas.pk])
    note = canvas.notes.filter(block="channels").order_by("position")[5]
    edit = reverse("canvas:note-edit", args=[pk, note.pk])
    move = reverse("canvas:note-move", args=[pk, note.pk])
    changes = reverse("canvas:changes", args=[pk, canvas.pk])

    yield timed(f"page: canvas board ({NOTES} notes)", PAGE_MS, request(client, "get", board))
    yield timed(
        "page: canvases of a project", PAGE_MS, request(client, "get", f"/projects/{pk}/canvas/")
    )
    snapshot = snapshot_create(canvas=canvas, name="Før benchmarken", by=ctx["member"])
    snapshots = reverse("canvas:snapshots", args=[pk, canvas.pk])
    yield timed("page: snapshots", PAGE_MS, request(client, "get", snapshots))
    compare = reverse("canvas:compare", args=[pk, canvas.pk])
    yield timed(
        f"page: compare a snapshot with the board ({NOTES} notes)",
        PAGE_MS,
        request(client, "get", f"{compare}?a={snapshot.pk}&b=current"),
    )
    yield timed(
        "fragment: edit note (save)",
        FRAGMENT_MS,
        _versioned_post(client, edit, {"text": "Endret tekst", "color": "blue"}, note.version),
    )
    note.refresh_from_db()
    yield timed(
        "fragment: move note up/down in block",
        FRAGMENT_MS,
        _versioned_post(client, move, {"direction": "up", "from": "channels"}, note.version),
    )
    note.refresh_from_db()
    yield timed(
        "fragment: move note to another block",
        FRAGMENT_MS,
        _versioned_post(client, move, {"block": "channels", "from": "channels"}, note.version),
    )
    yield timed(
        "fragment: add note",
        FRAGMENT_MS,
        request(
            client,
            "post",
            reverse("canvas:note-add", args=[pk, canvas.pk]),
            data={"block": "key_partners", "text": "Ny lapp"},
            htmx=True,
        ),
    )
    canvas.refresh_from_db()
    yield timed(
        "fragment: refresh, unchanged (204)",
        UNCHANGED_MS,
        request(
            client,
            "get",
            f"{changes}?since={canvas.change_count}",
            htmx=True,
            expect=204,
        ),
    )
    yield timed(
        f"fragment: refresh, changed ({NOTES} notes)",
        FRAGMENT_MS,
        request(client, "get", f"{changes}?since=0", htmx=True),
    )

    pdf_canvas = ctx["pdf_canvas"]
    fetch_pdf = request(client, "get", reverse("canvas:pdf", args=[pk, pdf_canvas.pk]))

    def cold_pdf():
        cache.clear()
        return fetch_pdf()

    yield timed(f"canvas PDF, {PDF_NOTES} notes", PDF_MS, cold_pdf, repeat=5, warmup=1)
    yield timed(f"canvas PDF, {PDF_NOTES} notes, from cache", CACHED_MS, fetch_pdf)
