"""Reads for the portfolio: a constant number of queries, however many projects."""

import pandas as pd
from django.contrib.auth import get_user_model
from django.db.models import Case, CharField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Concat, NullIf
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from benefits import calculations, smarte
from benefits import charts as benefit_charts
from benefits.models import BenefitPlan, BenefitValue, Cost, Indicator, Measurement
from benefits.selectors import approved_snapshots, plan_of_record, result_of
from canvas.blocks import BLOCKS
from canvas.models import Note
from projects.models import BenefitKind, Membership, Project
from projects.selectors import projects_for_user
from projects.selectors_steps import deck_sections

from .decks import DeckData
from .portfolio import FUNNEL_ORDER, STATUS_ORDER, STEP_ORDER, benefit_progress

NEXT_GATE_TEXT = {
    "hypothesis": gettext_lazy("Decision needed: go on to goals, iterate the hypothesis, or stop."),
    "goals": gettext_lazy("Decision needed: go on to deliver the solution, iterate, or stop."),
    "deliver": gettext_lazy("Decision needed: put the solution into operation."),
}


def _order_of(field: str, values: list[str]) -> Case:
    return Case(*[When(**{field: v}, then=Value(i)) for i, v in enumerate(values)])


SORTS = {
    "title": ["title"],
    "unit": ["unit__name", "title"],
    "step": ["step_order", "title"],
    "status": ["status_order", "title"],
    "funnel_stage": ["funnel_order", "title"],
    "-updated_at": ["-updated_at"],
}


def portfolio_projects(user, *, filters: dict) -> QuerySet[Project]:
    """The projects the user may see, filtered and sorted, with the solution
    owner's name annotated."""
    owner = Membership.objects.filter(project=OuterRef("pk"), role="solution_owner").annotate(
        name=Coalesce(
            NullIf(Concat("user__first_name", Value(" "), "user__last_name"), Value(" ")),
            "user__username",
            output_field=CharField(),
        )
    )
    qs = (
        projects_for_user(user)
        .filter(archived=False)
        .select_related("unit")
        .annotate(
            solution_owner=Subquery(owner.order_by("pk").values("name")[:1]),
            step_order=_order_of("step", STEP_ORDER),
            status_order=_order_of("status", STATUS_ORDER),
            funnel_order=_order_of("funnel_stage", FUNNEL_ORDER),
        )
    )
    if text := (filters.get("q") or "").strip():
        qs = qs.filter(Q(title__icontains=text) | Q(summary__icontains=text))
    for name in ("unit", "step", "status", "funnel_stage"):
        if value := filters.get(name):
            qs = qs.filter(**{name: value})
    return qs.order_by(*SORTS.get(filters.get("sort") or "title", SORTS["title"]))


