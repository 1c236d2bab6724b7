"""The benefit map (gevinstkart) as plain data: which links it allows, how
its three columns are ordered and placed, and the same content as a nested
list. No database here; `links.py`'s selectors build the nodes and edges.

The map is layered: what the project changes (a measure of the
prioritization matrix, a step-3 activity or a touchpoint) leads to a
benefit, and a benefit to a goal of step 2. Only those two kinds of link are
allowed, so the map can have no cycle: an arrow never goes back to an
earlier column, nor between two items of one column."""

import textwrap
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

CHANGES = ("measure", "activity", "touchpoint")
KINDS = (*CHANGES, "benefit", "goal")
COLUMN = {**dict.fromkeys(CHANGES, 0), "benefit": 1, "goal": 2}

# Drawing, in SVG user units (the SVG scales to its box).
BOX_WIDTH = 220
COLUMN_GAP = 110
LINE_HEIGHT = 16
PADDING = 10
BOX_GAP = 14
WRAP = 28  # characters per line in a box
MAX_LINES = 3
SWEEPS = 4


def key_of(kind: str, pk: int) -> str:
    return f"{kind}:{pk}"


def parse_key(value: str) -> tuple[str, int] | None:
    """("benefit", 7) from "benefit:7"; None for anything else."""
    kind, _sep, number = (value or "").partition(":")
    if kind not in KINDS or not number.isdigit() or len(number) > 12:
        return None
    return kind, int(number)


def link_refusal(*, source: str, target: str, existing: set[tuple[str, str]]) -> str | None:
    """Why the link `source` → `target` (keys as from `key_of`) may not join
    a map holding the links `existing`; None when it may."""
    a, b = parse_key(source), parse_key(target)
    if a is None or b is None:
        return _("Choose what the link goes from and what it leads to.")
    if COLUMN[a[0]] >= COLUMN[b[0]]:
        # The only way back, or sideways, would close a cycle or skip the chain.
        return _(
            "A link may not go back or sideways: the map runs from a change to a benefit "
            "to a goal, so it never goes round in a circle."
        )
    if not ((a[0] in CHANGES and b[0] == "benefit") or (a[0] == "benefit" and b[0] == "goal")):
        return _("A change leads to a benefit, and a benefit to a goal; link through a benefit.")
    if (source, target) in existing:
        return _("This link is already on the map.")
    return None


@dataclass(frozen=True)
class Node:
    key: str
    kind: str
    title: str
    kind_label: str = ""  # the kind in words, for the list beside the drawing


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    assumption: str = ""
    pk: int | None = None


@dataclass
class Box:
    node: Node
    x: float
    y: float
    height: float
    lines: list[str]

    @property
    def middle(self) -> float:
        return self.y + self.height / 2

    @property
    def text_x(self) -> float:
        return self.x + PADDING


@dataclass
class Layout:
    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)
    paths: list[tuple[Edge, str]] = field(default_factory=list)
    headings: list[tuple[float, int]] = field(default_factory=list)  # (x, column)
    box_width: int = BOX_WIDTH


def columns(nodes: list[Node], edges: list[Edge]) -> list[list[Node]]:
    """The nodes by column, each column ordered to reduce crossings: a few
    sweeps of the barycentre heuristic (a node goes to the mean position of
    its neighbours in the column beside it); ties and nodes without
    neighbours keep their given order."""
    cols: list[list[Node]] = [[], [], []]
    for node in nodes:
        cols[COLUMN[node.kind]].append(node)
    neighbours: dict[str, list[str]] = {node.key: [] for node in nodes}
    for edge in edges:
        if edge.source in neighbours and edge.target in neighbours:
            neighbours[edge.source].append(edge.target)
            neighbours[edge.target].append(edge.source)

    def reorder(col: list[Node], fixed: list[list[Node]]) -> list[Node]:
        place = {n.key: i for side in fixed for i, n in enumerate(side)}

        def weight(item: tuple[int, Node]) -> tuple[float, int]:
            index, node = item
            near = [place[k] for k in neighbours[node.key] if k in place]
            return (sum(near) / len(near) if near else float(index), index)

        return [node for _i, node in sorted(enumerate(col), key=weight)]

    for _sweep in range(SWEEPS):
        cols[1] = reorder(cols[1], [cols[0]])
        cols[2] = reorder(cols[2], [cols[1]])
        cols[1] = reorder(cols[1], [cols[2]] if any(cols[2]) else [cols[0]])
        cols[0] = reorder(cols[0], [cols[1]])
    return cols


