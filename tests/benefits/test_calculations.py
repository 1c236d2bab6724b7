"""The plan's numbers against figures worked out by hand (no database)."""

from decimal import Decimal

import pytest

from benefits import calculations as calc

YEARS = (2027, 5)  # 2027–2031


def value(benefit_id, year, basis, a, b=None, **ranges):
    row = dict.fromkeys(calc.VALUE_COLUMNS)
    row.update(benefit_id=benefit_id, year=year, basis=basis, a=a, b=b, **ranges)
    return row


BENEFITS = [
    {"id": 1, "kind": "costs_avoided", "counted": True},  # tasks avoided × cost per task
    {"id": 2, "kind": "time_saved", "counted": True},  # freed time has a use and a decider
    {"id": 3, "kind": "time_saved", "counted": False},  # no alternative use recorded yet
    {"id": 4, "kind": "other", "counted": True},  # consumption × reduction %
    {"id": 5, "kind": "costs_avoided", "counted": True},  # old price − new price
    {"id": 6, "kind": "quality", "counted": False},  # share of visits on time, in %
]
VALUES = (
    # 1 000 tasks × 250 kr = 250 000 (low 800 tasks: 200 000, high 1 200: 300 000), 2028–31
    [value(1, y, "tasks", 1000, 250, a_low=800, a_high=1200) for y in range(2028, 2032)]
    # 500 h × 600 kr = 300 000 (low 400 h: 240 000, high 600 h: 360 000), 2029–31
    + [value(2, y, "hours", 500, 600, a_low=400, a_high=600) for y in range(2029, 2032)]
    # 1 000 h × 500 kr = 500 000 in 2030, shown but not summed
    + [value(3, 2030, "hours", 1000, 500)]
    # 2 000 000 kr × 5 % = 100 000 (low 2.5 %: 50 000, high 10 %: 200 000) in 2031
    + [value(4, 2031, "consumption", 2_000_000, 5, b_low=2.5, b_high=10)]
    # 400 000 − 300 000 = 100 000 in 2029, no range
    + [value(5, 2029, "price", 400_000, 300_000)]
    + [value(6, 2029, "direct", 85)]
    # Outside the horizon: left out.
    + [value(1, 2035, "direct", 9_999_999)]
)
COSTS = [
    {"year": 2027, "kind": "one_off", "expected": 600_000, "low": 500_000, "high": 800_000},
    *[
        {"year": y, "kind": "running", "expected": 50_000, "low": None, "high": None}
        for y in range(2028, 2032)
    ],
]


@pytest.fixture
def result():
    return calc.plan_result(
        benefits=BENEFITS,
        values=VALUES,
        costs=COSTS,
        first_year=YEARS[0],
        horizon=YEARS[1],
        rate=0.04,
    )


def test_it_builds_the_expected_table(result):
    table = result.scenarios["expected"].table
    assert list(table.index) == [2027, 2028, 2029, 2030, 2031]
    assert list(table["costs_avoided"]) == [0, 250_000, 350_000, 250_000, 250_000]
    assert list(table["time_saved"]) == [0, 0, 300_000, 300_000, 300_000]
    assert list(table["other"]) == [0, 0, 0, 0, 100_000]
    assert list(table["benefits"]) == [0, 250_000, 650_000, 550_000, 650_000]
    assert list(table["one_off"]) == [600_000, 0, 0, 0, 0]
    assert list(table["costs"]) == [600_000, 50_000, 50_000, 50_000, 50_000]
    assert list(table["net"]) == [-600_000, 200_000, 600_000, 500_000, 600_000]
    assert list(table["cumulative"]) == [-600_000, -400_000, 200_000, 700_000, 1_300_000]


def test_it_sums_the_totals(result):
    totals = result.scenarios["expected"].totals
    assert totals["benefits"] == 2_100_000
    assert totals["costs"] == 800_000
    assert totals["net"] == 1_300_000
    assert "cumulative" not in totals


def test_it_finds_the_payback_year(result):
    assert result.scenarios["expected"].payback_year == 2029
    assert result.scenarios["pessimistic"].payback_year == 2030
    assert result.scenarios["optimistic"].payback_year == 2029


