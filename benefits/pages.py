"""What the benefit pages show: numbers formatted, charts built, checks run.
Kept out of the views so they stay thin and the approved snapshot is shown
with the same tables as the live plan."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from projects.discussion.selectors import comment_counts
from projects.models import BenefitKind

from . import calculations as calc
from . import charts, smarte, tracking
from .models import BenefitPlan, Cost, Indicator, PlanEvent
from .selectors import digest, number, result_of


def scenario_names() -> dict[str, str]:
    return {
        calc.EXPECTED: _("Expected"),
        calc.PESSIMISTIC: _("Pessimistic"),
        calc.OPTIMISTIC: _("Optimistic"),
    }


@dataclass
class Cell:
    year: int
    expected: str = ""
    low: str = ""
    high: str = ""
    url: str = ""


def url_builder(name: str, project_pk: int, arity: int) -> Callable[..., str]:
    """Builds `name`'s URL for given ids: reversed once with placeholders, then
    filled in, because the plan page links hundreds of cells."""
    marks = [str(987654321 + i) for i in range(arity)]
    pattern = reverse(name, args=[project_pk, *marks])

    def build(*ids) -> str:
        url = pattern
        for mark, pk in zip(marks, ids, strict=True):
            url = url.replace(mark, str(pk))
        return url

    return build


def numbers_context(result: calc.PlanResult, *, rate: float) -> dict:
    """Summary, yearly and scenario tables plus their charts."""
    money = calc.format_amount
    names = scenario_names()
    scenarios = result.scenarios
    summary = [
        (_("Benefits"), [money(s.totals["benefits"]) for s in scenarios.values()]),
        (_("Costs"), [money(s.totals["costs"]) for s in scenarios.values()]),
        (_("Net benefit"), [money(s.totals["net"]) for s in scenarios.values()]),
        (
            _("Net present value at %(rate)s %%") % {"rate": f"{rate:g}".replace(".", ",")},
            [money(s.npv) for s in scenarios.values()],
        ),
        (
            _("Payback year"),
            [str(s.payback_year) if s.payback_year else _("None") for s in scenarios.values()],
        ),
    ]
    # Rows read as plain lists: a pandas lookup per cell costs more than the table.
    columns = [*calc.MONEY_KINDS, "benefits", "costs", "net", "cumulative"]
    rows = scenarios[calc.EXPECTED].table[columns].to_numpy().tolist()
    yearly = [(year, [money(x) for x in row]) for year, row in zip(result.years, rows, strict=True)]
    totals = scenarios[calc.EXPECTED].totals
    yearly_totals = [money(totals[col]) for col in columns[:-1]]
    by_case = [s.table["cumulative"].tolist() for s in scenarios.values()]
    cumulative = [
        (year, [money(case[i]) for case in by_case]) for i, year in enumerate(result.years)
    ]
    uncounted_time = result.uncounted_time["expected"].tolist()
    uncounted = [
        (year, money(amount))
        for year, amount in zip(result.years, uncounted_time, strict=True)
        if amount
    ]
    return {
        "scenario_names": list(names.values()),
        "summary": summary,
        "yearly_heads": [
            *charts.kind_labels().values(),
            _("Benefits"),
            _("Costs"),
            _("Net"),
            _("Cumulative net"),
        ],
        "yearly": yearly,
        "yearly_totals": yearly_totals,
        "cumulative": cumulative,
        "uncounted": uncounted,
        "yearly_chart": charts.yearly_chart(result),
        "scenario_chart": charts.scenario_chart(result, names),
    }


def plan_numbers(project, figures: Callable[[], dict]) -> dict:
    """`numbers` of the plan whose `figures` are given (LoadedPlan.figures),
    worked out only when the page's cached part of them is missing, and
    `numbers_key`: the project's change stamp, which every recorded change of
    the plan's rows replaces."""

    def numbers() -> dict:
        records = figures()
        return numbers_context(result_of(records), rate=records["plan"]["discount_rate"])

    return {"numbers": SimpleLazyObject(numbers), "numbers_key": digest((project.change_stamp,))}