def crossings(cols: list[list[Node]], edges: list[Edge]) -> int:
    """How many pairs of edges cross between neighbouring columns."""
    place = {n.key: (COLUMN[n.kind], i) for col in cols for i, n in enumerate(col)}
    spans = [
        (place[e.source][0], place[e.source][1], place[e.target][1])
        for e in edges
        if e.source in place and e.target in place
    ]
    count = 0
    for i, (c1, a1, b1) in enumerate(spans):
        for c2, a2, b2 in spans[i + 1 :]:
            count += c1 == c2 and (a1 - a2) * (b1 - b2) < 0
    return count


def _lines(title: str) -> list[str]:
    lines = textwrap.wrap(title, WRAP, break_long_words=True) or [""]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: WRAP - 1].rstrip() + "…"
    return lines


def layout(nodes: list[Node], edges: list[Edge]) -> Layout:
    """Where each box and arrow of the map goes: three columns left to right,
    boxes stacked in the order of `columns`, arrows as curves from a box's
    right edge to the next column's box."""
    cols = columns(nodes, edges)
    result = Layout(width=3 * BOX_WIDTH + 2 * COLUMN_GAP, height=0)
    where: dict[str, Box] = {}
    top = 2 * LINE_HEIGHT  # room for the column headings
    for index, col in enumerate(cols):
        x = index * (BOX_WIDTH + COLUMN_GAP)
        result.headings.append((x, index))
        y = top
        for node in col:
            lines = _lines(node.title)
            box = Box(
                node=node, x=x, y=y, height=len(lines) * LINE_HEIGHT + 2 * PADDING, lines=lines
            )
            result.boxes.append(box)
            where[node.key] = box
            y += box.height + BOX_GAP
        result.height = max(result.height, y)
    for edge in edges:
        a, b = where.get(edge.source), where.get(edge.target)
        if a is None or b is None:
            continue
        x1, x2 = a.x + BOX_WIDTH, b.x
        bend = (x1 + x2) / 2
        path = (
            f"M{x1:g} {a.middle:g} C{bend:g} {a.middle:g} {bend:g} {b.middle:g} {x2:g} {b.middle:g}"
        )
        result.paths.append((edge, path))
    return result


@dataclass
class Branch:
    """One item of the nested list: a node, the assumption of the link that
    leads to it, and what it leads to."""

    node: Node
    assumption: str = ""
    link: Edge | None = None
    children: list["Branch"] = field(default_factory=list)


def tree(nodes: list[Node], edges: list[Edge]) -> list[Branch]:
    """The map as a nested list: each change with the benefits it leads to
    and, under each benefit, its goals; then the benefits no change leads to
    yet, with their goals. A benefit with several changes appears under each."""
    by_key = {n.key: n for n in nodes}
    out: dict[str, list[Edge]] = {}
    led_to = set()
    for edge in edges:
        if edge.source in by_key and edge.target in by_key:
            out.setdefault(edge.source, []).append(edge)
            led_to.add(edge.target)

    def benefit_branch(node: Node, edge: Edge | None) -> Branch:
        goals = [Branch(by_key[e.target], e.assumption, e) for e in out.get(node.key, [])]
        return Branch(node, edge.assumption if edge else "", edge, goals)

    branches = []
    for node in nodes:
        if node.kind in CHANGES and node.key in out:
            benefits = [benefit_branch(by_key[e.target], e) for e in out[node.key]]
            branches.append(Branch(node, children=benefits))
    for node in nodes:
        if node.kind == "benefit" and node.key not in led_to:
            branches.append(benefit_branch(node, None))
    return branches


def chain_lines(nodes: list[Node], edges: list[Edge]) -> list[str]:
    """The map in sentences for a slide: "change → benefit → goal", with the
    assumptions in brackets."""
    lines = []
    for branch in tree(nodes, edges):
        heads = [branch] if branch.node.kind == "benefit" else branch.children
        prefix = "" if branch.node.kind == "benefit" else f"{branch.node.title} → "
        for benefit in heads:
            first = (
                prefix
                + benefit.node.title
                + (f" ({benefit.assumption})" if benefit.assumption else "")
            )
            goals = [
                g.node.title + (f" ({g.assumption})" if g.assumption else "")
                for g in benefit.children
            ]
            if goals or prefix:
                lines.append(
                    first
                    + "".join(f" → {g}" for g in goals[:1])
                    + "".join(f"; {g}" for g in goals[1:])
                )
    return lines
