"""The benefit plan's lines and chart in the project's deck (see portal.decks
for the contract): slide 6 the plan's figures and status, slide 7 each
indicator against its path, slide 8 the next measurements and who makes them,
and the benefit map (drawn in place of the yearly chart when it has links)."""

from datetime import date

from django.contrib.auth import get_user_model
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects.models import BenefitKind, Project

from . import calculations, reports, smarte
from .charts import deck_chart
from .maplinks import map_deck_part
from .models import BenefitPlan, Measurement
from .reviewers import last_approval
from .selectors import plan_of_record, result_of

TRACK_TEXT = {
    calculations.ON_TRACK: gettext_lazy("on track"),
    calculations.WATCH: gettext_lazy("to watch"),
    calculations.DEVIATION: gettext_lazy("off track"),
}


def _day(value) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _date(value) -> str:
    day = _day(value)
    return formats.date_format(day, "SHORT_DATE_FORMAT") if day else _("no date")


def deck_part(project: Project) -> tuple[dict[str, list[str]], dict[str, dict]]:
    """The benefit plan's slides and its yearly chart, from the plan of
    record: the approved plan while a revision is in progress."""
    plan = BenefitPlan.objects.filter(project=project).first()
    if plan is None:
        return {}, {}
    shown = plan_of_record(plan, change_stamp=project.change_stamp)
    records = shown.records
    result = result_of(records)
    indicators = records["indicators"]
    approval = last_approval(plan)
    usernames = {b["owner"] for b in records["benefits"]} | {i["responsible"] for i in indicators}
    people = {
        u.username: u.get_full_name() or u.username
        for u in get_user_model().objects.filter(username__in=usernames - {""})
    }
    # Each indicator's measurements in date order: the last one is the latest.
    latest = {
        indicator_id: (day, value)
        for indicator_id, day, value in Measurement.objects.filter(
            indicator__in=[i.get("pk") for i in indicators]
        )
        .order_by("date", "pk")
        .values_list("indicator_id", "date", "value")
    }
    map_lines, map_chart = map_deck_part(plan)
    sections = {
        "benefit_plan": plan_lines(plan, result, approval=approval, revising=shown.revising)
        + nonpriced_lines(records["benefits"])
        + _benefit_lines(records["benefits"]),
        "benefit_followup": [indicator_line(i, latest.get(i.get("pk"))) for i in indicators],
        "realisation_plan": realisation_lines(records, latest, people) + map_lines,
    }
    charts = {"benefits": deck_chart(result)}
    if map_chart:
        charts["benefit_map"] = map_chart
    return sections, charts


def plan_status(plan: BenefitPlan, *, approval, revising: bool) -> str:
    """Whose approval the figures carry and when, or that they are not approved."""
    if approval is not None and (revising or plan.status == BenefitPlan.Status.APPROVED):
        text = _("Approved by %(person)s on %(date)s") % {
            "person": approval.by.get_full_name() or approval.by.username,
            "date": _date(timezone.localdate(approval.at)),
        }
        return text + (_("; a revision is in progress") if revising else "")
    if plan.status == BenefitPlan.Status.SUBMITTED:
        return _("Submitted, not approved yet")
    if plan.status == BenefitPlan.Status.RETURNED:
        return _("Returned for changes, not approved")
    return _("Draft, not approved")


def plan_lines(plan, result: calculations.PlanResult, *, approval, revising: bool) -> list[str]:
    """Slide 6: the planned benefit, the plan's status, benefits and costs,
    payback year and the other two cases."""
    amount = calculations.format_amount
    expected = result.scenarios[calculations.EXPECTED]
    totals = expected.totals
    if expected.payback_year:
        payback = _("Pays back in %(year)s") % {"year": expected.payback_year}
    elif totals["benefits"] <= 0:
        payback = _("No benefits valued in money yet")
    else:
        payback = _("Does not pay back within the plan's horizon")
    return [
        _("Net present value (expected): %(amount)s") % {"amount": amount(expected.npv)},
        plan_status(plan, approval=approval, revising=revising),
        _("Benefits %(benefits)s, costs %(costs)s (undiscounted)")
        % {"benefits": amount(totals["benefits"]), "costs": amount(totals["costs"])},
        payback,
        _("Pessimistic %(low)s, optimistic %(high)s")
        % {
            "low": amount(result.scenarios[calculations.PESSIMISTIC].npv),
            "high": amount(result.scenarios[calculations.OPTIMISTIC].npv),
        },
    ]


