"""Reads for the portfolio: a constant number of queries, however many projects."""

import pandas as pd
from django.db.models import Case, CharField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Concat, NullIf

from benefits import calculations
from benefits.models import BenefitPlan, BenefitValue, Cost, Indicator, Measurement
from benefits.progress import DEVIATION
from benefits.selectors import approved_snapshots, digest
from projects.models import Membership, Project
from projects.selectors import projects_for_user

from .portfolio import (
    FUNNEL_ORDER,
    STATUS_ORDER,
    STEP_ORDER,
    benefit_progress,
    status_counts,
)


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
    if filters.get("deviations"):
        qs = projects_with_deviations(qs)
    order = SORTS.get(filters.get("sort") or "title", SORTS["title"])
    if filters.get("order") == "desc":
        order = [f[1:] if f.startswith("-") else f"-{f}" for f in order]
    return qs.order_by(*order)


def _frame(rows, columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame.from_records(list(rows), columns=columns)


def portfolio_frame(projects: QuerySet[Project]) -> pd.DataFrame:
    """One row per project with the fields the charts count."""
    columns = ["pk", "unit__name", "step", "status", "funnel_stage"]
    columns += ["flow__mode1_effect", "flow__bimodal_maturity"]
    return _frame(projects.values_list(*columns), columns)


def benefits_fingerprint(projects: QuerySet[Project], *, this_year: int) -> str:
    """What the portfolio's benefit figures of `projects` are worked out from:
    each project at its change stamp (every recorded change of its plan, values,
    costs, indicators, measurements and approvals replaces it), its unit's name
    (figures are summed per unit) and the year (realised to date). One query."""
    rows = projects.order_by("pk").values_list("pk", "change_stamp", "unit__name")
    return digest((this_year, tuple(rows)))


def benefit_frames(projects: QuerySet[Project]) -> dict:
    """The benefit plans of `projects` as frames for portfolio.benefit_summary:
    five queries, however many projects, benefits and years."""
    ids = projects.order_by().values("pk")
    plans = _frame(
        BenefitPlan.objects.filter(project__in=ids).values_list(
            "pk",
            "project_id",
            "project__unit__name",
            "first_year",
            "horizon",
            "discount_rate",
            "status",
        ),
        ["plan_id", "project_id", "unit", "first_year", "horizon", "rate", "status"],
    )
    plans["rate"] = plans["rate"].astype(float)
    plans["unit"] = plans["unit"].fillna("–")
    # A plan under revision counts as approved: its snapshot replaces its rows.
    approved = approved_snapshots(BenefitPlan.objects.filter(project__in=ids).values("pk"))
    plans["revising"] = plans["plan_id"].isin(list(approved))
    # Never approved: the draft's figures are shown, marked as such.
    plans["unapproved"] = ~plans["revising"] & (plans["status"] != BenefitPlan.Status.APPROVED)
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
    indicators, measurements = indicator_frames(ids)
    return {
        "plans": plans,
        "values": values,
        "costs": costs,
        "progress": benefit_progress(indicators, measurements),
        "statuses": status_counts(indicators, measurements),
    }


def indicator_frames(ids) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The indicators of the projects `ids` (a queryset of pks) and their
    measurements, as frames: two queries."""
    indicators = _frame(
        Indicator.objects.filter(benefit__plan__project__in=ids).values_list(
            "pk",
            "benefit_id",
            "baseline_value",
            "target_value",
            "baseline_date",
            "target_date",
            "benefit__plan__project_id",
            "benefit__plan__progress_tolerance",
        ),
        INDICATOR_COLUMNS,
    )
    for column in ("baseline_value", "target_value", "tolerance"):
        indicators[column] = indicators[column].astype(float)
    measurements = _frame(
        Measurement.objects.filter(indicator__benefit__plan__project__in=ids).values_list(
            "indicator_id", "date", "value"
        ),
        ["indicator_id", "date", "value"],
    )
    measurements["value"] = measurements["value"].astype(float)
    return indicators, measurements


def projects_with_deviations(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Those of `projects` with an indicator in deviation from its target path."""
    counts = status_counts(*indicator_frames(projects.order_by().values("pk")))
    return projects.filter(pk__in=[pk for pk, n in counts.items() if n[DEVIATION]])


INDICATOR_COLUMNS = [
    "indicator_id",
    "benefit_id",
    "baseline_value",
    "target_value",
    "baseline_date",
    "target_date",
    "project_id",
    "tolerance",
]


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
