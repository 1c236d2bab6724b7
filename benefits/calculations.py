"""The benefit plan's numbers: pure functions on plain data (pandas), no Django.

Values are worked out the way Norwegian benefit guidance does it, keeping the
basis: a direct amount, tasks avoided × cost per task, consumption × expected
reduction (%), old price − new price, hours saved × hourly cost. Time saved is
money only once the freed time has a recorded alternative use and someone who
decides it; quality is kept in its own units. Neither is summed otherwise.
"""

from dataclasses import dataclass
from decimal import Decimal

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
COST_COLUMNS = ["year", "kind", "expected", "low", "high"]


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


def value_amounts(values: pd.DataFrame) -> pd.DataFrame:
    """`values` (VALUE_COLUMNS) with `expected`, `low` and `high` amounts added.

    A missing low or high factor falls back to the expected one."""
    out = values.copy()
    basis = out["basis"].to_numpy()
    for case, (a_col, b_col) in {
        "expected": ("a", "b"),
        "low": ("a_low", "b_low"),
        "high": ("a_high", "b_high"),
    }.items():
        a = out[a_col].fillna(out["a"]).astype(float).to_numpy()
        b = out[b_col].fillna(out["b"]).fillna(0).astype(float).to_numpy()
        out[case] = np.select(
            [basis == DIRECT, basis == CONSUMPTION, basis == PRICE],
            [a, a * b / 100, a - b],
            default=a * b,
        )
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


def payback_year(cumulative: pd.Series) -> int | None:
    """The first year whose cumulative net is ≥ 0, or None."""
    reached = cumulative[cumulative >= 0]
    return int(reached.index[0]) if len(reached) else None


def net_present_value(net: pd.Series, *, rate: float) -> float:
    """Discounted sum of `net` by year (the index), the first year undiscounted."""
    t = net.index.to_numpy() - net.index.min()
    return float((net.to_numpy() / (1 + rate) ** t).sum())


def _frame(records, columns) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(list(records), columns=columns)
    for col in columns:
        if frame[col].dtype == object and len(frame) and isinstance(frame[col].iloc[0], Decimal):
            frame[col] = frame[col].astype(float)
    return frame


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
    `costs`: COST_COLUMNS with kind "one_off" or "running". `rate` is a
    fraction (0.04). Values and costs outside the horizon are left out."""
    years = list(range(first_year, first_year + horizon))
    kinds = {b["id"]: (b["kind"], b["counted"]) for b in benefits}
    vals = value_amounts(_frame(values, VALUE_COLUMNS))
    vals = vals[vals["year"].isin(years)]
    vals["kind"] = vals["benefit_id"].map(lambda pk: kinds[pk][0])
    vals["counted"] = vals["benefit_id"].map(lambda pk: kinds[pk][1]).astype(bool)
    cases = ["expected", "low", "high"]

    money = vals[vals["counted"]]
    by_kind = money.groupby(["year", "kind"])[cases].sum()
    cost_frame = _frame(costs, COST_COLUMNS)
    cost_frame = cost_frame[cost_frame["year"].isin(years)]
    cost_frame["low"] = cost_frame["low"].fillna(cost_frame["expected"]).astype(float)
    cost_frame["high"] = cost_frame["high"].fillna(cost_frame["expected"]).astype(float)
    cost_frame["expected"] = cost_frame["expected"].astype(float)
    cost_by_kind = cost_frame.groupby(["year", "kind"])[cases].sum()

    scenarios = {}
    for name, (benefit_case, cost_case) in SCENARIOS.items():
        table = pd.DataFrame(0.0, index=pd.Index(years, name="year"), columns=TABLE_COLUMNS)
        if len(by_kind):
            wide = by_kind[benefit_case].unstack("kind")
            for kind in MONEY_KINDS:
                if kind in wide.columns:
                    table[kind] = wide[kind].reindex(years).fillna(0.0).to_numpy()
        if len(cost_by_kind):
            wide = cost_by_kind[cost_case].unstack("kind")
            for kind in ("one_off", "running"):
                if kind in wide.columns:
                    table[kind] = wide[kind].reindex(years).fillna(0.0).to_numpy()
        table["benefits"] = table[list(MONEY_KINDS)].sum(axis=1)
        table["costs"] = table["one_off"] + table["running"]
        table["net"] = table["benefits"] - table["costs"]
        table["cumulative"] = table["net"].cumsum()
        scenarios[name] = Scenario(
            name=name,
            table=table,
            totals=table.drop(columns="cumulative").sum(),
            payback_year=payback_year(table["cumulative"]),
            npv=net_present_value(table["net"], rate=rate),
        )

    time_left_out = vals[(vals["kind"] == TIME_SAVED) & ~vals["counted"]]
    uncounted = time_left_out.groupby("year")[cases].sum().reindex(years).fillna(0.0)
    quality = vals[vals["kind"] == QUALITY][["benefit_id", "year", *cases]]
    return PlanResult(years=years, scenarios=scenarios, uncounted_time=uncounted, quality=quality)


def format_amount(value: float, *, suffix: str = "kr") -> str:
    """Whole kroner the Norwegian way: 1 234 567 kr, −5 000 kr (no-break spaces)."""
    rounded = int(Decimal(str(value)).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
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
