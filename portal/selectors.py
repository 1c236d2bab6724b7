"""Reads for the portfolio: a constant number of queries, however many projects."""

import pandas as pd
from django.db.models import Case, CharField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce, Concat, NullIf
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects.models import Membership, Project
from projects.selectors import projects_for_user
from projects.selectors_steps import deck_sections

from .decks import DeckData
from .portfolio import FUNNEL_ORDER, STATUS_ORDER, STEP_ORDER

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


def portfolio_frame(projects: QuerySet[Project]) -> pd.DataFrame:
    """One row per project with the fields the charts count."""
    rows = projects.values("pk", "unit__name", "step", "status", "funnel_stage")
    return pd.DataFrame.from_records(
        list(rows), columns=["pk", "unit__name", "step", "status", "funnel_stage"]
    )


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
    return DeckData(
        title=project.title,
        step=project.step,
        unit=str(project.unit or ""),
        summary=project.summary,
        sections=sections,
    )
