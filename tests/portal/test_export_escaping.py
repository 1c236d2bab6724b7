"""Text that a spreadsheet would run as a formula comes out of every export as text."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from projects.models import Measure
from projects.spreadsheets import cell, cell_text
from tests.benefits.builders import make_benefit, make_plan, make_value

HOSTILE = ["=1+2", "@SUM(1)", "+1", "-1+2", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_cell_writes_formula_like_text_as_text(text):
    assert cell(text) == "'" + text
    assert cell_text(cell(text)) == text


@pytest.mark.parametrize("value", ["Ferdig", "'sitat", "", None, -5, -2.5, 0, 3])
def test_cell_leaves_other_values_alone(value):
    assert cell(value) == value
    assert cell_text(cell(value)) == value


def test_an_apostrophe_before_a_formula_survives_a_round_trip():
    assert cell_text(cell("'=1")) == "'=1"


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def _xlsx(response) -> dict:
    book = load_workbook(io.BytesIO(response.content))
    return {s.title: [[c for c in row] for row in s.iter_rows()] for s in book.worksheets}


@pytest.mark.parametrize("title", ["=1+2", "@SUM(1)"])
def test_every_export_writes_hostile_titles_as_text(client, leader, alice, project, title):
    project.title = title
    project.save()
    Measure.objects.create(project=project, title=title, benefit=3, effort=3)
    plan = make_plan(project)
    make_value(make_benefit(plan, title=title), 2027, a=-1000)
    client.force_login(leader)

    rows = _csv(client.get(reverse("portfolio-export", args=["csv"])))
    assert rows[1][0] == "'" + title

    sheet = _xlsx(client.get(reverse("portfolio-export", args=["xlsx"])))
    first = list(sheet.values())[0]
    assert first[1][0].value == "'" + title and first[1][0].data_type == "s"

    client.force_login(alice)
    rows = _csv(client.get(reverse("projects:matrix-csv", args=[project.pk])))
    assert rows[1][1] == "'" + title

    book = _xlsx(client.get(reverse("benefits:export", args=[project.pk])))
    assert book["Oppsummering"][0][1].value == "'" + title
    benefit_title = book["Gevinster"][1][1]
    assert benefit_title.value == "'" + title and benefit_title.data_type == "s"
    factor = book["Årlige verdier"][1][4]
    assert factor.value == -1000 and factor.data_type == "n"  # a negative number stays a number
    formulas = [c for s in book.values() for row in s for c in row if c.data_type == "f"]
    assert formulas == []