def _format(amount: float, *, kind: str, unit: str) -> str:
    if kind == calc.QUALITY:
        return f"{calc.format_number(amount)} {unit}".strip()
    return calc.format_amount(amount)


def value_cells(
    values: list[dict], *, years: list[int], kind: str, unit: str, url=None
) -> list[Cell]:
    """A benefit's values (plain dicts) as one cell per year of the plan."""
    by_year = {v["year"]: v for v in values}
    cells = []
    for year in years:
        v = by_year.get(year)
        cell = Cell(year, url=url(year) if url else "")
        if v is not None:
            factors = {k: None if v[k] is None else float(v[k]) for k in calc.FACTORS}
            amounts = calc.value_cases(basis=v["basis"], **factors)
            for case, amount in zip(calc.CASES, amounts, strict=True):
                setattr(cell, case, _format(amount, kind=kind, unit=unit))
        cells.append(cell)
    return cells


def cost_rows(costs, *, url: Callable[[int], str]) -> list[tuple]:
    """(cost, kind, expected, low, high, edit URL) per cost, amounts formatted."""
    kinds = {value: str(label) for value, label in Cost.Kind.choices}
    return [
        (
            c,
            kinds.get(c.kind, c.kind),
            *(calc.format_amount(x) if x is not None else "" for x in (c.expected, c.low, c.high)),
            url(c.pk),
        )
        for c in costs
    ]


def snapshot_context(project, event: PlanEvent) -> dict:
    records = event.snapshot
    plan = records["plan"]
    years = list(range(plan["first_year"], plan["first_year"] + plan["horizon"]))
    values_by_benefit: dict[int, list] = {}
    for v in records["values"]:
        values_by_benefit.setdefault(v["benefit_id"], []).append(v)
    benefits = [
        {
            **b,
            "kind_label": BenefitKind(b["kind"]).label,
            "cells": value_cells(
                values_by_benefit.get(b["id"], []),
                years=years,
                kind=b["kind"],
                unit=b["quality_unit"],
            ),
            "indicators": [i for i in records["indicators"] if i["benefit_id"] == b["id"]],
        }
        for b in records["benefits"]
    ]
    return {
        "project": project,
        "event": event,
        "snapshot": plan,
        "years": years,
        "benefits": benefits,
        "numbers": numbers_context(result_of(records), rate=plan["discount_rate"]),
    }


def indicator_context(project, plan: BenefitPlan, indicator, *, form) -> dict:
    measurements = list(indicator.measurements.select_related("recorded_by"))
    last = measurements[-1].date if measurements else None
    due = smarte.next_due(
        frequency=indicator.frequency,
        baseline_date=indicator.baseline_date,
        last_measured=last,
        target_date=indicator.target_date,
    )
    fmt = calc.format_number
    tracked = tracking.measurement_rows(
        indicator, measurements, tolerance=tracking.tolerance_of(plan)
    )
    rows = [(r.measurement, fmt(float(r.measurement.value)), r) for r in tracked]
    indicator.checks = smarte.assess(indicator)
    indicator.confirm_url = (
        reverse("benefits:indicator-confirm", args=[project.pk, indicator.pk])
        if project.can_write and plan.editable
        else ""
    )
    return {
        "project": project,
        "plan": plan,
        "indicator": indicator,
        "rows": rows,
        "baseline": fmt(float(indicator.baseline_value))
        if indicator.baseline_value is not None
        else "–",
        "target": fmt(float(indicator.target_value)) if indicator.target_value is not None else "–",
        "due": due,
        "overdue": due is not None and due < timezone.localdate(),
        "form": form,
        "comment_counts": comment_counts(project_id=project.pk, models=[Indicator]),
        "chart": charts.measurement_chart(
            points=[(m.date, float(m.value)) for m in measurements],
            baseline=(indicator.baseline_date, number(indicator.baseline_value)),
            target=(indicator.target_date, number(indicator.target_value)),
            unit=indicator.unit,
        ),
        "tolerance": plan.progress_tolerance,
    }
