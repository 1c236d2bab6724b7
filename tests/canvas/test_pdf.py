import subprocess

from django.urls import reverse

from canvas import pdf
from canvas.blocks import BLOCKS
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
        Note(canvas=canvas, block=BLOCKS[i % len(BLOCKS)].key, text=f"Lapp nr. {i}", position=i)
        for i in range(count)
    )


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
    assert all(f"Lapp nr. {i}\n" in text for i in range(300))


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