def nonpriced_lines(benefits: list[dict]) -> list[str]:
    """Beside the net present value: each effect not counted in money, with
    its plus-minus assessment and justification (DFØ's table, line by line)."""
    rows = reports.nonpriced_rows(benefits)
    if not rows:
        return []
    lines = [_("Non-priced effects (−−− to +++):")]
    for row in rows:
        sign = row.sign or _("not assessed")
        lines.append(f"{sign} {row.title}" + (f" – {row.reason}" if row.reason else ""))
    return lines


def _benefit_lines(benefits: list[dict]) -> list[str]:
    kinds = {kind: str(label) for kind, label in BenefitKind.choices}  # each translated once
    without = _("followed up without an indicator")
    return [
        f"{b['title']} – {kinds.get(b['kind'], b['kind'])}"
        + (f" ({without}: {b['no_indicator_reason']})" if b.get("no_indicator_reason") else "")
        for b in benefits
    ]


def indicator_line(indicator: dict, latest: tuple | None) -> str:
    """Slide 7: baseline (value, date) → latest measurement → target (value,
    date), whether it is on track, and any unmet S.M.A.R.T.E criterion in words."""
    number = calculations.format_number
    unit = indicator["unit"]

    def point(value, day) -> str:
        shown = _("no value") if value is None else f"{number(value)} {unit}".strip()
        return f"{shown} ({_date(day)})"

    baseline = point(indicator["baseline_value"], indicator["baseline_date"])
    target = point(indicator["target_value"], indicator["target_date"])
    if latest is None:
        now, judged = _("not measured yet"), None
    else:
        day, value = latest
        now = point(float(value), day)
        values = (indicator["baseline_value"], indicator["target_value"])
        days = (_day(indicator["baseline_date"]), _day(indicator["target_date"]))
        judged = (
            calculations.track(
                baseline=values[0],
                baseline_day=days[0],
                target=values[1],
                target_day=days[1],
                value=float(value),
                day=day,
            )
            if None not in values and None not in days
            else None
        )
    line = f"{indicator['name']}: {baseline} → {now} → {target}"
    if judged:
        line += f", {TRACK_TEXT[judged]}"
    unmet = [check.label.lower() for check in smarte.assess_record(indicator) if not check.ok]
    if unmet:
        line += ". " + _("Not yet: %(criteria)s.") % {"criteria": ", ".join(unmet)}
    return line


def realisation_lines(records: dict, latest: dict, people: dict) -> list[str]:
    """Slide 8: the next measurements in date order and who makes them, then
    each benefit's owner and the measures that realise it."""
    today = timezone.localdate()
    due = []
    for indicator in records["indicators"]:
        measured = latest.get(indicator.get("pk"))
        when = smarte.next_due(
            frequency=indicator["frequency"],
            baseline_date=_day(indicator["baseline_date"]),
            last_measured=measured[0] if measured else None,
            target_date=_day(indicator["target_date"]),
        )
        if when is not None:
            person = people.get(indicator["responsible"]) or _("no one responsible")
            day = _date(when)
            if when < today:
                day = _("%(date)s (overdue)") % {"date": day}
            due.append((when, f"{day}: {indicator['name']} – {person}"))
    lines = [text for _when, text in sorted(due, key=lambda row: row[0])]
    lines += [
        _("%(benefit)s: owner %(person)s") % {"benefit": b["title"], "person": people[b["owner"]]}
        + (f", {_('measures')}: {', '.join(b['measures'])}" if b["measures"] else "")
        for b in records["benefits"]
        if b["owner"] in people
    ]
    return lines
