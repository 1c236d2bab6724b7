"""The benefit plan's numbers: pure functions on plain data (pandas), no Django.

Values are worked out the way Norwegian benefit guidance does it, keeping the
basis: a direct amount, tasks avoided × cost per task, consumption × expected
reduction (%), old price − new price, hours saved × hourly cost. Time saved is
money only once the freed time has a recorded alternative use and someone who
decides it; quality is kept in its own units. Neither is summed otherwise.
"""

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

DIRECT, TASKS, CONSUMPTION, PRICE, HOURS = "direct", "tasks", "consumption", "price", "hours"
COSTS_AVOIDED, TIME_SAVED, QUALITY, OTHER = "costs_avoided", "time_saved", "quality", "other"
MONEY_KINDS = (COSTS_AVOIDED, TIME_SAVED, OTHER)
EXPECTED, PESSIMISTIC, OPTIMISTIC = "expected", "pessimistic", "optimistic"
# Which estimate of benefits and of costs each scenario takes.
SCENARIOS = {
    EXPECTED: ("expected", "expected"),
    PESSIMISTIC: ("low", "high"),
    OPTIMISTIC: ("high", "low"),
}
TABLE_COLUMNS = [*MONEY_KINDS, "benefits", "one_off", "running", "costs", "net", "cumulative"]
VALUE_COLUMNS = ["benefit_id", "year", "basis", "a", "b", "a_low", "b_low", "a_high", "b_high"]


def counts_in_money(*, kind: str, alternative_use: str, decided_by: str) -> bool:
    """Whether a benefit's values are summed as money."""
    if kind == QUALITY:
        return False
    if kind == TIME_SAVED:
        return bool(alternative_use.strip()) and bool(decided_by.strip())
    return True


def value_amount(*, basis: str, a: float, b: float | None) -> float:
    """One value from its basis (`b` is unused for a direct amount)."""
    b = 0.0 if b is None else b
    if basis == DIRECT:
        return a
    if basis == CONSUMPTION:
        return a * b / 100
    if basis == PRICE:
        return a - b
    return a * b  # tasks × cost per task, hours × hourly cost


CASES = ("expected", "low", "high")
FACTORS = ("a", "b", "a_low", "b_low", "a_high", "b_high")


def estimates[T](expected: T, low: T | None, high: T | None) -> tuple[T, T, T]:
    """(expected, low, high): a missing low or high estimate falls back to the
    expected one. Every place that reads a range (values, costs, their forms
    and tables, the portfolio) takes it from here."""
    return (
        expected,
        expected if low is None else low,
        expected if high is None else high,
    )


def value_cases(*, basis: str, a, b, a_low=None, b_low=None, a_high=None, b_high=None) -> tuple:
    """The expected, low and high amounts of one value, in the factors' own
    number type (Decimals stay exact); missing estimates fall back through
    `estimates`."""
    return tuple(
        value_amount(basis=basis, a=x, b=y)
        for x, y in zip(estimates(a, a_low, a_high), estimates(b, b_low, b_high), strict=True)
    )


