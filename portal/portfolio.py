"""The portfolio's figures: pure pandas on a frame of projects, no Django."""

import pandas as pd

from benefits import progress
from benefits.calculations import discounted
from projects.flow.quadrants import PLACEMENTS, bimodal_placement

FUNNEL_ORDER = ["idea", "matching", "project", "operation", "stopped"]
STEP_ORDER = ["hypothesis", "goals", "deliver", "operation"]
STATUS_ORDER = ["on_track", "at_risk", "off_track"]


def funnel_counts(frame: pd.DataFrame) -> pd.Series:
    """Projects per funnel stage in funnel order; stages with none count 0."""
    counts = frame["funnel_stage"].value_counts() if len(frame) else pd.Series(dtype=int)
    return counts.reindex(FUNNEL_ORDER, fill_value=0).astype(int)


def step_status_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Projects per step (rows) and status (columns), every combination present."""
    table = pd.crosstab(frame["step"], frame["status"]) if len(frame) else pd.DataFrame()
    return table.reindex(index=STEP_ORDER, columns=STATUS_ORDER, fill_value=0).astype(int)


def ambition_capacity_quadrant(*, ambition: str, capacity: str) -> str:
    """Where a unit stands: high ambition with low capacity is the gap to act on."""
    return {
        ("high", "high"): "ready",
        ("high", "low"): "gap",
        ("low", "high"): "untapped",
        ("low", "low"): "dormant",
    }[(ambition, capacity)]


def benefit_progress(indicators: pd.DataFrame, measurements: pd.DataFrame) -> pd.Series:
    """Per benefit: how far its indicators have come from baseline to target,
    0–1, by each indicator's latest measurement (mean over measured indicators)."""
    if indicators.empty or measurements.empty:
        return pd.Series(dtype=float)
    latest = measurements.sort_values(["indicator_id", "date"]).groupby("indicator_id").last()
    joined = indicators.join(latest["value"], on="indicator_id", how="inner")
    joined = joined[joined["target_value"].notna() & joined["baseline_value"].notna()]
    joined = joined[joined["target_value"] != joined["baseline_value"]]
    share = (joined["value"] - joined["baseline_value"]) / (
        joined["target_value"] - joined["baseline_value"]
    )
    return joined.assign(share=share.clip(0, 1)).groupby("benefit_id")["share"].mean()


def status_counts(indicators: pd.DataFrame, measurements: pd.DataFrame) -> dict[int, dict]:
    """Project id → its indicators counted by status against their target
    paths (benefits.progress), by each indicator's latest measurement and its
    plan's tolerance; projects without indicators are left out.
    `indicators`: indicator_id, project_id, tolerance and the baseline's and
    target's values and dates; `measurements`: indicator_id, date, value.
    One pass over each in plain Python: pandas' grouping costs more than the
    work on a portfolio's few thousand rows."""
    latest = {}
    for pk, day, value in zip(
        *(measurements[c].tolist() for c in ("indicator_id", "date", "value")), strict=True
    ):
        if pk not in latest or day >= latest[pk][0]:
            latest[pk] = (day, value)
    counts: dict[int, dict] = {}
    columns = ["indicator_id", "project_id", "tolerance"]
    columns += ["baseline_value", "baseline_date", "target_value", "target_date"]
    for pk, project_id, tolerance, *path in zip(
        *(indicators[c].tolist() for c in columns), strict=True
    ):
        # NaN, the frame's missing number, is the one value unequal to itself.
        path = progress.Path(*(v if v == v else None for v in path))
        key = progress.latest_status(
            path, [latest[pk]] if pk in latest else [], tolerance=tolerance
        )
        counts.setdefault(int(project_id), progress.count([]))[key] += 1
    return counts


def benefit_summary(
    *,
    plans: pd.DataFrame,
    values: pd.DataFrame,
    costs: pd.DataFrame,
    progress: pd.Series,
    this_year: int,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Planned benefits against realised ones.

    `plans`: plan_id, project_id, unit, first_year, horizon, rate (fraction);
    `values`: plan_id, benefit_id, year, counted, amount (expected money);
    `costs`: plan_id, year, amount; `progress`: benefit_id → 0–1.
    The planned benefit (the one figure the table, the charts, the exports
    and the decks call "planned") is the net present value of the expected
    case: per year, that year's discounted net, so that the years, the units
    and the projects all add up to the same total. Benefits and costs are
    the undiscounted expected sums, shown in their own columns. Realised to
    date is each counted value up to this year, weighted by its benefit's
    measured progress. Returns (per project: project_id, planned, benefits,
    costs, realised) and (per unit and year: unit, year, planned, realised)."""
    empty = (
        pd.DataFrame(columns=["project_id", "planned", "benefits", "costs", "realised"]),
        pd.DataFrame(columns=["unit", "year", "planned", "realised"]),
    )
    if plans.empty:
        return empty
    plans = plans.set_index("plan_id")
    # astype(bool): an empty object column would select columns, not rows.
    money = values[values["counted"].astype(bool)].join(plans, on="plan_id", how="inner")
    money = money[
        (money["year"] >= money["first_year"])
        & (money["year"] < money["first_year"] + money["horizon"])
    ]
    money = money.assign(
        share=money["benefit_id"].map(progress).fillna(0.0),
        past=money["year"] <= this_year,
    )
    money = money.assign(realised=money["amount"] * money["share"] * money["past"])
    spent = costs.join(plans, on="plan_id", how="inner")
    spent = spent[
        (spent["year"] >= spent["first_year"])
        & (spent["year"] < spent["first_year"] + spent["horizon"])
    ]
    net = pd.concat(
        [
            money[["plan_id", "year", "amount"]],
            spent[["plan_id", "year"]].assign(amount=-spent["amount"]),
        ],
        ignore_index=True,  # an empty part keeps plan_id as its index's name
    ).join(plans[["first_year", "rate", "project_id", "unit"]], on="plan_id")
    net = net.assign(
        discounted=discounted(
            net["amount"], year=net["year"], first_year=net["first_year"], rate=net["rate"]
        )
    )
    per_project = (
        pd.DataFrame({"project_id": plans["project_id"]})
        .set_index("project_id")
        .join(net.groupby("project_id")["discounted"].sum().rename("planned"))
        .join(money.groupby("project_id")["amount"].sum().rename("benefits"))
        .join(spent.groupby("project_id")["amount"].sum().rename("costs"))
        .join(money.groupby("project_id")["realised"].sum())
        .fillna(0.0)
        .reset_index()
    )
    per_unit_year = (
        net.groupby(["unit", "year"])["discounted"]
        .sum()
        .rename("planned")
        .to_frame()
        .join(money.groupby(["unit", "year"])["realised"].sum(), how="outer")
        .fillna(0.0)
        .reset_index()
    )
    return per_project, per_unit_year


def bimodal_counts(frame: pd.DataFrame) -> pd.Series:
    """Projects per bimodal placement (island, extension, new core, shift), and
    those not placed yet under "none"."""
    placements = [
        bimodal_placement(mode1_effect=str(effect), maturity=str(maturity)) or "none"
        for effect, maturity in zip(
            frame["flow__mode1_effect"], frame["flow__bimodal_maturity"], strict=True
        )
    ]
    counts = pd.Series(placements, dtype=object).value_counts()
    return counts.reindex([*PLACEMENTS, "none"], fill_value=0).astype(int)
