"""Plotly figures of the benefit plan, as JSON-ready dicts for `json_script`.
Every chart is shown with a table of the same numbers beside it.

The figures are written as plotly's figure JSON directly: building them
through plotly.graph_objects validates every property and costs more than the
rest of the page. tests/benefits/test_charts.py checks them with plotly."""

from datetime import date

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
        _bar(years, table[kind].tolist(), labels[kind], COLORS[kind]) for kind in calc.MONEY_KINDS
    ]
    traces.append(_bar(years, (-table["costs"]).tolist(), _("Costs"), COLORS["costs"]))
    traces.append(
        {
            "type": "scatter",
            "x": years,
            "y": table["cumulative"].tolist(),
            "name": _("Cumulative net"),
            "mode": "lines+markers",
            "line": {"color": COLORS["line"], "width": 3},
        }
    )
    return {"data": traces, "layout": {**LAYOUT, "barmode": "relative"}}


def _bar(x, y, name, color) -> dict:
    return {"type": "bar", "x": x, "y": y, "name": str(name), "marker": {"color": color}}


def scenario_chart(result: calc.PlanResult, names: dict[str, str]) -> dict:
    """Cumulative net per year in the three cases."""
    dashes = {calc.EXPECTED: "solid", calc.PESSIMISTIC: "dot", calc.OPTIMISTIC: "dash"}
    traces = [
        {
            "type": "scatter",
            "x": list(result.years),
            "y": scenario.table["cumulative"].tolist(),
            "name": str(names[key]),
            "mode": "lines+markers",
            "line": {"dash": dashes[key], "width": 3},
        }
        for key, scenario in result.scenarios.items()
    ]
    return {"data": traces, "layout": LAYOUT}


def measurement_chart(
    *, points: list[tuple[date, float]], baseline: tuple, target: tuple, unit: str
) -> dict:
    """Measured values over time, with the baseline and the target as points
    and the target path, the straight line between them, dashed."""
    traces = [
        {
            "type": "scatter",
            "x": [d.isoformat() for d, _v in points],
            "y": [v for _d, v in points],
            "name": _("Measured"),
            "mode": "lines+markers",
            "line": {"color": COLORS[calc.COSTS_AVOIDED], "width": 3},
        }
    ]
    if None not in (*baseline, *target):
        traces.append(
            {
                "type": "scatter",
                "x": [baseline[0].isoformat(), target[0].isoformat()],
                "y": [baseline[1], target[1]],
                "name": _("Target path"),
                "mode": "lines",
                "line": {"color": COLORS["line"], "width": 2, "dash": "dash"},
            }
        )
    for (day, value), name, symbol in (
        (baseline, _("Baseline"), "square"),
        (target, _("Target"), "star"),
    ):
        if day is not None and value is not None:
            traces.append(
                {
                    "type": "scatter",
                    "x": [day.isoformat()],
                    "y": [value],
                    "name": name,
                    "mode": "markers",
                    "marker": {"size": 14, "symbol": symbol},
                }
            )
    yaxis = {**LAYOUT["yaxis"], "title": {"text": unit}, "tickformat": ",.2~f"}
    return {"data": traces, "layout": {**LAYOUT, "xaxis": {"type": "date"}, "yaxis": yaxis}}


def deck_chart(result: calc.PlanResult) -> dict:
    """For a slide: benefits up and costs down per year, and the cumulative
    net (expected case), each in the legend with its total, and the same
    numbers as text (`text`) for alt text and notes."""
    scenario = result.scenarios[calc.EXPECTED]
    table = scenario.table
    years = list(result.years)
    benefits = table["benefits"].tolist()
    costs = (-table["costs"]).tolist()
    cumulative = table["cumulative"].tolist()
    names = (_("Benefits"), _("Costs"), _("Cumulative net"))
    traces = [
        _bar(years, benefits, names[0], COLORS[calc.COSTS_AVOIDED]),
        _bar(years, costs, names[1], COLORS["costs"]),
        {
            "type": "scatter",
            "x": years,
            "y": cumulative,
            "name": str(names[2]),
            "mode": "lines+markers",
            "line": {"color": COLORS["line"], "width": 4},
        },
    ]
    text = [
        _("Chart of the expected case per year: benefits, costs (negative) and cumulative net.")
    ]
    text += [
        _("%(year)s: benefits %(benefits)s, costs %(costs)s, cumulative net %(cumulative)s.")
        % {
            "year": year,
            "benefits": calc.format_amount(b),
            "costs": calc.format_amount(c),
            "cumulative": calc.format_amount(n),
        }
        for year, b, c, n in zip(years, benefits, costs, cumulative, strict=True)
    ]
    ticks = signed_ticks(min([0, *costs, *cumulative]), max([0, *benefits, *cumulative]))
    yaxis = {
        **LAYOUT["yaxis"],
        "tickvals": ticks,
        "ticktext": [calc.format_amount(t, suffix="") for t in ticks],
        "zeroline": True,
    }
    layout = {**LAYOUT, "barmode": "relative", "showlegend": True, "yaxis": yaxis}
    return {"figure": {"data": traces, "layout": layout}, "text": text}


def signed_ticks(low: float, high: float) -> list[float]:
    """Zero and the lowest and highest values rounded to two significant
    digits: a negative tick keeps its sign, and three ticks stay legible on a
    slide."""

    def rounded(value: float) -> float:
        if value == 0:
            return 0.0
        digits = len(str(int(abs(value)))) - 2
        return float(round(value, -digits)) if digits > 0 else float(round(value))

    return sorted({rounded(low), 0.0, rounded(high)})