def test_it_discounts_at_four_percent_with_the_first_year_undiscounted(result):
    by_hand = -600_000 + 200_000 / 1.04 + 600_000 / 1.0816 + 500_000 / 1.124864
    by_hand += 600_000 / 1.16985856
    assert result.scenarios["expected"].npv == pytest.approx(by_hand)
    assert round(result.scenarios["expected"].npv) == 1_104_422


def test_it_takes_low_benefits_and_high_costs_for_the_pessimistic_case(result):
    case = result.scenarios["pessimistic"]
    assert list(case.table["benefits"]) == [0, 200_000, 540_000, 440_000, 490_000]
    assert list(case.table["costs"]) == [800_000, 50_000, 50_000, 50_000, 50_000]
    assert list(case.table["cumulative"]) == [-800_000, -650_000, -160_000, 230_000, 670_000]
    by_hand = -800_000 + 150_000 / 1.04 + 490_000 / 1.0816 + 390_000 / 1.124864
    by_hand += 440_000 / 1.16985856
    assert case.npv == pytest.approx(by_hand)
    assert round(case.npv) == 520_086


def test_it_takes_high_benefits_and_low_costs_for_the_optimistic_case(result):
    case = result.scenarios["optimistic"]
    assert list(case.table["net"]) == [-500_000, 250_000, 710_000, 610_000, 810_000]
    assert case.totals["net"] == 1_880_000
    assert round(case.npv) == 1_631_499


def test_it_shows_but_does_not_sum_time_saved_without_an_alternative_use(result):
    assert list(result.uncounted_time["expected"]) == [0, 0, 0, 500_000, 0]
    assert result.scenarios["expected"].table.loc[2030, "time_saved"] == 300_000


def test_it_keeps_quality_in_its_own_units(result):
    quality = result.quality
    assert list(quality["benefit_id"]) == [6]
    assert list(quality["expected"]) == [85]
    assert 85 not in list(result.scenarios["expected"].table["benefits"])


def test_it_has_no_payback_year_when_the_plan_never_pays_back():
    result = calc.plan_result(
        benefits=[{"id": 1, "kind": "other", "counted": True}],
        values=[value(1, 2027, "direct", 100)],
        costs=[{"year": 2027, "kind": "one_off", "expected": 1000, "low": None, "high": None}],
        first_year=2027,
        horizon=3,
        rate=0.04,
    )
    assert result.scenarios["expected"].payback_year is None
    assert result.scenarios["expected"].npv == -900


def test_it_handles_an_empty_plan():
    result = calc.plan_result(
        benefits=[], values=[], costs=[], first_year=2027, horizon=10, rate=0.04
    )
    assert result.scenarios["expected"].totals["net"] == 0
    assert len(result.scenarios["expected"].table) == 10


@pytest.mark.parametrize(
    ("kind", "use", "decider", "counted"),
    [
        ("time_saved", "", "", False),
        ("time_saved", "Flere hjemmebesøk", "", False),
        ("time_saved", "  ", "Enhetsleder", False),
        ("time_saved", "Flere hjemmebesøk", "Enhetsleder", True),
        ("quality", "Flere hjemmebesøk", "Enhetsleder", False),
        ("costs_avoided", "", "", True),
        ("other", "", "", True),
    ],
)
def test_it_counts_time_saved_only_with_a_use_and_a_decider(kind, use, decider, counted):
    assert calc.counts_in_money(kind=kind, alternative_use=use, decided_by=decider) is counted


@pytest.mark.parametrize(
    ("basis", "a", "b", "amount"),
    [
        ("direct", 1234, None, 1234),
        ("tasks", 1000, 250, 250_000),
        ("consumption", 2_000_000, 5, 100_000),
        ("price", 400_000, 300_000, 100_000),
        ("hours", 500, 600, 300_000),
    ],
)
def test_it_works_out_each_basis(basis, a, b, amount):
    assert calc.value_amount(basis=basis, a=a, b=b) == amount


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1_234_567, "1\u00a0234\u00a0567\u00a0kr"),
        (0, "0\u00a0kr"),
        (-5000.4, "\u22125\u00a0000\u00a0kr"),
        (999.5, "1\u00a0000\u00a0kr"),
    ],
)
def test_it_formats_amounts_the_norwegian_way(value, text):
    assert calc.format_amount(value) == text


