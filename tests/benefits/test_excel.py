"""Export to Excel and import of the same workbook."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from benefits.selectors import load_plan


def export(client, project):
    r = client.get(reverse("benefits:export", args=[project.pk]))
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    return r.content


def cells(content):
    book = load_workbook(io.BytesIO(content), data_only=True)
    return {s.title: [list(r) for r in s.iter_rows(values_only=True)] for s in book.worksheets}


def upload(client, project, content, name="plan.xlsx"):
    return client.post(
        reverse("benefits:import", args=[project.pk]),
        {"workbook": SimpleUploadedFile(name, content)},
    )


def test_it_exports_the_sheets_a_finance_department_needs(member_client, project, full_plan):
    sheets = cells(export(member_client, project))
    assert list(sheets) == [
        "Oppsummering",
        "Gevinster",
        "Årlige verdier",
        "Kostnader",
        "Indikatorer",
        "Målinger",
        "Ikke-prissatte virkninger",
        "Medfinansiering",
        "Gevinstkart",  # for the reader; not imported
    ]
    summary = sheets["Oppsummering"]
    assert summary[0][:2] == ["Gevinstplan", project.title]
    net = next(r for r in summary if r[0] == "Netto gevinst")
    # 250 000 + 300 000 + 306 250 benefits − 650 000 costs = 206 250 (expected)
    assert net[1] == 206_250
    values = sheets["Årlige verdier"]
    assert values[1][:6] == [
        1,
        "Færre telefoner",
        2028,
        "Unngåtte oppgaver × kostnad per oppgave",
        1000,
        250,
    ]
    assert values[1][-3:] == [250_000, 200_000, 300_000]
    assert (
        sheets["Gevinster"][1][3] == "Kostnader unngått"
        or sheets["Gevinster"][1][6] == "SMS-varsel"
    )


def test_it_shows_the_same_numbers_as_the_page(member_client, project, full_plan):
    page = member_client.get(reverse("benefits:plan", args=[project.pk])).text
    assert "206\u00a0250\u00a0kr" in page


def test_a_round_trip_changes_nothing(member_client, project, full_plan):
    before = load_plan(full_plan).records()
    first = export(member_client, project)
    history = full_plan.history.count()
    r = upload(member_client, project, first)
    assert r.status_code == 302, r.text
    assert load_plan(full_plan).records() == before
    assert cells(export(member_client, project)) == cells(first)
    assert full_plan.history.count() == history
    assert full_plan.benefits.get(position=0).source is not None


def test_it_imports_a_changed_workbook(member_client, project, full_plan):
    book = load_workbook(io.BytesIO(export(member_client, project)))
    values = book["Årlige verdier"]
    values["E2"] = 2000  # tasks avoided in 2028
    values["I2"] = 2400  # the high estimate stays above it, as the page requires
    costs = book["Kostnader"]
    costs.append(["Opplæring", 2029, "Engangs", "75 000", None, None])
    out = io.BytesIO()
    book.save(out)
    r = upload(member_client, project, out.getvalue())
    assert r.status_code == 302
    records = load_plan(full_plan).records()
    assert records["values"][0]["a"] == 2000
    added = records["costs"][-1]
    assert added.pop("pk") == full_plan.costs.get(title="Opplæring").pk
    assert added == {
        "title": "Opplæring",
        "year": 2029,
        "kind": "one_off",
        "expected": 75_000,
        "low": None,
        "high": None,
    }


def test_it_lists_errors_by_sheet_row_and_column_and_changes_nothing(
    member_client, project, full_plan
):
    before = load_plan(full_plan).records()
    book = load_workbook(io.BytesIO(export(member_client, project)))
    book["Årlige verdier"]["E2"] = "mange"
    book["Årlige verdier"]["C3"] = 2050
    book["Gevinster"]["E2"] = "ukjent"
    book["Kostnader"]["B2"] = None
    book["Oppsummering"]["B6"] = 50
    out = io.BytesIO()
    book.save(out)
    r = upload(member_client, project, out.getvalue())
    assert r.status_code == 200
    for text in [
        "Årlige verdier, rad 2, kolonne Faktor 1: Oppgi et tall.",
        "Årlige verdier, rad 3, kolonne År: Året er utenfor planens år.",
        "Gevinster, rad 2, kolonne Gevinstansvarlig: "
        "Ingen medlem av prosjektet har brukernavnet «ukjent».",
        "Kostnader, rad 2, kolonne År: En verdi er påkrevd.",
        "Oppsummering, rad 6, kolonne Kalkulasjonsrente (%): "
        "Verdien må være mindre enn eller lik 20.",
    ]:
        assert text in r.text
    assert load_plan(full_plan).records() == before


@pytest.mark.parametrize(
    "content", [b"not a workbook", b"PK\x03\x04broken zip"], ids=["text", "broken"]
)
def test_it_refuses_a_file_that_is_not_a_workbook(member_client, project, full_plan, content):
    r = upload(member_client, project, content)
    assert r.status_code == 200 and "ikke en Excel-arbeidsbok" in r.text


def test_it_refuses_a_workbook_without_the_sheets(member_client, project, full_plan):
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    r = upload(member_client, project, out.getvalue())
    assert "Gevinster, rad 0, kolonne –: Arket mangler." in r.text


def test_it_asks_for_a_file(member_client, project, full_plan):
    r = member_client.post(reverse("benefits:import", args=[project.pk]), {})
    assert r.status_code == 200 and "ds-error-summary" in r.text


def test_import_is_refused_while_submitted(member_client, project, full_plan):
    content = export(member_client, project)
    full_plan.status = "submitted"
    full_plan.save()
    r = upload(member_client, project, content)
    assert r.status_code == 409


def test_viewer_exports_but_cannot_import(client, bob, project, full_plan):
    client.force_login(bob)
    assert client.get(reverse("benefits:export", args=[project.pk])).status_code == 200
    assert client.get(reverse("benefits:import", args=[project.pk])).status_code == 403
