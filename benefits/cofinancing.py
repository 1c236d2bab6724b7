"""The co-financing report (Digdir's medfinansieringsordning) and DFØ's
plus-minus scale: pure functions on plain data, no Django.

Definitions, all in the expected case, values in fixed prices of the plan's
first year, discounted to that year with `calculations.discounted`:

- present value of benefits (PV_B): the benefits counted in money;
- present value of costs (PV_C): one-off and running costs;
- net present value: PV_B − PV_C (the plan's own NPV);
- present value of the investment (PV_I): the one-off costs only;
- net present value per invested krone: (PV_B − PV_C) / PV_I; none when
  the plan has no one-off costs (nothing is invested).

Benefits are split by who gains (`Benefit.gainer`): the own organisation,
other public bodies, and society (citizens and users). Realised amounts are
what the team records per benefit and year; only benefits counted in money
have planned amounts to set them against.
"""

from dataclasses import dataclass

import numpy as np

from . import calculations as calc

OWN, PUBLIC, SOCIETY = "own_unit", "other_public", "citizens"
GROUPS = (OWN, PUBLIC, SOCIETY)
MINUS = "\u2212"


def plus_minus(score: int) -> str:
    """DFØ's sign for `score` (−3 … +3): −−−, −−, −, 0, +, ++, +++."""
    if score == 0:
        return "0"
    return ("+" if score > 0 else MINUS) * abs(score)


@dataclass(frozen=True)
class YearRow:
    year: int
    planned: float
    realised: float | None  # None: nothing recorded for the year


@dataclass(frozen=True)
class BenefitRow:
    id: int
    planned: float  # undiscounted, over the plan's years
    present_value: float
    realised: float


@dataclass(frozen=True)
class CoFinancing:
    pv_benefits: float
    pv_costs: float
    pv_investment: float
    npv: float
    per_krone: float | None
    groups: dict[str, tuple[float, float]]  # gainer → (undiscounted, present value)
    years: list[YearRow]
    benefits: dict[int, BenefitRow]


def _planned(benefits: list[dict], values: list[dict], *, first_year: int, horizon: int):
    """Expected amount per counted benefit and year: {id: array over the years}."""
    counted = {b["id"] for b in benefits if b["counted"] and b["kind"] != calc.QUALITY}
    planned = {b["id"]: np.zeros(horizon) for b in benefits if b["id"] in counted}
    for v in values:
        t = v["year"] - first_year
        if v["benefit_id"] in counted and 0 <= t < horizon:
            b = None if v["b"] is None else float(v["b"])
            planned[v["benefit_id"]][t] += calc.value_amount(basis=v["basis"], a=float(v["a"]), b=b)
    return planned


def cofinancing(
    *,
    benefits: list[dict],
    values: list[dict],
    costs: list[dict],
    realised: list[dict],
    first_year: int,
    horizon: int,
    rate: float,
) -> CoFinancing:
    """The report's figures. `benefits`: dicts with id, kind, counted, gainer;
    `values`: calculations.VALUE_COLUMNS; `costs`: year, kind, expected;
    `realised`: benefit_id, year, amount. `rate` is a fraction (0.04)."""
    years = np.arange(first_year, first_year + horizon)
    factor = calc.discounted(1.0, year=years, first_year=first_year, rate=rate)
    planned = _planned(benefits, values, first_year=first_year, horizon=horizon)
    spent, invested = np.zeros(horizon), np.zeros(horizon)
    for c in costs:
        t = c["year"] - first_year
        if 0 <= t < horizon:
            spent[t] += float(c["expected"])
            if c["kind"] == "one_off":
                invested[t] += float(c["expected"])
    got = np.zeros(horizon)
    recorded = np.zeros(horizon, dtype=bool)
    by_benefit: dict[int, float] = {}
    for r in realised:
        t = r["year"] - first_year
        if 0 <= t < horizon:
            got[t] += float(r["amount"])
            recorded[t] = True
            by_benefit[r["benefit_id"]] = by_benefit.get(r["benefit_id"], 0.0) + float(r["amount"])
    gainers = {b["id"]: b["gainer"] for b in benefits}
    groups = {g: (0.0, 0.0) for g in GROUPS}
    rows = {}
    total = np.zeros(horizon)
    for benefit_id, amounts in planned.items():
        pv = float((amounts * factor).sum())
        rows[benefit_id] = BenefitRow(
            benefit_id, float(amounts.sum()), pv, by_benefit.get(benefit_id, 0.0)
        )
        undiscounted, present = groups.get(gainers[benefit_id], (0.0, 0.0))
        groups[gainers[benefit_id]] = (undiscounted + float(amounts.sum()), present + pv)
        total += amounts
    pv_benefits = float((total * factor).sum())
    pv_costs = float((spent * factor).sum())
    pv_investment = float((invested * factor).sum())
    npv = pv_benefits - pv_costs
    return CoFinancing(
        pv_benefits=pv_benefits,
        pv_costs=pv_costs,
        pv_investment=pv_investment,
        npv=npv,
        per_krone=npv / pv_investment if pv_investment > 0 else None,
        groups=groups,
        years=[
            YearRow(int(y), float(total[t]), float(got[t]) if recorded[t] else None)
            for t, y in enumerate(years)
        ],
        benefits=rows,
    )
