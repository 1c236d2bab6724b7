"""The benefit map read from and written to the database: its nodes and
edges for benefit_map.py, the lists its links are made from, and adding and
removing a link under the plan's rules."""

from dataclasses import dataclass

import pandas as pd
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects import access
from projects.models import Activity, Goal, Measure, Touchpoint
from projects.versioning import delete_versioned

from . import services
from .benefit_map import CHANGES, Edge, Node, chain_lines, key_of, layout, link_refusal, parse_key
from .models import Benefit, BenefitPlan, MapLink

KIND_NAMES = {
    "measure": gettext_lazy("Measure"),
    "activity": gettext_lazy("Activity"),
    "touchpoint": gettext_lazy("Touchpoint"),
    "benefit": gettext_lazy("Benefit"),
    "goal": gettext_lazy("Goal"),
}
END_MODELS = {"measure": Measure, "activity": Activity, "touchpoint": Touchpoint, "goal": Goal}


def link_ends(link: MapLink) -> tuple[str, str]:
    """The link's (source, target) keys."""
    end = link.end_name
    other = key_of(end, getattr(link, f"{end}_id"))
    benefit = key_of("benefit", link.benefit_id)
    return (benefit, other) if end == "goal" else (other, benefit)


@dataclass
class MapGraph:
    nodes: list[Node]
    edges: list[Edge]
    links: dict[int, MapLink]

    @property
    def empty(self) -> bool:
        return not self.edges


def map_graph(plan: BenefitPlan) -> MapGraph:
    """Every benefit of the plan, and the changes and goals its links name,
    in two queries. Changes come in the order measures, activities,
    touchpoints; goals by level."""
    links = list(
        MapLink.objects.filter(plan=plan).select_related(
            "measure", "activity", "touchpoint", "goal"
        )
    )
    ends: dict[str, dict[str, Node]] = {kind: {} for kind in END_MODELS}
    names = {kind: str(name) for kind, name in KIND_NAMES.items()}  # each translated once
    edges = []
    for link in links:
        end = link.end_name
        other = link.other_end
        key = key_of(end, other.pk)
        ends[end].setdefault(key, Node(key, end, str(other), names[end]))
        source, target = link_ends(link)
        edges.append(Edge(source, target, link.assumption, link.pk))
    benefits = [
        Node(key_of("benefit", pk), "benefit", title, names["benefit"])
        for pk, title in plan.benefits.order_by("position", "pk").values_list("pk", "title")
    ]
    changes = [node for kind in CHANGES for node in sorted(ends[kind].values(), key=_pk)]
    goals = sorted(ends["goal"].values(), key=_pk)
    return MapGraph(changes + benefits + goals, edges, {link.pk: link for link in links})


def map_frame(graph: MapGraph) -> pd.DataFrame:
    """The map's links as a sheet: what each goes from and leads to (kind
    and title) and its assumption, in the order they were made."""
    nodes = {node.key: node for node in graph.nodes}
    headers = [_("From (kind)"), _("From"), _("Leads to (kind)"), _("Leads to"), _("Assumption")]
    rows = []
    for edge in graph.edges:
        a, b = nodes[edge.source], nodes[edge.target]
        rows.append(
            [str(KIND_NAMES[a.kind]), a.title, str(KIND_NAMES[b.kind]), b.title, edge.assumption]
        )
    return pd.DataFrame(rows, columns=headers)


def map_deck_part(plan: BenefitPlan) -> tuple[list[str], dict | None]:
    """Slide 8's share of the map: its chains as lines ("change → benefit →
    goal") and its shape as an SVG chart, without text: a slide has no text
    under 30 point, so the chains' titles are in the lines; nothing when the
    map has no link."""
    graph = map_graph(plan)
    if graph.empty:
        return [], None
    svg = render_to_string(
        "benefits/map/_svg.html", {"layout": layout(graph.nodes, graph.edges), "bare": True}
    )
    alt = _(
        "Benefit map: %(n)s links from what the project changes to benefits and goals; "
        "each chain is listed on the slide and in the notes."
    ) % {"n": len(graph.edges)}
    return chain_lines(graph.nodes, graph.edges), {"svg": svg, "text": [alt]}


def _pk(node: Node) -> int:
    return int(node.key.partition(":")[2])


def map_choices(project, plan: BenefitPlan) -> dict[str, list]:
    """What a link may go from and lead to, as grouped choices for a select:
    (group label, [(key, title), …])."""
    measures = [(key_of("measure", m.pk), m.title) for m in project.measures.all()]
    activities = [(key_of("activity", a.pk), a.title) for a in project.activities.all()]
    touchpoints = [(key_of("touchpoint", t.pk), t.title) for t in project.touchpoints.all()]
    benefits = [
        (key_of("benefit", pk), title)
        for pk, title in plan.benefits.order_by("position", "pk").values_list("pk", "title")
    ]
    goals = [(key_of("goal", g.pk), g.title) for g in project.goals.all()]
    source = [
        (_("Measures"), measures),
        (_("Activities"), activities),
        (_("Touchpoints"), touchpoints),
        (_("Benefits"), benefits),
    ]
    target = [(_("Benefits"), benefits), (_("Goals"), goals)]
    return {
        "source": [group for group in source if group[1]],
        "target": [group for group in target if group[1]],
    }


def _end(project, plan: BenefitPlan, key: str):
    kind, pk = parse_key(key)
    if kind == "benefit":
        row = Benefit.objects.filter(plan=plan, pk=pk).first()
    else:
        row = END_MODELS[kind].objects.filter(project=project, pk=pk).first()
    if row is None:
        raise services.Refused(
            _("What you chose is no longer in the project. Reload the page and choose again.")
        )
    return kind, row


@transaction.atomic
def map_link_add(
    *, plan: BenefitPlan, source: str, target: str, assumption: str, actor: access.Actor
) -> MapLink:
    """Link `source` to `target` (keys, see benefit_map.key_of) with the
    `assumption`; refused with the reason by the person's role, the plan's
    state (only a draft or returned plan changes) or the map's rules."""
    access.check(access.plan_edit_refusal(actor))
    services._open_for_edit(plan)  # locks the plan: two adds of one link queue
    existing = {link_ends(link) for link in MapLink.objects.filter(plan=plan)}
    access.check(link_refusal(source=source, target=target, existing=existing))
    ends = dict([_end(plan.project, plan, source), _end(plan.project, plan, target)])
    end = next(kind for kind in ends if kind != "benefit")
    return MapLink.objects.create(
        plan=plan, benefit=ends["benefit"], assumption=assumption, **{end: ends[end]}
    )


@transaction.atomic
def map_link_delete(
    *, plan: BenefitPlan, link: MapLink, version: int | None, actor: access.Actor
) -> None:
    """Remove the link unless it changed or went since `version` (StaleEdit)."""
    access.check(access.plan_edit_refusal(actor))
    services._open_for_edit(plan)
    delete_versioned(link, version=version)


def map_link_label(row, refs: dict) -> str:
    """A link in the project's history: "change → benefit" or "benefit → goal"."""
    benefit = refs.get((Benefit, row.benefit_id), "–")
    for end, model in END_MODELS.items():
        pk = getattr(row, f"{end}_id")
        if pk is not None:
            other = refs.get((model, pk), "–")
            return f"{benefit} → {other}" if end == "goal" else f"{other} → {benefit}"
    return benefit
