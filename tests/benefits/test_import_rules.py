"""An import obeys the rules of the pages, and bad files are refused cleanly."""

import io
import zipfile
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from benefits.models import BenefitValue, Indicator, Measurement
from benefits.selectors import load_plan

from .test_excel import export, upload


def changed(content: bytes, edits: dict) -> bytes:
    """The workbook with `edits` ({(sheet, cell): value}) made; a value of
    ("append", row) appends the row instead."""
    book = load_workbook(io.BytesIO(content))
    for (sheet, ref), value in edits.items():
        if ref == "append":
            book[sheet].append(value)
        else:
            book[sheet][ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def errors_of(response) -> str:
    text = response.text
    return text[text.find("ds-error-summary") :][:4000]


def test_a_yearly_value_of_1e15_is_refused_and_changes_nothing(member_client, project, full_plan):
    before = load_plan(full_plan).records()
    content = changed(export(member_client, project), {("Årlige verdier", "E2"): 1e15})
    r = upload(member_client, project, content)
    assert r.status_code == 200
    assert "Årlige verdier, rad 2, kolonne Faktor 1:" in errors_of(r)
    assert "høyst 12 sifre før og 2 etter desimalkommaet" in errors_of(r)
    assert load_plan(full_plan).records() == before


@pytest.mark.parametrize("nan", [float("nan"), "NaN", float("inf"), "-Infinity"])
def test_a_nan_or_infinite_cell_is_refused(member_client, project, full_plan, nan):
    before = load_plan(full_plan).records()
    content = changed(export(member_client, project), {("Målinger", "C2"): nan})
    r = upload(member_client, project, content)
    assert r.status_code == 200
    assert "Målinger, rad 2, kolonne Verdi:" in errors_of(r)
    assert load_plan(full_plan).records() == before


def test_a_title_longer_than_the_page_allows_is_refused(member_client, project, full_plan):
    content = changed(export(member_client, project), {("Gevinster", "B2"): "x" * 100_000})
    r = upload(member_client, project, content)
    assert (
        "Gevinster, rad 2, kolonne Tittel: Sørg for at denne verdien har 200 eller færre tegn"
        in (errors_of(r))
    )
    assert not full_plan.benefits.filter(title__startswith="xxx").exists()


def test_a_justification_the_form_refuses_is_refused(member_client, project, full_plan):
    content = changed(export(member_client, project), {("Indikatorer", "M2"): "Fordi"})
    r = upload(member_client, project, content)
    assert "Indikatorer, rad 2, kolonne Spesifikk: begrunnelse:" in errors_of(r)
    assert "minst 10 tegn" in errors_of(r)
    assert Indicator.objects.get(benefit__plan=full_plan).specific_reason != "Fordi"


def test_measurements_the_file_leaves_out_are_kept(member_client, project, full_plan, alice):
    indicator = Indicator.objects.get(benefit__plan=full_plan)
    content = export(member_client, project)
    Measurement.objects.bulk_create(
        Measurement(indicator=indicator, value=70 + n % 10, date=date(2025, 1, 1) + timedelta(n))
        for n in range(300)
    )
    # The workbook has only the first measurement, with a new value.
    r = upload(member_client, project, changed(content, {("Målinger", "C2"): 80}))
    assert r.status_code == 302
    assert indicator.measurements.count() == 301
    assert indicator.measurements.get(date=date(2026, 4, 1)).value == 80


def test_an_added_measurement_is_added_and_an_unchanged_workbook_adds_none(
    member_client, project, full_plan
):
    content = changed(
        export(member_client, project), {("Målinger", "append"): [1, "2026-05-01", 74, "Mai"]}
    )
    assert upload(member_client, project, content).status_code == 302
    assert upload(member_client, project, content).status_code == 302
    values = list(Measurement.objects.values_list("date", "value", "note"))
    assert values == [(date(2026, 4, 1), Decimal("72.50"), "Første"), (date(2026, 5, 1), 74, "Mai")]


def test_an_indicator_with_measurements_cannot_be_left_out(member_client, project, full_plan):
    before = load_plan(full_plan).records()
    book = load_workbook(io.BytesIO(export(member_client, project)))
    book["Indikatorer"].delete_rows(2)
    book["Målinger"].delete_rows(2)
    out = io.BytesIO()
    book.save(out)
    r = upload(member_client, project, out.getvalue())
    assert r.status_code == 409
    assert "Indikatoren «Andel besøk i rett tid» har målinger" in r.text
    assert load_plan(full_plan).records() == before


def test_confirmed_by_is_never_read_from_the_workbook(member_client, project, full_plan, bob):
    indicator = Indicator.objects.get(benefit__plan=full_plan)
    Indicator.objects.filter(pk=indicator.pk).update(accepted_by=None)
    content = changed(export(member_client, project), {("Indikatorer", "P2"): "bob"})
    assert upload(member_client, project, content).status_code == 302
    indicator.refresh_from_db()
    assert indicator.accepted_by is None
    assert indicator.specific_by is not None  # unchanged indicator keeps its confirmations


def test_a_changed_indicator_loses_its_confirmations(member_client, project, full_plan):
    content = changed(export(member_client, project), {("Indikatorer", "G2"): 95})
    assert upload(member_client, project, content).status_code == 302
    indicator = Indicator.objects.get(benefit__plan=full_plan)
    assert indicator.target_value == 95
    assert (indicator.specific_by, indicator.accepted_by, indicator.realistic_by) == (None,) * 3


def test_a_changed_justification_clears_only_its_own_confirmation(
    member_client, project, full_plan
):
    reason = "Forankret i ledermøtet og i kommunestyret"
    content = changed(export(member_client, project), {("Indikatorer", "O2"): reason})
    assert upload(member_client, project, content).status_code == 302
    indicator = Indicator.objects.get(benefit__plan=full_plan)
    assert indicator.accepted_reason == reason and indicator.accepted_by is None
    assert indicator.specific_by is not None and indicator.realistic_by is not None


def test_a_new_indicator_has_no_confirmations(member_client, project, full_plan):
    row = [2, 1, "Ny indikator", "%", None, None, None, None, None, None, None, None]
    row += ["Gjelder alle planlagte besøk", "alice"] * 3
    content = changed(export(member_client, project), {("Indikatorer", "append"): row})
    r = upload(member_client, project, content)
    assert r.status_code == 302, errors_of(r)
    new = Indicator.objects.get(name="Ny indikator")
    assert new.specific_reason == "Gjelder alle planlagte besøk"
    assert (new.specific_by, new.accepted_by, new.realistic_by) == (None,) * 3


def test_a_title_like_a_formula_survives_the_round_trip(member_client, project, full_plan):
    full_plan.benefits.filter(position=0).update(title="=1+2")
    content = export(member_client, project)
    sheet = load_workbook(io.BytesIO(content))["Gevinster"]
    assert sheet["B2"].value == "'=1+2" and sheet["B2"].data_type == "s"
    assert upload(member_client, project, content).status_code == 302
    assert full_plan.benefits.get(position=0).title == "=1+2"


def test_reading_stops_after_50_problems(member_client, project, full_plan):
    book = load_workbook(io.BytesIO(export(member_client, project)))
    for _n in range(400):
        book["Målinger"].append([1, "2026-01-01", "mange", None])
    out = io.BytesIO()
    book.save(out)
    r = upload(member_client, project, out.getvalue())
    assert errors_of(r).count("<li>") == 51
    # 350 measurements; the sheets written for the reader only are not counted.
    assert "Lesingen stoppet etter 50 feil; 350 rader til ble ikke kontrollert." in r.text


def _zip(parts: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _with_part(content: bytes, name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    return _zip({**parts, name: data})


DTD = b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><sst>&lol;</sst>'


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda c: _with_part(c, "xl/sharedStrings.xml", DTD), "DTD eller entiteter"),
        (lambda c: b"just text", "ikke en Excel-arbeidsbok"),
        (lambda c: c[: len(c) // 2], "ikke en Excel-arbeidsbok"),
        (lambda c: _zip({"word/document.xml": b"<w/>"}), "ikke en Excel-arbeidsbok"),
        (
            lambda c: (
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
                + "EncryptionInfo".encode("utf-16-le")
                + b"\0" * 600
            ),
            "beskyttet med passord",
        ),
        (lambda c: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "gammel Excel-fil (.xls)"),
        (
            lambda c: _with_part(c, "xl/sharedStrings.xml", "<sst/>".encode("utf-16")),
            "ikke en Excel-arbeidsbok",
        ),
    ],
    ids=["dtd", "text", "truncated", "docx", "encrypted", "xls", "utf16"],
)
def test_a_malformed_file_gets_a_clear_message(member_client, project, full_plan, make, message):
    before = load_plan(full_plan).records()
    r = upload(member_client, project, make(export(member_client, project)))
    assert r.status_code == 200
    assert message in errors_of(r)
    assert load_plan(full_plan).records() == before


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("IMPORT_MAX_ROWS", 5, "mer enn 5 rader"),
        ("IMPORT_MAX_CELLS", 20, "mer enn 20 celler"),
        ("IMPORT_MAX_SHEETS", 3, "mer enn 3 ark"),
        ("IMPORT_MAX_UNPACKED_MB", 0, "større enn 0 MB når den pakkes ut"),
    ],
)
def test_limits_are_checked_before_parsing(
    member_client, project, full_plan, settings, monkeypatch, setting, value, message
):
    content = export(member_client, project)
    setattr(settings, setting, value)
    monkeypatch.setattr("benefits.imports.load_workbook", pytest.fail)  # never parsed
    r = upload(member_client, project, content)
    assert message in errors_of(r)


