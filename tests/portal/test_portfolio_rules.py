import pandas as pd

from portal.portfolio import ambition_capacity_quadrant, funnel_counts, step_status_counts


def frame(rows):
    return pd.DataFrame(rows, columns=["step", "status", "funnel_stage"])


def test_funnel_counts_every_stage_in_order_with_zeros():
    counts = funnel_counts(
        frame(
            [
                ("goals", "on_track", "idea"),
                ("goals", "at_risk", "stopped"),
                ("deliver", "on_track", "idea"),
            ]
        )
    )
    assert list(counts.index) == ["idea", "matching", "project", "operation", "stopped"]
    assert list(counts) == [2, 0, 0, 0, 1]


def test_funnel_counts_of_nothing_are_zero():
    assert list(funnel_counts(frame([]))) == [0, 0, 0, 0, 0]


def test_step_status_counts_fill_every_cell():
    table = step_status_counts(
        frame(
            [
                ("goals", "at_risk", "idea"),
                ("goals", "at_risk", "idea"),
                ("operation", "on_track", "operation"),
            ]
        )
    )
    assert table.loc["goals", "at_risk"] == 2
    assert table.loc["operation", "on_track"] == 1
    assert table.loc["hypothesis", "off_track"] == 0
    assert table.shape == (4, 3)


def test_high_ambition_with_low_capacity_is_the_gap():
    assert ambition_capacity_quadrant(ambition="high", capacity="low") == "gap"
    assert ambition_capacity_quadrant(ambition="high", capacity="high") == "ready"
    assert ambition_capacity_quadrant(ambition="low", capacity="high") == "untapped"
    assert ambition_capacity_quadrant(ambition="low", capacity="low") == "dormant"


def test_planned_is_the_npv_and_realised_follows_measured_progress():
    from portal.portfolio import benefit_progress, benefit_summary

    plans = pd.DataFrame(
        [(1, 10, "Helse", 2025, 3, 0.04)],
        columns=["plan_id", "project_id", "unit", "first_year", "horizon", "rate"],
    )
    values = pd.DataFrame(
        [
            (1, 100, 2025, True, 1000.0),
            (1, 100, 2026, True, 1000.0),
            (1, 100, 2027, True, 1000.0),
            (1, 100, 2028, True, 1000.0),  # beyond the horizon: left out
            (1, 200, 2025, False, 500.0),  # time saved without a use: not money
        ],
        columns=["plan_id", "benefit_id", "year", "counted", "amount"],
    )
    costs = pd.DataFrame([(1, 2025, 1500.0)], columns=["plan_id", "year", "amount"])
    indicators = pd.DataFrame(
        [(7, 100, 10.0, 20.0)],
        columns=["indicator_id", "benefit_id", "baseline_value", "target_value"],
    )
    measurements = pd.DataFrame(
        [(7, "2025-06-01", 12.0), (7, "2026-03-01", 15.0)],
        columns=["indicator_id", "date", "value"],
    )
    progress = benefit_progress(indicators, measurements)
    assert progress.to_dict() == {100: 0.5}  # 15 is half way from 10 to 20
    per_project, per_unit_year = benefit_summary(
        plans=plans, values=values, costs=costs, progress=progress, this_year=2026
    )
    # Net: 2025 −500, 2026 1000, 2027 1000; NPV = −500 + 1000/1.04 + 1000/1.04².
    expected_npv = -500 + 1000 / 1.04 + 1000 / 1.04**2
    row = per_project.set_index("project_id").loc[10]
    assert round(row["planned"], 6) == round(expected_npv, 6)
    assert row["realised"] == 1000.0  # half of 2025 and of 2026, nothing of 2027
    assert per_unit_year.set_index("year")["planned"].to_dict() == {
        2025: 1000.0,
        2026: 1000.0,
        2027: 1000.0,
    }


def test_no_plans_give_empty_summaries():
    from portal.portfolio import benefit_summary

    per_project, per_unit_year = benefit_summary(
        plans=pd.DataFrame(),
        values=pd.DataFrame(),
        costs=pd.DataFrame(),
        progress=pd.Series(dtype=float),
        this_year=2026,
    )
    assert per_project.empty and per_unit_year.empty


def test_bimodal_counts_place_every_project():
    from portal.portfolio import bimodal_counts

    frame = pd.DataFrame(
        [("low", "low"), ("high", "low"), ("high", "high"), ("high", "high"), (None, "low")],
        columns=["flow__mode1_effect", "flow__bimodal_maturity"],
    )
    assert bimodal_counts(frame).to_dict() == {
        "island": 1,
        "extension": 0,
        "new_core": 2,
        "shift": 1,
        "none": 1,
    }


def test_a_plan_without_costs_or_money_plans_nothing():
    from portal.portfolio import benefit_summary

    plans = pd.DataFrame(
        [(1, 10, "Helse", 2025, 3, 0.04)],
        columns=["plan_id", "project_id", "unit", "first_year", "horizon", "rate"],
    )
    values = pd.DataFrame(
        [(1, 200, 2025, False, 500.0)],  # time saved without a use: not money
        columns=["plan_id", "benefit_id", "year", "counted", "amount"],
    )
    costs = pd.DataFrame(columns=["plan_id", "year", "amount"])
    per_project, per_unit_year = benefit_summary(
        plans=plans, values=values, costs=costs, progress=pd.Series(dtype=float), this_year=2026
    )
    assert per_project.to_dict("records") == [{"project_id": 10, "planned": 0.0, "realised": 0.0}]
    assert per_unit_year.empty


def test_a_plan_without_values_plans_only_its_costs():
    from portal.portfolio import benefit_summary

    plans = pd.DataFrame(
        [(1, 10, "Helse", 2025, 3, 0.0)],
        columns=["plan_id", "project_id", "unit", "first_year", "horizon", "rate"],
    )
    # As the database gives them for a plan with no values yet.
    values = pd.DataFrame(columns=["plan_id", "benefit_id", "year"]).assign(counted=[], amount=[])
    costs = pd.DataFrame([(1, 2025, 300.0)], columns=["plan_id", "year", "amount"])
    per_project, _ = benefit_summary(
        plans=plans, values=values, costs=costs, progress=pd.Series(dtype=float), this_year=2026
    )
    assert per_project.to_dict("records") == [
        {"project_id": 10, "planned": -300.0, "realised": 0.0}
    ]
