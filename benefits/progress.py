"""Progress of an indicator against its target path: pure functions, no Django.

The target path is the straight line from the baseline (value, date) to the
target (value, date). Before the baseline date it is the baseline value, after
the target date the target value.

A measurement's achievement is how far it has come from the baseline towards
the target, in per cent: (value − baseline) / (target − baseline) × 100. The
formula is signed, so a falling target (fewer falls, fewer phone calls) works
the same way as a rising one; a value beyond the target gives more than 100,
one that moved away from it less than 0. Without a baseline or a target value,
or with a target equal to the baseline, there is no achievement.

The expected achievement at a date is the achievement of the path's value on
that date: the share of the time from the baseline date to the target date that
has passed, 0 before the baseline date and 100 from the target date on.

The status of a measurement compares the two, with the plan's tolerance in
percentage points of the whole change from baseline to target (default 10):

- on track: achievement at or above the expected achievement (the measurement
  is at or beyond the path, in the direction of the target);
- watch: below the expected achievement by at most the tolerance;
- deviation: below it by more than the tolerance.

An indicator's status is that of its latest measurement; an indicator without
measurements, or without baseline and target (values and dates), has none and
counts as not measured.
"""

from dataclasses import dataclass
from datetime import date

ON_TRACK = "on_track"
WATCH = "watch"
DEVIATION = "deviation"
NOT_MEASURED = "not_measured"
STATUSES = (ON_TRACK, WATCH, DEVIATION, NOT_MEASURED)
DEFAULT_TOLERANCE = 10.0

# Differences this small are rounding noise: a gap of exactly the tolerance
# is "watch", however the floats came out.
_DIGITS = 9


@dataclass(frozen=True)
class Path:
    """An indicator's baseline and target; any of the four may be missing."""

    baseline_value: float | None
    baseline_date: date | None
    target_value: float | None
    target_date: date | None

    @property
    def complete(self) -> bool:
        return None not in (
            self.baseline_value,
            self.baseline_date,
            self.target_value,
            self.target_date,
        )


def elapsed_share(path: Path, on: date) -> float | None:
    """The share (0–1) of the time from the baseline date to the target date
    passed on `on`; None without both dates."""
    start, end = path.baseline_date, path.target_date
    if start is None or end is None:
        return None
    if on <= start:
        return 0.0 if on < end else 1.0
    if on >= end:
        return 1.0
    return (on - start).days / (end - start).days


def path_value(path: Path, on: date) -> float | None:
    """The target path's value on `on`; None unless baseline and target are complete."""
    if not path.complete:
        return None
    share = elapsed_share(path, on)
    return path.baseline_value + (path.target_value - path.baseline_value) * share


def achievement(path: Path, value: float) -> float | None:
    """(value − baseline) / (target − baseline) × 100; None without a
    baseline or target value, or when the two are equal."""
    start, end = path.baseline_value, path.target_value
    if start is None or end is None or end == start:
        return None
    return (value - start) / (end - start) * 100


def expected_achievement(path: Path, on: date) -> float | None:
    """The achievement the path expects on `on`, 0–100."""
    share = elapsed_share(path, on) if path.complete else None
    return None if share is None else share * 100


def status(
    path: Path, *, value: float, on: date, tolerance: float = DEFAULT_TOLERANCE
) -> str | None:
    """On track, watch or deviation (see the module's doc); None when the
    indicator has no complete, moving path."""
    reached = achievement(path, value)
    expected = expected_achievement(path, on)
    if reached is None or expected is None:
        return None
    gap = round(expected - reached, _DIGITS)
    if gap <= 0:
        return ON_TRACK
    if gap <= tolerance:
        return WATCH
    return DEVIATION


def latest_status(
    path: Path, measurements: list[tuple[date, float]], *, tolerance: float = DEFAULT_TOLERANCE
) -> str:
    """The indicator's status: that of its latest measurement (date, value),
    or NOT_MEASURED."""
    if not measurements:
        return NOT_MEASURED
    on, value = max(measurements, key=lambda m: m[0])
    return status(path, value=value, on=on, tolerance=tolerance) or NOT_MEASURED


def count(statuses) -> dict[str, int]:
    """How many of `statuses` are of each status, every status present."""
    counts = dict.fromkeys(STATUSES, 0)
    for key in statuses:
        counts[key] += 1
    return counts
