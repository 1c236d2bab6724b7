"""The benefit map beyond its page: the plan's Excel export, slide 8 of the
deck (PDF and PPTX) and the project's backup."""

import io
import json

import pandas as pd
import pdfplumber
from django.core.management import call_command
from django.urls import reverse
from pptx import Presentation

from benefits.models import MapLink
from portal.backup import canonical, project_erase
from portal.decks import deck_data, slides_for
from projects.models import Activity, Measure

from .builders import make_benefit, make_goal, make_link


def mapped(plan, project):
    """A map: a measure and an activity lead to a benefit that serves a goal."""
    project.step = "deliver"
    project.save()
    benefit = make_benefit(plan, title="Færre telefoner")
    measure = Measure.objects.create(project=project, title="=SMS-varsel")  # formula-like
    activity = Activity.objects.create(project=project, key="touchpoints", position=3)
    make_link(benefit, measure=measure).__class__.objects.filter(measure=measure).update(
        assumption="Innbyggerne leser SMS"
    )
    make_link(benefit, activity=activity)
    make_link(benefit, goal=make_goal(project, title="Tryggere hjemmetjeneste"))
    return benefit


def test_the_export_has_a_sheet_of_the_links(member_client, project, plan):
    mapped(plan, project)
    r = member_client.get(reverse("benefits:export", args=[project.pk]))
    sheet = pd.read_excel(io.BytesIO(r.content), sheet_name="Gevinstkart")
    assert list(sheet.columns) == [
        "Fra (type)",
        "Fra",
        "Fører til (type)",
        "Fører til",
        "Forutsetning",
    ]
    rows = sheet.fillna("").values.tolist()
    assert rows == [
        ["Tiltak", "'=SMS-varsel", "Gevinst", "Færre telefoner", "Innbyggerne leser SMS"],
        ["Aktivitet", "Utvikle kontaktpunkter", "Gevinst", "Færre telefoner", ""],
        ["Gevinst", "Færre telefoner", "Mål", "Tryggere hjemmetjeneste", ""],
    ]


def test_an_exported_workbook_with_its_map_imports_again(member_client, project, plan):
    mapped(plan, project)
    content = member_client.get(reverse("benefits:export", args=[project.pk])).content
    r = member_client.post(
        reverse("benefits:import", args=[project.pk]),
        {"workbook": io.BytesIO(content)},
    )
    assert r.status_code == 302 and MapLink.objects.count() == 3  # the map is left as it was


def test_slide_8_draws_the_map_and_lists_its_chains(project, plan):
    mapped(plan, project)
    slide = slides_for(deck_data(project))[7]
    assert slide.svg.startswith("<svg") and slide.svg.count("<path") == 1 + 3  # marker + arrows
    assert "<text" not in slide.svg  # no text under 30 point: the chains are lines
    chains = [
        "=SMS-varsel → Færre telefoner (Innbyggerne leser SMS) → Tryggere hjemmetjeneste",
        "Utvikle kontaktpunkter → Færre telefoner → Tryggere hjemmetjeneste",
    ]
    assert [note for note in slide.notes if "→" in note] == chains
    assert "3" in slide.chart_alt and slide.chart is None


def test_without_links_slide_8_keeps_the_yearly_chart(project, plan):
    project.step = "deliver"
    project.save()
    make_benefit(plan)
    slide = slides_for(deck_data(project))[7]
    assert slide.chart is not None and slide.svg == ""


def test_the_pdf_and_pptx_carry_the_map(client, alice, project, plan):
    mapped(plan, project)
    client.force_login(alice)
    pdf = client.get(f"/projects/{project.pk}/deck.pdf").content
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[7]
        assert page.images or page.rects or page.curves  # the drawing
        assert min(round(c["size"], 2) for c in page.chars) >= 30
        text = page.extract_text()
    assert "Færre telefoner" in text and "→" in text
    pptx = Presentation(io.BytesIO(client.get(f"/projects/{project.pk}/deck.pptx").content))
    notes = pptx.slides[7].notes_slide.notes_text_frame.text
    assert "Utvikle kontaktpunkter → Færre telefoner → Tryggere hjemmetjeneste" in notes


def test_the_map_travels_with_the_backup(project, plan, tmp_path):
    mapped(plan, project)
    before_links = list(
        MapLink.objects.order_by("pk").values_list(
            "benefit__title", "measure__title", "activity__key", "goal__title", "assumption"
        )
    )
    path = tmp_path / "project.json"
    call_command("export_project", project.pk, output=str(path))
    before = path.read_text()
    models = {row["model"] for row in json.loads(before)["objects"]}
    assert {"benefits.maplink", "benefits.historicalmaplink"} <= models
    project_erase(project_id=project.pk)
    assert not MapLink.objects.exists()
    call_command("import_project", str(path), stdout=io.StringIO())
    again = tmp_path / "again.json"
    call_command("export_project", project.pk, output=str(again))
    assert canonical(again.read_text()) == canonical(before)
    after_links = list(
        MapLink.objects.order_by("pk").values_list(
            "benefit__title", "measure__title", "activity__key", "goal__title", "assumption"
        )
    )
    assert after_links == before_links


def test_a_backup_with_a_broken_link_is_refused(project, plan, tmp_path):
    mapped(plan, project)
    path = tmp_path / "project.json"
    call_command("export_project", project.pk, output=str(path))
    data = json.loads(path.read_text())
    for row in data["objects"]:
        if row["model"] == "benefits.maplink" and row["fields"]["goal"]:
            row["fields"]["measure"] = row["fields"]["benefit"]  # two ends at once
    path.write_text(json.dumps(data))
    project_erase(project_id=project.pk)
    err = io.StringIO()
    try:
        call_command("import_project", str(path), stdout=io.StringIO(), stderr=err)
    except Exception as refused:  # the command reports a refused file as an error
        message = str(refused)
    else:
        message = err.getvalue()
    assert message and not MapLink.objects.exists()