def test_it_formats_measured_values_with_a_decimal_comma():
    assert calc.format_number(1234.5) == "1\u00a0234,5"
    assert calc.format_number(85) == "85"


def test_a_missing_estimate_falls_back_to_the_expected_one():
    assert calc.estimates(100, None, None) == (100, 100, 100)
    assert calc.estimates(100, 80, None) == (100, 80, 100)
    assert calc.estimates(100, None, 130) == (100, 100, 130)
    # Zero is an estimate, not a missing one.
    assert calc.estimates(100, 0, 0) == (100, 0, 0)


def test_it_works_out_a_values_three_cases_from_its_factors():
    # 120 tasks × 350 kr; low 80 tasks (cost per task as expected); high 400 kr a task.
    cases = calc.value_cases(basis=calc.TASKS, a=120, b=350, a_low=80, b_high=400)
    assert cases == (42_000, 28_000, 48_000)
    # Consumption 200 000 kr × 15 % reduction; low 10 %: 30 000, 20 000, 30 000.
    cases = calc.value_cases(basis=calc.CONSUMPTION, a=200_000, b=15, b_low=10)
    assert cases == (30_000, 20_000, 30_000)


def test_it_keeps_decimal_factors_exact():
    cases = calc.value_cases(
        basis=calc.PRICE, a=Decimal("10.10"), b=Decimal("0.10"), a_high=Decimal("10.30")
    )
    assert cases == (Decimal("10.00"), Decimal("10.00"), Decimal("10.20"))


def test_the_plan_takes_missing_cost_estimates_from_the_expected_cost():
    result = calc.plan_result(
        benefits=[],
        values=[],
        costs=[
            {"year": 2027, "kind": "one_off", "expected": 100, "low": 80, "high": None},
            {"year": 2027, "kind": "running", "expected": 50, "low": None, "high": 70},
        ],
        first_year=2027,
        horizon=1,
        rate=0.04,
    )
    costs = {name: s.totals["costs"] for name, s in result.scenarios.items()}
    # Pessimistic takes the high estimates (100 + 70), optimistic the low (80 + 50).
    assert costs == {calc.EXPECTED: 150, calc.PESSIMISTIC: 170, calc.OPTIMISTIC: 130}


def test_a_plan_without_benefits_has_no_payback_year():
    from benefits.calculations import plan_result

    result = plan_result(benefits=[], values=[], costs=[], first_year=2026, horizon=3, rate=0.04)
    assert result.scenarios["expected"].payback_year is None


def test_a_measurement_is_judged_against_the_straight_path():
    from datetime import date

    from benefits.calculations import DEVIATION, ON_TRACK, WATCH, track

    path = {"baseline": 100, "baseline_day": date(2026, 1, 1), "target": 0}
    path["target_day"] = date(2027, 1, 1)
    half = date(2026, 7, 2)
    assert track(**path, value=50, day=half) == ON_TRACK
    assert track(**path, value=65, day=half) == WATCH
    assert track(**path, value=95, day=half) == DEVIATION
    assert track(**{**path, "target": 100}, value=50, day=half) is None


def test_a_slide_chart_has_signed_ticks_and_states_its_numbers():
    from benefits.calculations import plan_result
    from benefits.charts import deck_chart, signed_ticks

    assert signed_ticks(-412_345, 1_234_567) == [-410_000.0, 0.0, 1_200_000.0]
    assert signed_ticks(0, 0) == [0.0]
    result = plan_result(
        benefits=[{"id": 1, "kind": "costs_avoided", "counted": True}],
        values=[
            {"benefit_id": 1, "year": 2027, "basis": "direct", "a": 500.0, "b": None}
            | {"a_low": None, "b_low": None, "a_high": None, "b_high": None}
        ],
        costs=[
            {"year": 2026, "kind": "one_off", "expected": 2_000_000.0, "low": None, "high": None}
        ],
        first_year=2026,
        horizon=2,
        rate=0.04,
    )
    chart = deck_chart(result)
    assert "\u22122\u00a0000\u00a0000" in chart["figure"]["layout"]["yaxis"]["ticktext"][0]
    assert chart["figure"]["layout"]["showlegend"]
    assert any("\u22122\u00a0000\u00a0000" in line for line in chart["text"])
