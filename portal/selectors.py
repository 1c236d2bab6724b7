"""Reads for the portfolio: a constant number of queries, however many projects."""

import pandas as pd
from django.db.models import Case, CharField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Concat, NullIf
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from benefits import calculations, smarte
from benefits import charts as benefit_charts
from benefits.models import BenefitPlan, BenefitValue, Cost, Indicator, Measurement
from benefits.selectors import load_plan
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
    plans["rate"] = plans["rate"].astype(float) / 100
    plans["unit"] = plans["unit"].fillna("–")
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
        [
            "plan_id",
            "benefit_id",
            "kind",
            "alternative_use",
            "decided_by",
            "year",
            "basis",
            "a",
            "b",
        ],
    )
    values = raw[["plan_id", "benefit_id", "year"]].assign(
        counted=[
            calculations.counts_in_money(kind=k, alternative_use=u, decided_by=d)
            for k, u, d in zip(raw["kind"], raw["alternative_use"], raw["decided_by"], strict=True)
        ],
        amount=[
            calculations.value_amount(basis=basis, a=float(a), b=None if b is None else float(b))
            for basis, a, b in zip(raw["basis"], raw["a"], raw["b"], strict=True)
        ],
    )
    costs = _frame(
        Cost.objects.filter(plan__project__in=ids).values_list("plan_id", "year", "expected"),
        ["plan_id", "year", "amount"],
    )
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
    and its yearly chart."""
    plan = BenefitPlan.objects.filter(project=project).first()
    if plan is None:
        return {}, {}
    loaded = load_plan(plan)
    result = loaded.result()
    expected = result.scenarios[calculations.EXPECTED]
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
        f"{_('Status')}: {plan.get_status_display()}",
    ]
    kinds = {kind: str(label) for kind, label in BenefitKind.choices}  # each translated once
    summary += [f"{b.title} – {kinds.get(b.kind, b.kind)}" for b in loaded.benefits]
    indicators = [i for b in loaded.benefits for i in b.indicator_list]
    # The last value of each indicator: the rows in order, the last one kept.
    latest = dict(
        Measurement.objects.filter(indicator__in=indicators)
        .order_by("date", "pk")
        .values_list("indicator_id", "value")
    )
    followup = []
    for indicator in indicators:
        checks = smarte.assess(indicator)
        letters = "".join(smarte.CRITERIA[c.key][0] if c.ok else "·" for c in checks)
        value = latest.get(indicator.pk)
        now = _("not measured yet") if value is None else calculations.format_number(value)
        followup.append(
            f"{indicator.name}: {now} → {calculations.format_number(indicator.target_value or 0)}"
            f" {indicator.unit} ({letters})"
        )
    realisation = [
        f"{b.title}: {b.owner.get_full_name() or b.owner.username}"
        + (f", {_('measures')}: {', '.join(b.measure_titles)}" if b.measure_titles else "")
        for b in loaded.benefits
        if b.owner
    ]
    sections = {
        "benefit_plan": summary,
        "benefit_followup": followup,
        "realisation_plan": realisation,
    }
    return sections, {"benefits": benefit_charts.yearly_chart(result)}
