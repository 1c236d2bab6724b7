"""Decks read back as a reader gets them: whole words, notes on every slide,
ten 16:9 slides with nothing under 30 point, for every demo project and for
a project whose texts are ten times as long."""

import io
import re

import pdfplumber
import pytest
from django.core.management import call_command
from pptx import Presentation
from pptx.util import Pt

from projects.models import Project

CUT = re.compile(r"\w…")


@pytest.fixture
def demo(db):
    call_command("seed_demo", force=True, stdout=io.StringIO())
    return list(Project.objects.order_by("pk"))


def longer(project: Project) -> Project:
    """The project with every text of its step work ten times as long."""
    from projects.models import Lesson, ProjectFlow

    flow = ProjectFlow.objects.get(project=project)
    for name in ("hypothesis_project", "hypothesis_value", "hypothesis_measures", "operation"):
        text = getattr(flow, name) or "Et punkt."
        setattr(flow, name, " ".join([text.rstrip(".") + "."] * 10))
    for name in ("implementation_status", "remaining_here", "remaining_elsewhere"):
        text = getattr(flow, name) or "Gjenstår."
        setattr(flow, name, " ".join([text.rstrip(".") + "."] * 10))
    flow.save()
    project.summary = " ".join([project.summary.rstrip(".") + "."] * 10)
    project.save()
    for lesson in Lesson.objects.filter(project=project):
        lesson.title = " ".join([lesson.title] * 10)[:200]
        lesson.save()
    return project


def read_pdf(content: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        assert len(pdf.pages) == 10
        for page in pdf.pages:
            assert round(page.width / page.height, 3) == round(16 / 9, 3)
            assert min(round(c["size"], 2) for c in page.chars) >= 30
            # Nothing runs under the footer or off the page.
            body = [c for c in page.chars if c["top"] < page.height - 60]
            assert all(c["bottom"] <= page.height - 40 for c in body)
        return [page.extract_text() for page in pdf.pages]


def read_pptx(content: bytes) -> list[str]:
    deck = Presentation(io.BytesIO(content))
    assert len(deck.slides) == 10
    assert round(deck.slide_width / deck.slide_height, 3) == round(16 / 9, 3)
    notes = []
    for slide in deck.slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size >= Pt(30)
                        assert not CUT.search(run.text)
        notes.append(slide.notes_slide.notes_text_frame.text)
    return notes


def test_every_demo_deck_reads_back_whole(client, demo, django_user_model):
    client.force_login(django_user_model.objects.get(username="lena"))  # the demo's leader
    step3 = next(p for p in demo if p.step == "deliver")
    for project in [p for p in demo if p.step != "deliver"][:2] + [step3, longer(step3)]:
        pages = read_pdf(client.get(f"/projects/{project.pk}/deck.pdf").content)
        for text in pages:
            assert not CUT.search(text), text
        notes = read_pptx(client.get(f"/projects/{project.pk}/deck.pptx").content)
        handout = client.get(f"/projects/{project.pk}/deck-handout.pdf")
        assert handout.status_code == 200
        with pdfplumber.open(io.BytesIO(handout.content)) as pdf:
            text = "\n".join(page.extract_text() for page in pdf.pages)
        assert "Notater til lysbilde 10" in text
        assert project.summary.split(".")[0] in notes[0]
    # The long project names what its slides leave out.
    assert "i notatene og i Innoportal" in "\n".join(pages) or "Hele teksten" in "\n".join(pages)


def test_every_project_page_offers_the_deck_to_a_reader(client, bob, project):
    client.force_login(bob)
    html = client.get(f"/projects/{project.pk}/").text
    menu = html.split('class="deck-menu"')[1].split("</nav>")[0]
    for url in ("deck/", "deck.pdf", "deck.pptx", "deck-handout.pdf"):
        assert f"/projects/{project.pk}/{url}" in menu


def test_the_handout_is_refused_to_an_outsider(client, charlie, project):
    client.force_login(charlie)
    assert client.get(f"/projects/{project.pk}/deck-handout.pdf").status_code == 404