def _frame(rows, columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame.from_records(list(rows), columns=columns)


def portfolio_frame(projects: QuerySet[Project]) -> pd.DataFrame:
    """One row per project with the fields the charts count."""
    columns = ["pk", "unit__name", "step", "status", "funnel_stage"]
    columns += ["flow__mode1_effect", "flow__bimodal_maturity"]
    return _frame(projects.values_list(*columns), columns)


def deck_data(project: Project) -> DeckData:
    """Everything a deck shows, read from the project with a fixed number of queries."""
    members = list(project.memberships.select_related("user"))
    contacts = [
        f"{m.user.get_full_name() or m.user.username} – {m.get_role_display()}"
        f"{' (' + m.user.email + ')' if m.user.email else ''}"
        for m in members
        if m.role != Membership.Role.VIEWER
    ]
    measures = list(project.measures.all())
    ranked = sorted(measures, key=lambda m: (-m.benefit, m.effort))
    overview = [
        line
        for line in [
            project.summary,
            f"{_('Unit')}: {project.unit}" if project.unit else "",
            f"{_('Step')}: {project.get_step_display()} · {_('Status')}: "
            f"{project.get_status_display()}",
        ]
        if line
    ]
    sections = {
        "solution": overview,
        "hypothesis": overview,
        "measures": [
            f"{m.title} ({_('benefit')} {m.benefit}, {_('effort')} {m.effort})" for m in ranked
        ],
        "identified_benefits": [
            f"{b.title} – {b.get_kind_display()}" for b in project.identified_benefits.all()
        ],
        "contacts": contacts,
        "next_steps": [str(NEXT_GATE_TEXT[project.step])] if project.step in NEXT_GATE_TEXT else [],
    }
    # The step work (hypothesis, goals, journey, lessons, …) adds its own lines.
    for key, lines in deck_sections(project).items():
        sections[key] = sections.get(key, []) + lines
    sections.update(canvas_sections(project))
    benefit_lines, charts = benefit_sections(project)
    sections.update(benefit_lines)
    return DeckData(
        title=project.title,
        step=project.step,
        unit=str(project.unit or ""),
        summary=project.summary,
        sections=sections,
        charts=charts,
    )


def benefit_frames(projects: QuerySet[Project]) -> dict:
    """The benefit plans of `projects` as frames for portfolio.benefit_summary:
    five queries, however many projects, benefits and years."""
    ids = projects.order_by().values("pk")
    plans = _frame(
        BenefitPlan.objects.filter(project__in=ids).values_list(
            "pk", "project_id", "project__unit__name", "first_year", "horizon", "discount_rate"
        ),
        ["plan_id", "project_id", "unit", "first_year", "horizon", "rate"],
    )
    plans["rate"] = plans["rate"].astype(float)
    plans["unit"] = plans["unit"].fillna("–")
    # A plan under revision counts as approved: its snapshot replaces its rows.
    approved = approved_snapshots(BenefitPlan.objects.filter(project__in=ids).values("pk"))
    plans["revising"] = plans["plan_id"].isin(list(approved))
    for plan_id, records in approved.items():
        row = plans.index[plans["plan_id"] == plan_id]
        for key, column in (("first_year", "first_year"), ("horizon", "horizon")):
            plans.loc[row, column] = records["plan"][key]
        plans.loc[row, "rate"] = float(records["plan"]["discount_rate"])
    plans["rate"] = plans["rate"] / 100
    raw = _frame(
        BenefitValue.objects.filter(benefit__plan__project__in=ids).values_list(
            "benefit__plan_id",
            "benefit_id",
            "benefit__kind",
            "benefit__alternative_use",
            "benefit__use_decided_by",
            "year",
            "basis",
            "a",
            "b",
        ),
        VALUE_COLUMNS,
    )
    raw = pd.concat(
        [raw[~raw["plan_id"].isin(list(approved))], _snapshot_values(approved)], ignore_index=True
    )
    values = raw[["plan_id", "benefit_id", "year"]].assign(
        counted=[
            calculations.counts_in_money(kind=k, alternative_use=u, decided_by=d)
            for k, u, d in zip(raw["kind"], raw["alternative_use"], raw["decided_by"], strict=True)
        ],
        # The portfolio shows expected figures only: the first of the plan's cases.
        amount=[
            calculations.value_cases(basis=basis, a=float(a), b=None if b is None else float(b))[0]
            for basis, a, b in zip(raw["basis"], raw["a"], raw["b"], strict=True)
        ],
    )
    costs = _frame(
        Cost.objects.filter(plan__project__in=ids)
        .exclude(plan_id__in=list(approved))
        .values_list("plan_id", "year", "expected"),
        ["plan_id", "year", "amount"],
    )
    snapshot_costs = [
        (plan_id, c["year"], c["expected"])
        for plan_id, records in approved.items()
        for c in records["costs"]
    ]
    costs = pd.concat([costs, _frame(snapshot_costs, list(costs.columns))], ignore_index=True)
    costs["amount"] = costs["amount"].astype(float)
    indicators = _frame(
        Indicator.objects.filter(benefit__plan__project__in=ids).values_list(
            "pk", "benefit_id", "baseline_value", "target_value"
        ),
        ["indicator_id", "benefit_id", "baseline_value", "target_value"],
    )
    for column in ("baseline_value", "target_value"):
        indicators[column] = indicators[column].astype(float)
    measurements = _frame(
        Measurement.objects.filter(indicator__benefit__plan__project__in=ids).values_list(
            "indicator_id", "date", "value"
        ),
        ["indicator_id", "date", "value"],
    )
    measurements["value"] = measurements["value"].astype(float)
    return {
        "plans": plans,
        "values": values,
        "costs": costs,
        "progress": benefit_progress(indicators, measurements),
    }


VALUE_COLUMNS = [
    "plan_id",
    "benefit_id",
    "kind",
    "alternative_use",
    "decided_by",
    "year",
    "basis",
    "a",
    "b",
]


def _snapshot_values(approved: dict[int, dict]) -> pd.DataFrame:
    """The values of approved snapshots as rows of benefit_frames' raw frame
    (benefits by id; those of snapshots without ids by minus their number)."""
    rows = []
    for plan_id, records in approved.items():
        benefits = {b["id"]: b for b in records["benefits"]}
        for v in records["values"]:
            b = benefits[v["benefit_id"]]
            rows.append(
                (plan_id, b.get("pk", -b["id"]), b["kind"], b["alternative_use"])
                + (b["use_decided_by"], v["year"], v["basis"], v["a"], v["b"])
            )
    return _frame(rows, VALUE_COLUMNS)


def canvas_sections(project: Project) -> dict[str, list[str]]:
    """The newest canvas as slide lines: each block with its notes."""
    canvas = project.canvases.order_by("-pk").first()
    if canvas is None:
        return {}
    notes = {}
    for note in Note.objects.filter(canvas=canvas, deleted=False).order_by("block", "position"):
        notes.setdefault(note.block, []).append(note.text)
    return {
        "canvas": [
            f"{block.title}: {'; '.join(notes[block.key])}"
            for block in BLOCKS
            if block.key in notes
        ]
    }


def benefit_sections(project: Project) -> tuple[dict[str, list[str]], dict[str, dict]]:
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
    return sections, {"benefits": benefit_charts.yearly_chart(result)}
