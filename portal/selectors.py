"""Reads for the portfolio: a constant number of queries, however many projects."""

import pandas as pd
from django.db.models import Case, CharField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Concat, NullIf

from projects.models import Membership, Project
from projects.selectors import projects_for_user

from .portfolio import FUNNEL_ORDER, STATUS_ORDER, STEP_ORDER


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


def portfolio_frame(projects: QuerySet[Project]) -> pd.DataFrame:
    """One row per project with the fields the charts count."""
    rows = projects.values("pk", "unit__name", "step", "status", "funnel_stage")
    return pd.DataFrame.from_records(
        list(rows), columns=["pk", "unit__name", "step", "status", "funnel_stage"]
    )
