"""The target path, achievement and status, against hand-worked numbers.

Dates: baseline 1 January 2024, target 10 April 2024 (100 days later, 2024
being a leap year), so 20 February 2024 is day 50, half way."""

from datetime import date

import pytest

from benefits import progress
from benefits.progress import DEVIATION, NOT_MEASURED, ON_TRACK, WATCH, Path

START, HALF, END = date(2024, 1, 1), date(2024, 2, 20), date(2024, 4, 10)
RISING = Path(baseline_value=100.0, baseline_date=START, target_value=200.0, target_date=END)
FALLING = Path(baseline_value=50.0, baseline_date=START, target_value=30.0, target_date=END)


def test_it_draws_the_path_as_a_straight_line():
    assert progress.path_value(RISING, START) == 100
    assert progress.path_value(RISING, HALF) == 150
    assert progress.path_value(RISING, date(2024, 1, 11)) == 110  # day 10 of 100
    assert progress.path_value(RISING, END) == 200
    assert progress.path_value(FALLING, HALF) == 40


def test_it_holds_the_baseline_before_and_the_target_after():
    assert progress.path_value(RISING, date(2023, 6, 1)) == 100
    assert progress.path_value(RISING, date(2025, 6, 1)) == 200
    assert progress.path_value(FALLING, date(2030, 1, 1)) == 30


def test_it_has_no_path_without_baseline_or_target():
    assert progress.path_value(Path(None, START, 200.0, END), HALF) is None
    assert progress.path_value(Path(100.0, START, 200.0, None), HALF) is None


def test_it_works_out_achievement_signed():
    assert progress.achievement(RISING, 150) == 50
    assert progress.achievement(RISING, 230) == 130  # beyond the target
    assert progress.achievement(RISING, 90) == -10  # away from the target
    # Falling: (41 − 50) / (30 − 50) × 100 = 45.
    assert progress.achievement(FALLING, 41) == pytest.approx(45)
    assert progress.achievement(FALLING, 30) == 100


def test_it_has_no_achievement_without_a_change_to_reach():
    assert progress.achievement(Path(100.0, START, 100.0, END), 120) is None
    assert progress.achievement(Path(None, START, 200.0, END), 120) is None
    assert progress.achievement(Path(100.0, START, None, END), 120) is None
    assert progress.status(Path(100.0, START, 100.0, END), value=120, on=HALF) is None


def test_a_rising_target():
    # Expected half way: 50 %.
    assert progress.status(RISING, value=150, on=HALF) == ON_TRACK  # 50: on the path
    assert progress.status(RISING, value=160, on=HALF) == ON_TRACK  # 60: ahead
    assert progress.status(RISING, value=145, on=HALF) == WATCH  # 45: 5 behind
    assert progress.status(RISING, value=139, on=HALF) == DEVIATION  # 39: 11 behind


def test_a_falling_target():
    # Path half way: 40. 38 is 60 % (ahead), 41 is 45 % (5 behind), 43 is 35 % (15 behind).
    assert progress.status(FALLING, value=38, on=HALF) == ON_TRACK
    assert progress.status(FALLING, value=41, on=HALF) == WATCH
    assert progress.status(FALLING, value=43, on=HALF) == DEVIATION


def test_a_target_already_passed():
    later = date(2024, 6, 1)
    assert progress.expected_achievement(RISING, later) == 100
    assert progress.status(RISING, value=210, on=later) == ON_TRACK  # 110 %
    assert progress.status(RISING, value=195, on=later) == WATCH  # 95 %
    assert progress.status(RISING, value=185, on=later) == DEVIATION  # 85 %


def test_a_measurement_before_the_baseline_date():
    earlier = date(2023, 12, 1)
    assert progress.expected_achievement(RISING, earlier) == 0
    assert progress.status(RISING, value=100, on=earlier) == ON_TRACK  # 0 % of 0
    assert progress.status(RISING, value=95, on=earlier) == WATCH  # −5 %
    assert progress.status(RISING, value=80, on=earlier) == DEVIATION  # −20 %


def test_exactly_on_the_tolerance_edge_is_watch():
    assert progress.status(RISING, value=140, on=HALF) == WATCH  # 40 %, 10 behind
    assert progress.status(RISING, value=140, on=HALF, tolerance=9.99) == DEVIATION
    # Falling, 10 behind: 42 is 40 %; floats do not push it over.
    assert progress.status(FALLING, value=42, on=HALF) == WATCH
    assert progress.status(RISING, value=149.99, on=HALF, tolerance=0) == DEVIATION
    assert progress.status(RISING, value=150, on=HALF, tolerance=0) == ON_TRACK


def test_an_indicator_takes_the_status_of_its_latest_measurement():
    measured = [(HALF, 139.0), (date(2024, 1, 11), 110.0)]
    assert progress.latest_status(RISING, measured) == DEVIATION
    assert progress.latest_status(RISING, []) == NOT_MEASURED
    assert progress.latest_status(Path(None, None, 1.0, END), [(HALF, 1.0)]) == NOT_MEASURED


def test_it_counts_every_status():
    assert progress.count([ON_TRACK, WATCH, WATCH]) == {
        ON_TRACK: 1,
        WATCH: 2,
        DEVIATION: 0,
        NOT_MEASURED: 0,
    }


def test_a_target_date_on_the_baseline_date():
    same = Path(baseline_value=1.0, baseline_date=START, target_value=2.0, target_date=START)
    assert progress.path_value(same, date(2023, 1, 1)) == 1
    assert progress.path_value(same, START) == 2
