"""Plotly figures of the benefit plan, as JSON-ready dicts for `json_script`.
Every chart is shown with a table of the same numbers beside it."""

from datetime import date

import plotly.graph_objects as go
from django.utils.translation import gettext as _

from . import calculations as calc

# A slim look of the portal's own instead of plotly's default template.
LAYOUT = {
    "template": None,
    "font": {"family": "Inter, DejaVu Sans, Arial, sans-serif", "size": 14, "color": "#1e2b3c"},
    "margin": {"l": 70, "r": 20, "t": 40, "b": 40},
    "paper_bgcolor": "rgba(0,0,0,0)",
    "plot_bgcolor": "rgba(0,0,0,0)",
    "legend": {"orientation": "h", "y": -0.15},
    "separators": ", ",
    "yaxis": {"gridcolor": "#d7dde4", "zerolinecolor": "#68707c", "tickformat": ",.0f"},
    "xaxis": {"dtick": 1},
}
COLORS = {
    calc.COSTS_AVOIDED: "#0062ba",
    calc.TIME_SAVED: "#1a7f37",
    calc.OTHER: "#6d4ba8",
    "costs": "#c22d2d",
    "line": "#1e2b3c",
}


def kind_labels() -> dict[str, str]:
    from projects.models import BenefitKind

    return {k: str(BenefitKind(k).label) for k in calc.MONEY_KINDS}


def yearly_chart(result: calc.PlanResult) -> dict:
    """Benefits by kind up, costs down, and the cumulative net (expected case)."""
    table = result.scenarios[calc.EXPECTED].table
    years = list(result.years)
    labels = kind_labels()
    traces = [
        go.Bar(x=years, y=table[kind].tolist(), name=labels[kind], marker_color=COLORS[kind])
        for kind in calc.MONEY_KINDS
    ]
    traces.append(
        go.Bar(x=years, y=(-table["costs"]).tolist(), name=_("Costs"), marker_color=COLORS["costs"])
    )
    traces.append(
        go.Scatter(
            x=years,
            y=table["cumulative"].tolist(),
            name=_("Cumulative net"),
            mode="lines+markers",
            line={"color": COLORS["line"], "width": 3},
        )
    )
    return go.Figure(data=traces, layout={**LAYOUT, "barmode": "relative"}).to_plotly_json()


def scenario_chart(result: calc.PlanResult, names: dict[str, str]) -> dict:
    """Cumulative net per year in the three cases."""
    dashes = {calc.EXPECTED: "solid", calc.PESSIMISTIC: "dot", calc.OPTIMISTIC: "dash"}
    traces = [
        go.Scatter(
            x=list(result.years),
            y=scenario.table["cumulative"].tolist(),
            name=names[key],
            mode="lines+markers",
            line={"dash": dashes[key], "width": 3},
        )
        for key, scenario in result.scenarios.items()
    ]
    return go.Figure(data=traces, layout=LAYOUT).to_plotly_json()


def measurement_chart(
    *, points: list[tuple[date, float]], baseline: tuple, target: tuple, unit: str
) -> dict:
    """Measured values over time, with the baseline and the target as points."""
    traces = [
        go.Scatter(
            x=[d.isoformat() for d, _v in points],
            y=[v for _d, v in points],
            name=_("Measured"),
            mode="lines+markers",
            line={"color": COLORS[calc.COSTS_AVOIDED], "width": 3},
        )
    ]
    for (day, value), name, symbol in (
        (baseline, _("Baseline"), "square"),
        (target, _("Target"), "star"),
    ):
        if day is not None and value is not None:
            traces.append(
                go.Scatter(
                    x=[day.isoformat()],
                    y=[value],
                    name=name,
                    mode="markers",
                    marker={"size": 14, "symbol": symbol},
                )
            )
    layout = {**LAYOUT, "xaxis": {"type": "date"}, "yaxis": {**LAYOUT["yaxis"], "title": unit}}
    layout["yaxis"]["tickformat"] = ",.2~f"
    return go.Figure(data=traces, layout=layout).to_plotly_json()
