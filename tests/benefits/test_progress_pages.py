"""Progress against the target path as the pages, exports and backups show it.

The indicator runs from 100 on 1 January 2024 to 200 on 10 April 2024 (100
days). Measured: 110 on day 10 (10 %, on the path: on track), 145 on day 50
(45 % of 50 expected: watch) and 140 on day 60 (40 % of 60 expected, 20
behind: deviation)."""

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from benefits.models import BenefitPlan, Measurement
from portal.backup import project_erase
from portal.backup.fileformat import ImportRefused
from portal.backup.rows import rows_save
from portal.portfolio import status_counts
from tests.factories import make_user

from .builders import make_benefit, make_indicator
from .conftest import HTMX

PATH = {
    "baseline_value": Decimal(100),
    "baseline_date": date(2024, 1, 1),
    "target_value": Decimal(200),
    "target_date": date(2024, 4, 10),
}


@pytest.fixture
def tracked(plan, alice):
    """An indicator in deviation (alice responsible) and one not measured."""
    benefit = make_benefit(plan, title="Færre telefoner")
    indicator = make_indicator(benefit, by=alice, name="Besøk i rett tid", **PATH)
    for day, value in ((date(2024, 1, 11), 110), (date(2024, 2, 20), 145)):
        Measurement.objects.create(indicator=indicator, value=value, date=day)
    Measurement.objects.create(indicator=indicator, value=140, date=date(2024, 3, 1))
    make_indicator(benefit, by=alice, name="Ventetid", **PATH)
    return indicator


def test_the_indicator_page_shows_achievement_status_and_path(member_client, project, tracked):
    r = member_client.get(reverse("benefits:indicator", args=[project.pk, tracked.pk]))
    text = r.text
    rows = text.split("<tbody>")[2].split("</tbody>")[0]  # the measurements' table
    assert rows.index("10 %") < rows.index("I rute") < rows.index("45 %") < rows.index("Følg med")
    assert rows.index("Følg med") < rows.index("40 %") < rows.index("Avvik")
    assert 'data-color="danger">Avvik</span>' in rows  # the colour with its word
    assert "inntil 10 prosentpoeng" in text
    chart = json.loads(
        text.split('id="measurement-chart" type="application/json">')[1].split("<")[0]
    )
    path = next(t for t in chart["data"] if t["name"] == "Målbane")
    assert path["x"] == ["2024-01-01", "2024-04-10"] and path["y"] == [100.0, 200.0]


def test_the_plan_counts_by_status_and_links_deviations(member_client, project, tracked):
    r = member_client.get(reverse("benefits:plan", args=[project.pk]))
    section = r.text[r.text.index('id="plan-progress"') :]
    section = section[: section.index("</section>")]
    assert "I rute</span> 0" in section and "Følg med</span> 0" in section
    assert "Avvik</span> 1" in section and "Ikke målt</span> 1" in section
    link = reverse("benefits:indicator", args=[project.pk, tracked.pk])
    assert f'href="{link}">Besøk i rett tid</a>' in section
    assert "måloppnåelse 40 %" in section
    assert "Toleranse mot målbanen</dt><dd>10 %" in r.text


def test_a_wider_tolerance_turns_the_deviation_into_watch(member_client, project, plan, tracked):
    url = reverse("benefits:plan-settings", args=[project.pk])
    data = {"currency": "NOK", "first_year": 2027, "horizon": 5, "discount_rate": "4"}
    r = member_client.post(url, {**data, "progress_tolerance": "20", "version": 1}, headers=HTMX)
    assert r.status_code == 200
    plan.refresh_from_db()
    assert plan.progress_tolerance == 20
    r = member_client.get(reverse("benefits:plan", args=[project.pk]))
    assert "Følg med</span> 1" in r.text and "Avvik</span> 0" in r.text


@pytest.mark.parametrize("value", ["-1", "100,5", "mye"])
def test_a_tolerance_outside_0_to_100_is_refused(member_client, project, plan, value):
    url = reverse("benefits:plan-settings", args=[project.pk])
    data = {"currency": "NOK", "first_year": 2027, "horizon": 5, "discount_rate": "4"}
    r = member_client.post(url, {**data, "progress_tolerance": value, "version": 1}, headers=HTMX)
    assert r.status_code == 200 and "ds-error-summary" in r.text
    plan.refresh_from_db()
    assert plan.progress_tolerance == 10


def test_an_empty_tolerance_is_the_default(member_client, project, plan):
    plan.progress_tolerance = 30
    plan.save()
    url = reverse("benefits:plan-settings", args=[project.pk])
    data = {"currency": "NOK", "first_year": 2027, "horizon": 5, "discount_rate": "4"}
    member_client.post(url, {**data, "progress_tolerance": "", "version": 1}, headers=HTMX)
    plan.refresh_from_db()
    assert plan.progress_tolerance == 10


