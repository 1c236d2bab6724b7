"""The benefit plan's lines and chart in the project's deck (see portal.decks
for the contract)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from projects.models import BenefitKind, Project

from . import calculations, smarte
from .charts import yearly_chart
from .models import BenefitPlan, Measurement
from .selectors import plan_of_record, result_of


def deck_part(project: Project) -> tuple[dict[str, list[str]], dict[str, dict]]:
    """The benefit plan's slides (the plan, its follow-up, further realisation)
    and its yearly chart: the plan of record, so the approved plan while a
    revision is in progress."""
    plan = BenefitPlan.objects.filter(project=project).first()
    if plan is None:
        return {}, {}
    shown = plan_of_record(plan)
    records = shown.records
    result = result_of(records)
    expected = result.scenarios[calculations.EXPECTED]
    # A snapshot is taken as the plan is approved, while it still reads "submitted".
    status = BenefitPlan.Status.APPROVED.label if shown.revising else plan.get_status_display()
    summary = [
        _("Net present value: %(expected)s (pessimistic %(low)s, optimistic %(high)s)")
        % {
            "expected": calculations.format_amount(expected.npv),
            "low": calculations.format_amount(result.scenarios[calculations.PESSIMISTIC].npv),
            "high": calculations.format_amount(result.scenarios[calculations.OPTIMISTIC].npv),
        },
        _("Pays back in %(year)s") % {"year": expected.payback_year}
        if expected.payback_year
        else _("Does not pay back within the plan's horizon"),
        f"{_('Status')}: {status}" + (f" ({_('revision in progress')})" if shown.revising else ""),
    ]
    kinds = {kind: str(label) for kind, label in BenefitKind.choices}  # each translated once
    without = _("followed up without an indicator")
    summary += [
        f"{b['title']} – {kinds.get(b['kind'], b['kind'])}"
        + (f" ({without}: {b['no_indicator_reason']})" if b.get("no_indicator_reason") else "")
        for b in records["benefits"]
    ]
    indicators = records["indicators"]
    # The last value of each indicator: the rows in order, the last one kept.
    latest = dict(
        Measurement.objects.filter(indicator__in=[i.get("pk") for i in indicators])
        .order_by("date", "pk")
        .values_list("indicator_id", "value")
    )
    followup = []
    for indicator in indicators:
        checks = smarte.assess_record(indicator)
        letters = "".join(smarte.CRITERIA[c.key][0] if c.ok else "·" for c in checks)
        value = latest.get(indicator.get("pk"))
        now = _("not measured yet") if value is None else calculations.format_number(value)
        target = calculations.format_number(indicator["target_value"] or 0)
        followup.append(f"{indicator['name']}: {now} → {target} {indicator['unit']} ({letters})")
    owners = {
        u.username: u.get_full_name() or u.username
        for u in get_user_model().objects.filter(
            username__in=[b["owner"] for b in records["benefits"] if b["owner"]]
        )
    }
    realisation = [
        f"{b['title']}: {owners.get(b['owner'], b['owner'])}"
        + (f", {_('measures')}: {', '.join(b['measures'])}" if b["measures"] else "")
        for b in records["benefits"]
        if b["owner"]
    ]
    sections = {
        "benefit_plan": summary,
        "benefit_followup": followup,
        "realisation_plan": realisation,
    }
    return sections, {"benefits": yearly_chart(result)}