def _amounts(basis: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.select(
        [basis == DIRECT, basis == CONSUMPTION, basis == PRICE], [a, a * b / 100, a - b], a * b
    )


def _case_amounts(values: list[dict]) -> dict[str, np.ndarray]:
    """Expected, low and high amounts of `values` (VALUE_COLUMNS records),
    worked out together (the factors through `estimates`)."""
    factors = {key: np.zeros((3, len(values))) for key in ("a", "b")}
    for i, v in enumerate(values):
        for key in ("a", "b"):
            for case, x in enumerate(estimates(v[key], v[f"{key}_low"], v[f"{key}_high"])):
                factors[key][case, i] = 0.0 if x is None else float(x)
    basis = np.array([v["basis"] for v in values], dtype=object)
    return {case: _amounts(basis, factors["a"][n], factors["b"][n]) for n, case in enumerate(CASES)}


def value_amounts(values: pd.DataFrame) -> pd.DataFrame:
    """`values` (VALUE_COLUMNS) with `expected`, `low` and `high` amounts added."""
    out = values.copy()
    records = out[VALUE_COLUMNS].astype(object).where(out[VALUE_COLUMNS].notna(), None)
    for case, amounts in _case_amounts(records.to_dict("records")).items():
        out[case] = amounts
    return out


@dataclass(frozen=True)
class Scenario:
    name: str
    table: pd.DataFrame  # index: year; columns: TABLE_COLUMNS
    totals: pd.Series  # sums over the years (the cumulative column is left out)
    payback_year: int | None
    npv: float


@dataclass(frozen=True)
class PlanResult:
    years: list[int]
    scenarios: dict[str, Scenario]
    # Time saved that is not yet money: per year, expected/low/high.
    uncounted_time: pd.DataFrame
    # Quality in own units: benefit_id, year, expected, low, high.
    quality: pd.DataFrame


def payback_year(cumulative: pd.Series, *, benefits: float = 1.0) -> int | None:
    """The first year whose cumulative net is ≥ 0, or None; None too for a
    plan whose `benefits` (their sum) are nothing: it pays nothing back."""
    if benefits <= 0:
        return None
    reached = np.flatnonzero(cumulative.to_numpy() >= 0)
    return int(cumulative.index[reached[0]]) if len(reached) else None


def discounted(amount, *, year, first_year, rate):
    """`amount` of `year` in the value of `first_year` (numbers or arrays alike):
    the one discounting behind every net present value the portal shows."""
    return amount / (1 + rate) ** (year - first_year)


def net_present_value(net: pd.Series, *, rate: float) -> float:
    """Discounted sum of `net` by year (the index), the first year undiscounted."""
    years = net.index.to_numpy()
    return float(discounted(net.to_numpy(), year=years, first_year=years.min(), rate=rate).sum())


ON_TRACK, WATCH, DEVIATION = "on_track", "watch", "deviation"


def track(
    *, baseline: float, baseline_day, target: float, target_day, value: float, day
) -> str | None:
    """How a measurement (`value` on `day`) stands against the straight path
    from the baseline to the target: ON_TRACK when it has come at least about
    as far as the path says by its day, WATCH when it is at most a quarter of
    the way short, DEVIATION beyond that. None when there is no path (no
    change asked for, or the target day not after the baseline day)."""
    span = (target_day - baseline_day).days
    if span <= 0 or target == baseline:
        return None
    due = min(1.0, max(0.0, (day - baseline_day).days / span))
    gap = due - (value - baseline) / (target - baseline)
    if gap <= 0.05:
        return ON_TRACK
    return WATCH if gap <= 0.25 else DEVIATION


def plan_result(
    *,
    benefits: list[dict],
    values: list[dict],
    costs: list[dict],
    first_year: int,
    horizon: int,
    rate: float,
) -> PlanResult:
    """The plan's per-year table, totals, payback year and NPV for each scenario.

    `benefits`: dicts with id, kind, counted; `values`: VALUE_COLUMNS;
    `costs`: year, kind ("one_off" or "running"), expected, low, high. `rate` is a
    fraction (0.04). Values and costs outside the horizon are left out."""
    # Sums are made with numpy (pandas per-call overhead dominates at this
    # size); the results are pandas tables.
    years = list(range(first_year, first_year + horizon))
    cases = CASES
    kinds = {b["id"]: (b["kind"], b["counted"]) for b in benefits}
    money = np.zeros((3, horizon, len(MONEY_KINDS)))
    uncounted = np.zeros((3, horizon))
    quality = []
    if values:
        amounts = _case_amounts(values)
        for i, v in enumerate(values):
            t = v["year"] - first_year
            if not 0 <= t < horizon:
                continue
            kind, counted = kinds[v["benefit_id"]]
            row = [amounts[c][i] for c in cases]
            if kind == QUALITY:
                quality.append([v["benefit_id"], v["year"], *row])
            elif counted:
                money[:, t, MONEY_KINDS.index(kind)] += row
            elif kind == TIME_SAVED:
                uncounted[:, t] += row
    cost_sums = np.zeros((3, horizon, 2))
    for c in costs:
        t = c["year"] - first_year
        if 0 <= t < horizon:
            row = [float(x) for x in estimates(c["expected"], c["low"], c["high"])]
            cost_sums[:, t, 0 if c["kind"] == "one_off" else 1] += row
    index = pd.Index(years, name="year")
    scenarios = {}
    for name, (benefit_case, cost_case) in SCENARIOS.items():
        gains = money[cases.index(benefit_case)]
        spent = cost_sums[cases.index(cost_case)]
        benefits_total = gains.sum(axis=1)
        costs_total = spent.sum(axis=1)
        net = benefits_total - costs_total
        cumulative = net.cumsum()
        table = pd.DataFrame(
            np.column_stack([gains, benefits_total, spent, costs_total, net, cumulative]),
            index=index,
            columns=TABLE_COLUMNS,
        )
        scenarios[name] = Scenario(
            name=name,
            table=table,
            totals=table.sum().iloc[:-1],  # every column but the cumulative (the last)
            payback_year=payback_year(table["cumulative"], benefits=float(benefits_total.sum())),
            npv=net_present_value(table["net"], rate=rate),
        )
    return PlanResult(
        years=years,
        scenarios=scenarios,
        uncounted_time=pd.DataFrame(uncounted.T, index=index, columns=list(cases)),
        quality=pd.DataFrame(quality, columns=["benefit_id", "year", *cases]),
    )


def format_amount(value: float, *, suffix: str = "kr") -> str:
    """Whole kroner the Norwegian way: 1 234 567 kr, −5 000 kr (no-break spaces)."""
    value = float(value)
    rounded = math.floor(abs(value) + 0.5)  # half away from zero, like a spreadsheet
    if value < 0:
        rounded = -rounded
    digits = f"{abs(rounded):,}".replace(",", "\u00a0")
    sign = "\u2212" if rounded < 0 else ""
    return f"{sign}{digits}\u00a0{suffix}" if suffix else f"{sign}{digits}"


def format_number(value: float) -> str:
    """A measured value the Norwegian way: 1 234,5 (up to two decimals)."""
    text = f"{abs(value):,.2f}".rstrip("0").rstrip(".")
    integer, _, decimals = text.partition(".")
    sign = "\u2212" if value < 0 and float(text.replace(",", "")) != 0 else ""
    integer = integer.replace(",", "\u00a0")
    return f"{sign}{integer},{decimals}" if decimals else f"{sign}{integer}"