def test_the_home_page_shows_the_responsible_persons_statuses(client, alice, bob, tracked):
    client.force_login(alice)
    r = client.get("/")
    section = r.text[r.text.index('id="my-progress"') :]
    assert "Avvik</span> 1" in section and "Besøk i rett tid</a>" in section
    client.force_login(bob)
    assert 'id="my-progress"' not in client.get("/").text


def test_the_excel_export_states_the_tolerance(member_client, project, plan, tracked):
    plan.progress_tolerance = Decimal("12.5")
    plan.save()
    r = member_client.get(reverse("benefits:export", args=[project.pk]))
    sheet = load_workbook(io.BytesIO(r.content)).worksheets[0]
    rows = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}
    assert rows["Toleranse mot målbanen (%)"] == 12.5


def test_the_tolerance_survives_a_backup_round_trip(project, plan, tracked, tmp_path):
    plan.progress_tolerance = Decimal("15")
    plan.save()
    path = tmp_path / "project.json"
    call_command("export_project", project.pk, output=str(path))
    project_erase(project_id=project.pk)
    call_command("import_project", str(path), stdout=io.StringIO())
    assert BenefitPlan.objects.get(project_id=project.pk).progress_tolerance == 15


def test_a_checked_file_with_a_tolerance_over_100_is_refused(project, plan, tmp_path):
    """Files checked like forms (project templates) refuse a tolerance over 100."""
    path = tmp_path / "project.json"
    call_command("export_project", project.pk, output=str(path))
    row = next(
        r for r in json.loads(path.read_text())["objects"] if r["model"] == "benefits.benefitplan"
    )
    row["fields"]["progress_tolerance"] = "150.00"
    with pytest.raises(ImportRefused, match="100"):
        rows_save([row], clean=True)
    assert BenefitPlan.objects.get().progress_tolerance == 10


@pytest.fixture
def leader_client(client, leader):
    client.force_login(leader)
    return client


def test_the_portfolio_counts_statuses_and_filters_deviations(leader_client, project, tracked):
    from tests.factories import make_project

    make_project(title="Uten avvik", members={make_user("una"): "team_member"})
    r = leader_client.get("/portfolio/")
    assert "Avvik: 1" in r.text and "Ikke målt: 1" in r.text and "Uten avvik" in r.text
    r = leader_client.get("/portfolio/?deviations=on")
    assert project.title in r.text and "Uten avvik" not in r.text
    r = leader_client.get("/portfolio/export.csv?deviations=on")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert [row["Prosjekt"] for row in rows] == [project.title]
    assert rows[0]["Indikatorer: Avvik"] == "1" and rows[0]["Indikatorer: I rute"] == "0"
    r = leader_client.get("/portfolio/export.xlsx")
    frame = pd.read_excel(io.BytesIO(r.content)).set_index("Prosjekt")
    assert frame.at[project.title, "Indikatorer: Avvik"] == 1
    assert frame.at[project.title, "Indikatorer: Ikke målt"] == 1
    assert pd.isna(frame.at["Uten avvik", "Indikatorer: Avvik"])  # no plan, no count
    r = leader_client.get("/portfolio/export.csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert {row["Prosjekt"]: row["Indikatorer: Avvik"] for row in rows} == {
        project.title: "1",
        "Uten avvik": "",
    }


def test_status_counts_take_each_indicators_latest_measurement_and_plan_tolerance():
    indicators = pd.DataFrame(
        {
            "indicator_id": [1, 2, 3],
            "project_id": [10, 10, 20],
            "baseline_value": [100.0, 100.0, 100.0],
            "baseline_date": [date(2024, 1, 1)] * 3,
            "target_value": [200.0, 200.0, 200.0],
            "target_date": [date(2024, 4, 10)] * 3,
            "tolerance": [10.0, 10.0, 25.0],
        }
    )
    measurements = pd.DataFrame(
        {
            "indicator_id": [1, 1, 3],
            "date": [date(2024, 3, 1), date(2024, 1, 11), date(2024, 3, 1)],
            "value": [140.0, 110.0, 140.0],
        }
    )
    counts = status_counts(indicators, measurements)
    assert counts == {
        10: {"on_track": 0, "watch": 0, "deviation": 1, "not_measured": 1},
        20: {"on_track": 0, "watch": 1, "deviation": 0, "not_measured": 0},  # within its 25
    }
    assert status_counts(indicators.iloc[:0], measurements.iloc[:0]) == {}


def test_a_new_plan_offers_a_tolerance_of_10(member_client, project):
    r = member_client.get(reverse("benefits:plan-settings", args=[project.pk]))
    field = re.search(r'<input[^>]*name="progress_tolerance"[^>]*>', r.text).group()
    assert 'value="10"' in field
