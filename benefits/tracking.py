"""Indicators' progress against their target paths as the pages show it: the
statuses' names, and the statuses of a plan's or a person's indicators read
from the database. The rules are in benefits.progress."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from projects.models import Membership

from . import progress
from .models import BenefitPlan, Indicator, Measurement

LABELS = {
    progress.ON_TRACK: _("On track"),
    progress.WATCH: _("Watch"),
    progress.DEVIATION: _("Deviation"),
    progress.NOT_MEASURED: _("Not measured"),
}
# Tag colours; every tag also carries its label, never the colour alone.
COLORS = {
    progress.ON_TRACK: "success",
    progress.WATCH: "warning",
    progress.DEVIATION: "danger",
    progress.NOT_MEASURED: "neutral",
}


def _float(value) -> float | None:
    return None if value is None else float(value)


def path_of(indicator) -> progress.Path:
    return progress.Path(
        baseline_value=_float(indicator.baseline_value),
        baseline_date=indicator.baseline_date,
        target_value=_float(indicator.target_value),
        target_date=indicator.target_date,
    )


def tolerance_of(plan: BenefitPlan) -> float:
    return float(plan.progress_tolerance)


@dataclass(frozen=True)
class Row:
    """A measurement with its achievement (per cent, None: none) and status."""

    measurement: Measurement
    achievement: float | None
    status: str

    @property
    def label(self) -> str:
        return str(LABELS[self.status])

    @property
    def color(self) -> str:
        return COLORS[self.status]


def measurement_rows(indicator, measurements, *, tolerance: float) -> list[Row]:
    path = path_of(indicator)
    rows = []
    for m in measurements:
        value = float(m.value)
        key = progress.status(path, value=value, on=m.date, tolerance=tolerance)
        rows.append(Row(m, progress.achievement(path, value), key or progress.NOT_MEASURED))
    return rows


@dataclass
class Summary:
    """Indicators counted by status, and those in deviation (each with `plan`
    and `achievement` set)."""

    counts: dict[str, int] = field(default_factory=lambda: progress.count([]))
    deviations: list[Indicator] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[str, str, str, int]]:
        """(status, label, colour, count) in the order of progress.STATUSES."""
        return [(k, str(LABELS[k]), COLORS[k], self.counts[k]) for k in progress.STATUSES]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def latest_measurements(indicator_ids) -> dict[int, tuple[date, float]]:
    """Indicator id → its latest measurement (date, value): one query."""
    rows = (
        Measurement.objects.filter(indicator_id__in=indicator_ids)
        .order_by("indicator_id", "date", "pk")
        .values_list("indicator_id", "date", "value")
    )
    return {pk: (day, float(value)) for pk, day, value in rows}


def summarise(indicators, *, tolerances: dict[int, float], latest=None) -> Summary:
    """The indicators' statuses by their latest measurements (`latest`, as
    `latest_measurements` gives them; read when not given); `tolerances` maps
    each indicator's plan id to the plan's tolerance."""
    indicators = list(indicators)
    if latest is None:
        latest = latest_measurements([i.pk for i in indicators])
    summary = Summary()
    for indicator in indicators:
        path = path_of(indicator)
        measured = latest.get(indicator.pk)
        tolerance = tolerances[indicator.benefit.plan_id]
        key = progress.latest_status(path, [measured] if measured else [], tolerance=tolerance)
        summary.counts[key] += 1
        if key == progress.DEVIATION:
            indicator.achievement = progress.achievement(path, measured[1])
            summary.deviations.append(indicator)
    return summary


def plan_summary(plan: BenefitPlan, indicators) -> Summary:
    """The plan's indicators (loaded by `selectors.load_plan`: each with
    `benefit` and its latest measurement) by status, without another query."""
    latest = {
        i.pk: (i.last_measured, float(i.last_value)) for i in indicators if i.last_value is not None
    }
    return summarise(indicators, tolerances={plan.pk: tolerance_of(plan)}, latest=latest)


def user_summary(user) -> Summary:
    """The indicators `user` is responsible for, in the projects they are a
    member of and not archived, by status."""
    member = Membership.objects.filter(project=OuterRef("benefit__plan__project"), user=user)
    indicators = list(
        Indicator.objects.filter(Exists(member), responsible=user)
        .filter(benefit__plan__project__archived=False)
        .select_related("benefit__plan__project")
        .order_by("benefit__plan__project__title", "pk")
    )
    tolerances = {i.benefit.plan_id: tolerance_of(i.benefit.plan) for i in indicators}
    return summarise(indicators, tolerances=tolerances)
