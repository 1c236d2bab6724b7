import re
import subprocess
from collections import Counter
from io import BytesIO

import pdfplumber
from django.urls import reverse
from pypdf import PdfReader

from canvas import pdf
from canvas.blocks import BLOCKS, COLOURS
from canvas.models import Note

from .conftest import HTMX, make_note


def url(canvas):
    return reverse("canvas:pdf", args=[canvas.project_id, canvas.pk])


def poppler(tool: str, pdf: bytes, tmp_path) -> str:
    path = tmp_path / "board.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        [tool, str(path), "-"][: 2 if tool == "pdfinfo" else 3],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_it_exports_the_board_as_an_a3_landscape_pdf_with_attribution(
    client, alice, canvas, tmp_path
):
    make_note(canvas, text="Æ, ø og å i en lapp")
    client.force_login(alice)
    r = client.get(url(canvas))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    info = poppler("pdfinfo", r.content, tmp_path)
    assert "1190.55 x 841.89 pts (A3)" in info
    assert "Tagged: yes" in " ".join(info.split())
    text = poppler("pdftotext", r.content, tmp_path)
    assert "Æ, ø og å i en lapp" in text and "Strategyzer AG" in text and "CC BY-SA 3.0" in text
    assert "Finansiering og verdistrømmer" in text


def test_it_ignores_htmx_and_hides_from_outsiders(client, alice, charlie, canvas):
    client.force_login(alice)
    assert client.get(url(canvas), headers=HTMX)["Content-Type"] == "application/pdf"
    client.force_login(charlie)
    assert client.get(url(canvas)).status_code == 404


def test_viewers_may_export(client, bob, canvas):
    client.force_login(bob)
    assert client.get(url(canvas)).status_code == 200


def _notes(canvas, count: int) -> None:
    Note.objects.bulk_create(
        Note(
            canvas=canvas,
            block=BLOCKS[i % len(BLOCKS)].key,
            text=f"Lapp nr. {i}",
            color=COLOURS[i % len(COLOURS)].key,
            hypothesis=i % 7 == 0,
            position=i,
        )
        for i in range(count)
    )


def _structure(content: bytes) -> Counter:
    """How many of each tag the PDF's structure tree holds."""
    tags = Counter()

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict) and "/S" in node:
            tags[node["/S"]] += 1
            if "/K" in node:
                walk(node["/K"])

    walk(PdfReader(BytesIO(content)).trailer["/Root"]["/StructTreeRoot"]["/K"])
    return tags


def _count_renders(monkeypatch) -> list[str]:
    rendered = []
    real = pdf.html_to_pdf

    def counting(html: str) -> bytes:
        rendered.append(html)
        return real(html)

    monkeypatch.setattr(pdf, "html_to_pdf", counting)
    return rendered


def test_a_300_note_board_is_rendered_once_and_then_served_from_the_cache(
    client, bob, canvas, tmp_path, monkeypatch
):
    # Issue 13: the PDF of a 300-note board was rebuilt on every request.
    _notes(canvas, 300)
    rendered = _count_renders(monkeypatch)
    client.force_login(bob)
    first = client.get(url(canvas))
    second = client.get(url(canvas))
    assert len(rendered) == 1 and first.content == second.content
    text = poppler("pdftotext", first.content, tmp_path)
    shown = re.findall(r"Lapp nr\. (\d+) \(", text)
    assert sorted(map(int, shown)) == list(range(300))


def test_the_pdf_keeps_every_note_its_colour_in_words_and_an_accessible_structure(
    client, bob, canvas, tmp_path
):
    # The PDF is kept lean for speed; none of its content may go with it.
    _notes(canvas, 60)
    client.cookies["django_language"] = "en"
    client.force_login(bob)
    content = client.get(url(canvas)).content
    text = " ".join(poppler("pdftotext", content, tmp_path).split())
    labels = "|".join(str(colour.label) for colour in COLOURS)
    notes = re.findall(rf"Lapp nr\. (\d+) \(({labels})( · Hypothesis to test)?\)", text)
    assert sorted(int(number) for number, _, _ in notes) == list(range(60))
    for number, colour, hypothesis in notes:
        i = int(number)
        assert colour == COLOURS[i % len(COLOURS)].label
        assert bool(hypothesis) == (i % 7 == 0)
    assert all(str(block.title) in text for block in BLOCKS)
    assert f"{canvas.title} – {canvas.project.title}" in text
    assert '"Business Model Canvas" by Strategyzer AG, licensed under CC BY-SA 3.0' in text
    reader = PdfReader(BytesIO(content))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en" and root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title == f"{canvas.title} – {canvas.project.title}"
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()
    tags = _structure(content)
    assert tags["/H1"] == 1 and tags["/H2"] == len(BLOCKS) and tags["/LI"] == 60


def test_a_change_to_the_board_or_another_language_renders_it_anew(
    client, alice, canvas, monkeypatch, tmp_path
):
    note = make_note(canvas, text="Første versjon")
    rendered = _count_renders(monkeypatch)
    client.force_login(alice)
    client.get(url(canvas))
    edit = reverse("canvas:note-edit", args=[canvas.project_id, note.pk])
    client.post(edit, {"text": "Andre versjon", "color": "blue", "version": note.version})
    after_edit = client.get(url(canvas))
    assert len(rendered) == 2
    assert "Andre versjon" in poppler("pdftotext", after_edit.content, tmp_path)
    client.cookies["django_language"] = "en"
    english = client.get(url(canvas))
    assert len(rendered) == 3 and "Key partners" in poppler("pdftotext", english.content, tmp_path)


def test_the_board_fills_the_page_with_note_text_larger_than_any_label(client, bob, canvas):
    for i in range(9):
        make_note(canvas, text=f"Kort lapp {i}", block=BLOCKS[i].key)
    client.force_login(bob)
    r = client.get(url(canvas))
    with pdfplumber.open(BytesIO(r.content)) as document:
        page = document.pages[0]
        bottom = max(rect["bottom"] for rect in page.rects)
        words = page.extract_words(extra_attrs=["size"])
    # The lowest row's border ends within 2 cm of the page's foot.
    assert page.height - bottom < 2 / 2.54 * 72
    note_sizes = {w["size"] for w in words if w["text"] in {"Kort", "lapp"}}
    label_sizes = {
        w["size"] for w in words if w["text"] in {"Nøkkelpartnere", "(Gul)", "Verdiforslag"}
    }
    assert label_sizes and min(note_sizes) >= 9 and min(note_sizes) > max(label_sizes)


def test_the_pdf_is_downloaded_under_the_boards_name(client, bob, canvas):
    canvas.title = 'Forretningsmodell: «ny» / "tjeneste"'
    canvas.save()
    client.force_login(bob)
    r = client.get(url(canvas))
    assert r["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''Forretningsmodell%20%C2%AB" in r["Content-Disposition"]
    assert pdf.filename(canvas) == "Forretningsmodell «ny» tjeneste.pdf"
    canvas.title = "..."
    assert pdf.filename(canvas) == f"{canvas.pk}.pdf"
