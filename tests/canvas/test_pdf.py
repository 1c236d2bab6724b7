import subprocess

from django.urls import reverse

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
