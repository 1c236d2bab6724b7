"""The figures are valid plotly figures with the same numbers as the tables."""

from datetime import date

import plotly.graph_objects as go

from benefits import calculations as calc
from benefits import charts

RESULT = calc.plan_result(
    benefits=[{"id": 1, "kind": "costs_avoided", "counted": True}],
    values=[
        {"benefit_id": 1, "year": 2028, "basis": "direct", "a": 500, "b": None}
        | dict.fromkeys(["a_low", "b_low", "a_high", "b_high"])
    ],
    costs=[{"year": 2027, "kind": "one_off", "expected": 300, "low": None, "high": None}],
    first_year=2027,
    horizon=3,
    rate=0.04,
)


def test_the_yearly_chart_is_valid_and_has_the_tables_numbers():
    figure = charts.yearly_chart(RESULT)
    go.Figure(figure)  # raises on anything plotly does not know
    bars = {t["name"]: t["y"] for t in figure["data"]}
    assert bars["Unngåtte kostnader"] == [0, 500, 0]
    assert bars["Kostnader"] == [-300, 0, 0]
    assert bars["Akkumulert netto"] == [-300, 200, 200]


def test_the_scenario_chart_is_valid():
    figure = charts.scenario_chart(RESULT, {"expected": "F", "pessimistic": "P", "optimistic": "O"})
    go.Figure(figure)
    assert [t["name"] for t in figure["data"]] == ["F", "P", "O"]


def test_the_measurement_chart_is_valid():
    figure = charts.measurement_chart(
        points=[(date(2026, 3, 1), 131.0)],
        baseline=(date(2026, 1, 1), 140.0),
        target=(date(2027, 12, 31), 30.0),
        unit="telefoner",
    )
    go.Figure(figure)
    assert [t["name"] for t in figure["data"]] == ["Målt", "Målbane", "Nullpunkt", "Mål"]
    path = figure["data"][1]
    assert path["x"] == ["2026-01-01", "2027-12-31"]
    assert path["y"] == [140.0, 30.0]


def test_the_measurement_chart_draws_no_path_without_a_target():
    figure = charts.measurement_chart(
        points=[(date(2026, 3, 1), 131.0)],
        baseline=(date(2026, 1, 1), 140.0),
        target=(None, 30.0),
        unit="telefoner",
    )
    go.Figure(figure)
    assert [t["name"] for t in figure["data"]] == ["Målt", "Nullpunkt"]
