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
