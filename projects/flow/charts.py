"""Plotly figures as plain dicts (the JSON plotly.js draws), built without the
plotly package so a page pays nothing for it. Every chart has a table beside it.

Templates put a figure in the chart's `data-figure` attribute (`as_json`), not
in a json_script tag: the charts are redrawn after htmx swaps, and htmx is
configured to drop every <script> from swapped content."""

import json

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from . import quadrants

# A slim template of the portal's own: plotly's default adds ~8 KB a chart.
BASE_LAYOUT = {
    "font": {"family": "Inter, system-ui, sans-serif", "size": 14, "color": "#1e2b3c"},
    "paper_bgcolor": "#ffffff",
    "plot_bgcolor": "#ffffff",
    "margin": {"l": 60, "r": 20, "t": 20, "b": 60},
    "showlegend": False,
    "height": 420,
}
AXIS = {
    "range": [0.5, 5.5],
    "dtick": 1,
    "zeroline": False,
    "gridcolor": "#e6e9ee",
    "fixedrange": True,
}


def as_json(figure: dict) -> str:
    return json.dumps(figure, separators=(",", ":"))


def quadrant_labels() -> dict[str, str]:
    return {
        quadrants.DO_NOW: _("Do now"),
        quadrants.PLAN: _("Plan"),
        quadrants.WHEN_CAPACITY: _("When there is capacity"),
        quadrants.AVOID: _("Avoid"),
    }


def _scatter(points: list[dict], *, x_title: str, y_title: str, shapes, annotations) -> dict:
    """Numbered dots (the number is the row in the table beside the chart),
    with the item's name on hover."""
    return {
        "data": [
            {
                "type": "scatter",
                "mode": "markers+text",
                "x": [p["x"] for p in points],
                "y": [p["y"] for p in points],
                "text": [str(p["number"]) for p in points],
                "customdata": [p["label"] for p in points],
                "textfont": {"color": "#ffffff", "size": 12},
                "hovertemplate": "%{text}. %{customdata}<extra></extra>",
                "marker": {
                    "size": 24,
                    "color": "#1e5fa8",
                    "line": {"color": "#ffffff", "width": 1},
                },
            }
        ],
        "layout": {
            **BASE_LAYOUT,
            "xaxis": {**AXIS, "title": {"text": x_title}},
            "yaxis": {**AXIS, "title": {"text": y_title}},
            "shapes": shapes,
            "annotations": annotations,
        },
    }


def _points(items, x, y) -> list[dict]:
    """Items numbered 1, 2, … in the given order; items with equal scores are
    spread a little so every dot stays visible."""
    seen: dict[tuple, int] = {}
    points = []
    for number, item in enumerate(items, start=1):
        key = (x(item), y(item))
        n = seen.get(key, 0)
        seen[key] = n + 1
        points.append(
            {
                "x": key[0] + 0.18 * (n % 3) - 0.18 * (n % 3 == 2) * 3,
                "y": key[1] - 0.2 * (n // 3),
                "label": str(item),
                "number": number,
            }
        )
    return points


def matrix_figure(measures) -> dict:
    """Benefit (y) × effort (x) with the four quadrants shaded and labelled;
    `measures` in the table's order. The line between low and high lies just
    below `quadrants.HIGH_FROM`."""
    edge = quadrants.HIGH_FROM - 0.5
    labels = quadrant_labels()
    boxes = [
        (quadrants.DO_NOW, 0.5, edge, edge, 5.5, "rgba(46,160,67,0.14)"),
        (quadrants.PLAN, edge, 5.5, edge, 5.5, "rgba(30,95,168,0.12)"),
        (quadrants.WHEN_CAPACITY, 0.5, edge, 0.5, edge, "rgba(120,120,120,0.10)"),
        (quadrants.AVOID, edge, 5.5, 0.5, edge, "rgba(200,60,60,0.12)"),
    ]
    shapes = [
        {
            "type": "rect",
            "layer": "below",
            "line": {"width": 0},
            "fillcolor": color,
            "x0": x0,
            "x1": x1,
            "y0": y0,
            "y1": y1,
        }
        for _key, x0, x1, y0, y1, color in boxes
    ]
    # Each label sits at its quadrant's outer edge (top or bottom), clear of
    # the dots (which sit on whole numbers) and of the other quadrants' labels.
    annotations = [
        {
            "x": (x0 + x1) / 2,
            "y": y1 if y0 == edge else y0,
            "yanchor": "top" if y0 == edge else "bottom",
            "text": f"<b>{labels[key]}</b>",
            "showarrow": False,
            "font": {"size": 13, "color": "#1e2b3c"},
        }
        for key, x0, x1, y0, y1, _color in boxes
    ]
    points = _points(measures, lambda m: m.effort, lambda m: m.benefit)
    return _scatter(
        points,
        x_title=_("Effort"),
        y_title=pgettext("prioritization", "Benefit"),
        shapes=shapes,
        annotations=annotations,
    )


def stakeholder_figure(stakeholders) -> dict:
    """Interest (x) × influence (y)."""
    points = _points(stakeholders, lambda s: s.interest, lambda s: s.influence)
    shapes = [
        {
            "type": "line",
            "x0": 3,
            "x1": 3,
            "y0": 0.5,
            "y1": 5.5,
            "line": {"color": "#c3c9d2", "dash": "dot"},
        },
        {
            "type": "line",
            "x0": 0.5,
            "x1": 5.5,
            "y0": 3,
            "y1": 3,
            "line": {"color": "#c3c9d2", "dash": "dot"},
        },
    ]
    return _scatter(
        points, x_title=_("Interest"), y_title=_("Influence"), shapes=shapes, annotations=[]
    )
