"""The co-financing report's figures and DFØ's plus-minus scale, against
numbers worked out by hand (no database)."""

import pytest

from benefits import calculations, cofinancing

# A plan of 2027–2029 at 4 %: discount factors 1, 1/1.04, 1/1.0816.
BENEFITS = [
    {"id": 1, "kind": "costs_avoided", "counted": True, "gainer": "own_unit"},
    {"id": 2, "kind": "other", "counted": True, "gainer": "other_public"},
    {"id": 3, "kind": "quality", "counted": False, "gainer": "citizens"},
    {"id": 4, "kind": "time_saved", "counted": False, "gainer": "citizens"},
]


def value(benefit_id, year, a, basis="direct", b=None):
    return {
        "benefit_id": benefit_id,
        "year": year,
        "basis": basis,
        "a": a,
        "b": b,
        **dict.fromkeys(("a_low", "b_low", "a_high", "b_high")),
    }


VALUES = [
    value(1, 2027, 100_000),
    value(1, 2028, 400, basis="tasks", b=260),  # 104 000
    value(2, 2029, 108_160),
    value(3, 2027, 5),  # quality: own unit, never money
    value(4, 2028, 1_000_000),  # time saved without a use: not money
    value(1, 2031, 1_000_000),  # outside the plan's years
]
COSTS = [
    {"year": 2027, "kind": "one_off", "expected": 150_000, "low": None, "high": None},
    {"year": 2028, "kind": "running", "expected": 52_000, "low": None, "high": None},
]
REALISED = [
    {"benefit_id": 1, "year": 2027, "amount": 90_000},
    {"benefit_id": 1, "year": 2028, "amount": 110_000},
]


def report(**changes):
    data = {
        "benefits": BENEFITS,
        "values": VALUES,
        "costs": COSTS,
        "realised": REALISED,
        "first_year": 2027,
        "horizon": 3,
        "rate": 0.04,
        **changes,
    }
    return cofinancing.cofinancing(**data)


def test_it_works_out_the_net_present_value_per_invested_krone():
    r = report()
    # Benefits: 100 000 + 104 000 / 1.04 + 108 160 / 1.0816 = 300 000
    assert r.pv_benefits == pytest.approx(300_000)
    # Costs: 150 000 + 52 000 / 1.04 = 200 000; invested (one-off): 150 000
    assert r.pv_costs == pytest.approx(200_000)
    assert r.pv_investment == pytest.approx(150_000)
    assert r.npv == pytest.approx(100_000)
    # 100 000 / 150 000
    assert r.per_krone == pytest.approx(2 / 3)


def test_its_net_present_value_is_the_plans_own():
    plan = calculations.plan_result(
        benefits=BENEFITS, values=VALUES, costs=COSTS, first_year=2027, horizon=3, rate=0.04
    )
    assert report().npv == pytest.approx(plan.scenarios[calculations.EXPECTED].npv)


def test_a_plan_without_one_off_costs_has_no_ratio():
    running = [c for c in COSTS if c["kind"] == "running"]
    r = report(costs=running)
    assert r.pv_investment == 0
    assert r.per_krone is None
    assert r.npv == pytest.approx(250_000)


def test_benefits_are_split_by_who_gains():
    groups = report().groups
    assert groups["own_unit"] == pytest.approx((204_000, 200_000))
    assert groups["other_public"] == pytest.approx((108_160, 100_000))
    # Quality and uncounted time saved are no money for society either.
    assert groups["citizens"] == (0.0, 0.0)


def test_planned_is_set_against_what_is_recorded_per_year():
    years = report().years
    assert [(y.year, y.planned, y.realised) for y in years] == [
        (2027, pytest.approx(100_000), 90_000),
        (2028, pytest.approx(104_000), 110_000),
        (2029, pytest.approx(108_160), None),  # nothing recorded: not zero
    ]
    benefits = report().benefits
    assert benefits[1].planned == pytest.approx(204_000)
    assert benefits[1].realised == 200_000
    assert benefits[2].realised == 0
    assert 3 not in benefits and 4 not in benefits


def test_realised_outside_the_years_is_left_out():
    r = report(realised=[{"benefit_id": 1, "year": 2035, "amount": 5}])
    assert all(y.realised is None for y in r.years)


@pytest.mark.parametrize(
    ("score", "sign"),
    [(-3, "−−−"), (-2, "−−"), (-1, "−"), (0, "0"), (1, "+"), (2, "++"), (3, "+++")],
)
def test_the_plus_minus_scale_reads_as_dfo_writes_it(score, sign):
    assert cofinancing.plus_minus(score) == sign.replace("−", "\u2212")
