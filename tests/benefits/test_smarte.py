"""The S.M.A.R.T.E rules, on plain objects (no database)."""

from datetime import date
from types import SimpleNamespace

import pytest

from benefits import smarte


def indicator(**fields):
    complete = {
        "unit": "%",
        "baseline_value": 70,
        "baseline_date": date(2026, 1, 1),
        "target_value": 90,
        "target_date": date(2027, 12, 31),
        "method": "Uttrekk",
        "frequency": "quarterly",
        "responsible_id": 1,
        "specific_reason": "Planlagte besøk",
        "specific_by_id": 1,
        "accepted_reason": "Forankret",
        "accepted_by_id": 2,
        "realistic_reason": "Andre har klart det",
        "realistic_by_id": 1,
    }
    return SimpleNamespace(**{**complete, **fields})


def failed(ind):
    return {c.key: c.reason for c in smarte.assess(ind) if not c.ok}


def test_it_passes_a_complete_indicator():
    checks = smarte.assess(indicator())
    assert [c.letter for c in checks] == list("SMARTE")
    assert all(c.ok for c in checks)


@pytest.mark.parametrize("missing", ["unit", "baseline_value", "target_value"])
def test_it_decides_measurable_from_unit_baseline_and_target(missing):
    assert set(failed(indicator(**{missing: None if missing != "unit" else " "}))) == {"measurable"}


def test_a_zero_baseline_is_still_a_baseline():
    assert failed(indicator(baseline_value=0)) == {}


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"target_date": None}, "Mangler"),
        ({"baseline_date": None}, "Mangler"),
        ({"target_date": date(2026, 1, 1)}, "etter nullpunktsdatoen"),
        ({"target_date": date(2025, 6, 1)}, "etter nullpunktsdatoen"),
    ],
)
def test_it_decides_time_bound_from_the_dates(fields, why):
    reasons = failed(indicator(**fields))
    assert set(reasons) == {"time_bound"}
    assert why in reasons["time_bound"]


@pytest.mark.parametrize("missing", ["method", "frequency", "responsible_id"])
def test_it_decides_evaluable_from_method_frequency_and_responsible(missing):
    assert set(failed(indicator(**{missing: None if missing == "responsible_id" else ""}))) == {
        "evaluable"
    }


@pytest.mark.parametrize("key", ["specific", "accepted", "realistic"])
def test_it_needs_a_justification_and_a_confirming_member(key):
    assert "begrunnelse" in failed(indicator(**{f"{key}_reason": ""}))[key]
    assert "bekreftet" in failed(indicator(**{f"{key}_by_id": None}))[key]


def test_it_names_what_is_missing():
    reasons = failed(indicator(unit="", target_value=None))
    assert reasons["measurable"] == "Mangler: enhet, målverdi."


def test_it_lists_the_plans_problems():
    assert smarte.plan_problems([]) == [(None, [])]
    good, bad = indicator(), indicator(method="")
    problems = smarte.plan_problems([good, bad])
    assert [(i, [c.key for c in checks]) for i, checks in problems] == [(bad, ["evaluable"])]


@pytest.mark.parametrize(
    ("frequency", "last", "target", "due"),
    [
        ("monthly", date(2026, 1, 31), None, date(2026, 2, 28)),
        ("quarterly", date(2026, 11, 15), None, date(2027, 2, 15)),
        ("yearly", date(2026, 3, 1), None, date(2027, 3, 1)),
        ("yearly", date(2026, 3, 1), date(2026, 12, 31), date(2026, 12, 31)),
        ("monthly", date(2027, 1, 1), date(2027, 1, 1), None),
        ("", date(2026, 1, 1), None, None),
    ],
)
def test_it_works_out_the_next_due_date(frequency, last, target, due):
    assert (
        smarte.next_due(
            frequency=frequency,
            baseline_date=date(2025, 1, 1),
            last_measured=last,
            target_date=target,
        )
        == due
    )


def test_it_counts_from_the_baseline_before_any_measurement():
    assert smarte.next_due(
        frequency="monthly", baseline_date=date(2026, 1, 10), last_measured=None, target_date=None
    ) == date(2026, 2, 10)
