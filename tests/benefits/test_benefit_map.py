"""The benefit map's rules, layout and list as pure functions (no database)."""

import pytest
from django.utils import translation

from benefits import benefit_map as bm
from benefits.benefit_map import Edge, Node


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def node(key: str, title: str = "") -> Node:
    return Node(key, key.partition(":")[0], title or key)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("measure:1", "benefit:2"),
        ("activity:1", "benefit:2"),
        ("touchpoint:1", "benefit:2"),
        ("benefit:2", "goal:3"),
    ],
)
def test_it_allows_change_to_benefit_and_benefit_to_goal(source, target):
    assert bm.link_refusal(source=source, target=target, existing=set()) is None


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("benefit:2", "benefit:3"),  # sideways: the only way a cycle could start
        ("benefit:2", "benefit:2"),
        ("goal:3", "benefit:2"),  # back: would close change → benefit → goal → benefit
        ("benefit:2", "measure:1"),
        ("goal:3", "measure:1"),
        ("measure:1", "activity:2"),
    ],
)
def test_it_refuses_links_back_or_sideways_as_cycles(source, target):
    reason = bm.link_refusal(source=source, target=target, existing=set())
    assert "never goes round in a circle" in reason


@pytest.mark.parametrize("source", ["measure:1", "activity:4", "touchpoint:9"])
def test_it_refuses_a_change_straight_to_a_goal(source):
    reason = bm.link_refusal(source=source, target="goal:3", existing=set())
    assert "link through a benefit" in reason


def test_it_refuses_a_duplicate():
    existing = {("measure:1", "benefit:2")}
    assert "already on the map" in bm.link_refusal(
        source="measure:1", target="benefit:2", existing=existing
    )
    assert bm.link_refusal(source="measure:1", target="benefit:3", existing=existing) is None


@pytest.mark.parametrize("value", ["", "benefit", "benefit:", "benefit:x", "cost:1", "goal:-1"])
def test_it_refuses_what_is_not_a_key(value):
    assert bm.parse_key(value) is None
    assert "Choose" in bm.link_refusal(source=value, target="goal:1", existing=set())


def test_it_orders_columns_to_remove_crossings():
    # Given order crosses every pair; the barycentre sweep untangles them.
    nodes = [node(k) for k in ("measure:1", "measure:2", "measure:3")]
    nodes += [node(k) for k in ("benefit:1", "benefit:2", "benefit:3", "goal:2", "goal:1")]
    edges = [
        Edge("measure:1", "benefit:3"),
        Edge("measure:2", "benefit:2"),
        Edge("measure:3", "benefit:1"),
        Edge("benefit:3", "goal:2"),
        Edge("benefit:1", "goal:1"),
    ]
    given = [nodes[:3], nodes[3:6], nodes[6:]]
    assert bm.crossings(given, edges) == 3 + 1
    cols = bm.columns(nodes, edges)
    assert bm.crossings(cols, edges) == 0
    assert [n.key for n in cols[0]] == ["measure:1", "measure:2", "measure:3"]
    assert [n.key for n in cols[1]] == ["benefit:3", "benefit:2", "benefit:1"]
    assert [n.key for n in cols[2]] == ["goal:2", "goal:1"]


def test_it_keeps_the_given_order_of_unlinked_nodes():
    nodes = [node("benefit:5"), node("benefit:1"), node("benefit:3")]
    assert [n.key for n in bm.columns(nodes, [])[1]] == ["benefit:5", "benefit:1", "benefit:3"]


def test_it_places_boxes_in_three_columns_and_draws_each_edge():
    nodes = [node("measure:1", "SMS-varsel"), node("benefit:1", "Færre telefoner")]
    nodes.append(node("goal:1", "Tryggere tjeneste " * 10))
    edges = [Edge("measure:1", "benefit:1"), Edge("benefit:1", "goal:1")]
    result = bm.layout(nodes, edges)
    xs = {box.node.key: box.x for box in result.boxes}
    assert xs == {"measure:1": 0, "benefit:1": 330, "goal:1": 660}
    assert result.width == 3 * 220 + 2 * 110
    long_goal = next(box for box in result.boxes if box.node.kind == "goal")
    assert len(long_goal.lines) == bm.MAX_LINES and long_goal.lines[-1].endswith("…")
    assert long_goal.height == 3 * 16 + 20
    assert result.height == 32 + long_goal.height + 14
    # From the middle of the right edge of the measure's box (32 + 36 / 2) to the benefit's.
    (first, path), _second = result.paths
    assert first.source == "measure:1"
    assert path.startswith("M220 50 C275 50") and path.endswith("330 50")


def test_it_lists_each_change_with_its_benefits_and_their_goals():
    nodes = [node("measure:1", "SMS"), node("touchpoint:2", "App")]
    nodes += [node("benefit:1", "Færre telefoner"), node("benefit:2", "Spart tid")]
    nodes += [node("goal:1", "Trygghet")]
    edges = [
        Edge("measure:1", "benefit:1", "Folk leser SMS"),
        Edge("touchpoint:2", "benefit:1"),
        Edge("benefit:1", "goal:1", "Færre avbrudd"),
        Edge("benefit:2", "goal:1"),
    ]
    tree = bm.tree(nodes, edges)
    assert [b.node.title for b in tree] == ["SMS", "App", "Spart tid"]
    sms = tree[0].children[0]
    assert (sms.node.title, sms.assumption) == ("Færre telefoner", "Folk leser SMS")
    assert [(g.node.title, g.assumption) for g in sms.children] == [("Trygghet", "Færre avbrudd")]
    assert tree[1].children[0].children[0].node.title == "Trygghet"  # shown under both
    assert [g.node.title for g in tree[2].children] == ["Trygghet"]
    assert bm.chain_lines(nodes, edges) == [
        "SMS → Færre telefoner (Folk leser SMS) → Trygghet (Færre avbrudd)",
        "App → Færre telefoner → Trygghet (Færre avbrudd)",
        "Spart tid → Trygghet",
    ]
