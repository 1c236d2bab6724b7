"""The portfolio's figures: pure pandas on a frame of projects, no Django."""

import pandas as pd

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
