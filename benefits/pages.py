"""What the benefit pages show: numbers formatted, charts built, checks run.
Kept out of the views so they stay thin and the approved snapshot is shown
with the same tables as the live plan."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from projects.models import BenefitKind, Membership

from . import calculations as calc
from . import charts, smarte
from .models import BenefitPlan, PlanEvent
from .selectors import identified_not_adopted, load_plan, number, plan_events, result_of


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
    value: object = None  # the BenefitValue, when there is one

    @property
    def ranged(self) -> bool:
        return self.low != self.expected or self.high != self.expected


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
    table = scenarios[calc.EXPECTED].table
    columns = [*calc.MONEY_KINDS, "benefits", "costs", "net", "cumulative"]
    yearly = [(year, [money(table.at[year, col]) for col in columns]) for year in result.years]
    totals = scenarios[calc.EXPECTED].totals
    yearly_totals = [money(totals[col]) for col in columns[:-1]]
    cumulative = [
        (year, [money(s.table.at[year, "cumulative"]) for s in scenarios.values()])
        for year in result.years
    ]
    uncounted = [
        (year, money(result.uncounted_time.at[year, "expected"]))
        for year in result.years
        if result.uncounted_time.at[year, "expected"]
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


def _format(amount: float, *, kind: str, unit: str) -> str:
    if kind == calc.QUALITY:
        return f"{calc.format_number(amount)} {unit}".strip()
    return calc.format_amount(amount)


def value_cells(values, *, years: list[int], kind: str, unit: str) -> list[Cell]:
    """A benefit's values as one cell per year of the plan (empty where none)."""
    by_year = {v.year if hasattr(v, "year") else v["year"]: v for v in values}
    cells = []
    for year in years:
        v = by_year.get(year)
        if v is None:
            cells.append(Cell(year))
            continue
        get = (lambda k, v=v: v[k]) if isinstance(v, dict) else (lambda k, v=v: getattr(v, k))
        amounts = {}
        for case, (ka, kb) in {
            "expected": ("a", "b"),
            "low": ("a_low", "b_low"),
            "high": ("a_high", "b_high"),
        }.items():
            a = get(ka) if get(ka) is not None else get("a")
            b = get(kb) if get(kb) is not None else get("b")
            amounts[case] = _format(
                calc.value_amount(
                    basis=get("basis"), a=float(a), b=None if b is None else float(b)
                ),
                kind=kind,
                unit=unit,
            )
        cells.append(Cell(year, value=None if isinstance(v, dict) else v, **amounts))
    return cells


def plan_context(project, plan: BenefitPlan, *, error: str | None = None) -> dict:
    loaded = load_plan(plan)
    result = result_of(loaded.records(measurements=False))
    today = timezone.localdate()
    indicators = []
    for benefit in loaded.benefits:
        benefit.cells = value_cells(
            benefit.values.all(), years=plan.years, kind=benefit.kind, unit=benefit.quality_unit
        )
        for indicator in benefit.indicators.all():
            indicator.checks = smarte.assess(indicator)
            indicator.due = smarte.next_due(
                frequency=indicator.frequency,
                baseline_date=indicator.baseline_date,
                last_measured=indicator.last_measured,
                target_date=indicator.target_date,
            )
            indicator.overdue = indicator.due is not None and indicator.due < today
            indicators.append(indicator)
    events = plan_events(plan)
    return {
        "project": project,
        "plan": plan,
        "benefits": loaded.benefits,
        "costs": [
            (
                c,
                *(
                    calc.format_amount(x) if x is not None else ""
                    for x in (c.expected, c.low, c.high)
                ),
            )
            for c in loaded.costs
        ],
        "years": plan.years,
        "can_edit": project.can_write and not plan.locked,
        "can_decide": project.role == Membership.Role.SOLUTION_OWNER
        and plan.status == BenefitPlan.Status.SUBMITTED,
        "problems": smarte.plan_problems(indicators),
        "events": events,
        "not_adopted": list(identified_not_adopted(project, plan)) if project.can_write else [],
        "error": error,
        "criteria": smarte.CRITERIA,
        **numbers_context(result, rate=float(plan.discount_rate)),
    }


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
        **numbers_context(result_of(records), rate=plan["discount_rate"]),
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
    rows = [(m, fmt(float(m.value))) for m in measurements]
    return {
        "project": project,
        "plan": plan,
        "indicator": indicator,
        "checks": smarte.assess(indicator),
        "rows": rows,
        "baseline": fmt(float(indicator.baseline_value))
        if indicator.baseline_value is not None
        else "–",
        "target": fmt(float(indicator.target_value)) if indicator.target_value is not None else "–",
        "due": due,
        "overdue": due is not None and due < timezone.localdate(),
        "form": form,
        "chart": charts.measurement_chart(
            points=[(m.date, float(m.value)) for m in measurements],
            baseline=(indicator.baseline_date, number(indicator.baseline_value)),
            target=(indicator.target_date, number(indicator.target_value)),
            unit=indicator.unit,
        ),
    }