def test_a_workbook_without_the_plans_sheets_is_refused(member_client, project, full_plan):
    out = io.BytesIO()
    Workbook().save(out)
    r = upload(member_client, project, out.getvalue())
    assert "Oppsummering, rad 0, kolonne –: Arket mangler." in r.text


# --- a value stored before the range was enforced ---------------------------


def _huge() -> float:
    """The largest value the database keeps: SQLite stores 10¹⁵ as an old import
    could; PostgreSQL's column holds at most 12 digits before the decimals."""
    return 1e15 if connection.vendor == "sqlite" else 999_999_999_999.99


@pytest.fixture
def huge_value(full_plan):
    """A yearly value as large as the database allows, written past the model."""
    value = BenefitValue.objects.filter(benefit__plan=full_plan).first()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE benefits_benefitvalue SET a = %s WHERE id = %s", [_huge(), value.pk])
    return value


def test_pages_survive_a_value_stored_out_of_range(client, leader, project, huge_value):
    client.force_login(leader)
    for url in [
        reverse("benefits:plan", args=[project.pk]),
        reverse("benefits:export", args=[project.pk]),
        reverse("home"),
        reverse("portfolio"),
        reverse("portfolio-export", args=["xlsx"]),
        reverse("portfolio-export", args=["csv"]),
        reverse("deck-present", args=[project.pk]),
    ]:
        assert client.get(url).status_code == 200, url
    # The stored value is shown as it is, so people can see what to correct.
    content = client.get(reverse("benefits:export", args=[project.pk])).content
    sheet = load_workbook(io.BytesIO(content))["Årlige verdier"]
    assert _huge() in [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_a_value_stored_out_of_range_can_be_corrected_and_cleared(
    member_client, project, huge_value
):
    url = reverse("benefits:value-edit", args=[project.pk, huge_value.benefit_id, huge_value.year])
    assert member_client.get(url).status_code == 200
    data = {"basis": "tasks", "a": "1000", "b": "250", "version": huge_value.version}
    assert member_client.post(url, data).status_code == 302
    assert BenefitValue.objects.get(pk=huge_value.pk).a == 1000
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE benefits_benefitvalue SET a = %s WHERE id = %s", [_huge(), huge_value.pk]
        )
    version = BenefitValue.objects.get(pk=huge_value.pk).version
    clear = reverse(
        "benefits:value-clear", args=[project.pk, huge_value.benefit_id, huge_value.year]
    )
    r = member_client.post(clear, {"version": version})
    assert r.status_code == 302
    assert not BenefitValue.objects.filter(pk=huge_value.pk).exists()
