"""Plotly figures for the portal's pages, as plain JSON for `json_script`.

Figures use a slim template of the portal's own: plotly's default adds ~8 KB
of JSON to every chart."""

import json
import math

import plotly.graph_objects as go
from django.utils.translation import gettext as _

COLOURS = ["#1e5b96", "#e07b00", "#2f7d32", "#b3261e", "#6b4fa1", "#00758f"]

SLIM = go.layout.Template(
    layout={
        "font": {"family": "Inter, DejaVu Sans, sans-serif", "size": 14, "color": "#1e2b3c"},
        "colorway": COLOURS,
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
        "xaxis": {"gridcolor": "#e1e4e8", "zeroline": False, "automargin": True},
        "yaxis": {"gridcolor": "#e1e4e8", "zeroline": False, "automargin": True},
        "legend": {"orientation": "h", "y": -0.2},
    }
)


def as_json(fig: go.Figure) -> dict:
    """The figure as JSON-ready data (numpy values converted by plotly)."""
    fig.update_layout(template=SLIM)
    return json.loads(fig.to_json())


def whole_step(largest: int) -> int:
    """A tick step that shows only whole numbers of projects, about five ticks."""
    return max(1, math.ceil(largest / 5))


def funnel(counts, labels: dict) -> go.Figure:
    """Projects per funnel stage, top to bottom."""
    names = [str(labels[k]) for k in counts.index]
    return go.Figure(
        go.Bar(
            x=list(counts.values),
            y=names,
            orientation="h",
            marker_color=[COLOURS[0]] * 4 + [COLOURS[3]],
            text=list(counts.values),
            textposition="auto",
            hovertemplate="%{y}: %{x}<extra></extra>",
        ),
        layout={
            "yaxis": {"autorange": "reversed"},
            "xaxis": {"dtick": whole_step(max(counts.values, default=0))},
            "height": 260,
        },
    )


def step_status(matrix, step_labels: dict, status_labels: dict) -> go.Figure:
    """Projects per step, stacked by status."""
    colours = {"on_track": COLOURS[2], "at_risk": COLOURS[1], "off_track": COLOURS[3]}
    steps = [str(step_labels[s]) for s in matrix.index]
    return go.Figure(
        [
            go.Bar(
                name=str(status_labels[status]),
                x=steps,
                y=list(matrix[status].values),
                marker_color=colours[status],
            )
            for status in matrix.columns
        ],
        layout={
            "barmode": "stack",
            "yaxis": {"dtick": whole_step(int(matrix.sum(axis=1).max()) if len(matrix) else 0)},
            "height": 300,
        },
    )


def planned_realised(sums) -> go.Figure:
    """Planned against realised benefits, grouped by the index (unit or year)."""
    x = [str(k) for k in sums.index]
    return go.Figure(
        [
            go.Bar(
                name=_("Planned benefits (NPV)"),
                x=x,
                y=list(sums["planned"]),
                marker_color=COLOURS[0],
            ),
            go.Bar(name=_("Realised"), x=x, y=list(sums["realised"]), marker_color=COLOURS[2]),
        ],
        layout={
            "barmode": "group",
            "height": 300,
            # Signed ticks with room for them: −2 000 000 keeps its minus.
            "yaxis": {"tickformat": ",.0f", "automargin": True, "zeroline": True},
            "showlegend": True,
            "separators": ", ",
        },
    )
