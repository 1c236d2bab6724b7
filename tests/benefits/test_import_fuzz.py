"""Property-based import tests: random values, lengths and types in every
column of the workbook, and random damage to the file itself. The import
never answers 500, and whenever it refuses, nothing in the plan changed."""

import io
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from benefits.models import Indicator, Measurement
from benefits.selectors import load_plan
from tests.fuzz import FUZZ

from .test_excel import export, upload

TEXTS = st.one_of(
    st.text(max_size=40),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=5), st.integers(50, 3000)),
    st.sampled_from(
        [
            "=1+2",
            "'=1+2",
            "@SUM(1)",
            "NaN",
            "-Infinity",
            "1e15",
            "1 000,5",
            "-0",
            "2028",
            "alice",
            "bob",
            "Direkte beløp",
            "Kostnader unngått",
            "SMS-varsel",
            "2026-02-30",
            "Fordi",
        ]
    ),
).map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s))
VALUES = st.one_of(
    st.none(),
    TEXTS,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1900, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1)),
)


@pytest.fixture
def base(member_client, project, full_plan) -> bytes:
    return export(member_client, project)


def snapshot(plan):
    measurements = list(Measurement.objects.order_by("pk").values_list("pk", "value", "note"))
    confirmations = list(
        Indicator.objects.order_by("pk").values_list("specific_by", "accepted_by", "realistic_by")
    )
    return load_plan(plan).records(), measurements, confirmations


@FUZZ
@given(data=st.data())
def test_random_cells_never_break_the_import(member_client, project, full_plan, base, data):
    book = load_workbook(io.BytesIO(base))
    for _ in range(data.draw(st.integers(1, 3))):
        sheet = book[data.draw(st.sampled_from(book.sheetnames))]
        column = data.draw(st.integers(1, sheet.max_column))
        row = data.draw(st.integers(2, sheet.max_row + 1))
        if sheet.title == book.sheetnames[0]:
            column, row = 2, data.draw(st.integers(3, 6))
        sheet.cell(row=row, column=column).value = data.draw(VALUES)
    out = io.BytesIO()
    book.save(out)
    before = snapshot(full_plan)
    r = upload(member_client, project, out.getvalue())
    assert r.status_code in (200, 302)
    if r.status_code != 302:
        assert "ds-error-summary" in r.text
        assert snapshot(full_plan) == before
    else:
        assert len(snapshot(full_plan)[1]) >= len(before[1])  # no measurement deleted


@FUZZ
@given(data=st.data())
def test_damaged_files_never_break_the_import(member_client, project, full_plan, base, data):
    content = bytearray(base)
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(content) - 1))
        content[at] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        content = content[: data.draw(st.integers(0, len(content)))]
    before = snapshot(full_plan)
    r = upload(member_client, project, bytes(content))
    assert r.status_code in (200, 302)
    if r.status_code != 302:
        assert snapshot(full_plan) == before
