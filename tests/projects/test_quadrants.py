"""The matrix rules, worked out by hand; no database."""

from types import SimpleNamespace

import pytest

from projects.flow.quadrants import bimodal_placement, prioritized, quadrant


@pytest.mark.parametrize(
    ("benefit", "effort", "expected"),
    [
        (5, 1, "do_now"),
        (3, 2, "do_now"),
        (3, 3, "plan"),
        (5, 5, "plan"),
        (2, 2, "when_capacity"),
        (1, 1, "when_capacity"),
        (2, 3, "avoid"),
        (1, 5, "avoid"),
    ],
)
def test_it_places_a_measure_in_its_quadrant(benefit, effort, expected):
    assert quadrant(benefit=benefit, effort=effort) == expected


@pytest.mark.parametrize("score", [0, 6, -1])
def test_it_refuses_scores_outside_one_to_five(score):
    with pytest.raises(ValueError):
        quadrant(benefit=score, effort=3)


def test_it_orders_by_quadrant_then_benefit_then_effort():
    def m(title, benefit, effort):
        return SimpleNamespace(title=title, benefit=benefit, effort=effort)

    measures = [
        m("avoid", 1, 5),
        m("plan", 5, 4),
        m("now-4-2", 4, 2),
        m("now-5-2", 5, 2),
        m("now-5-1", 5, 1),
        m("capacity", 2, 1),
    ]
    assert [x.title for x in prioritized(measures)] == [
        "now-5-1",
        "now-5-2",
        "now-4-2",
        "plan",
        "capacity",
        "avoid",
    ]


@pytest.mark.parametrize(
    ("effect", "maturity", "expected"),
    [
        ("low", "low", "island"),
        ("low", "high", "extension"),
        ("high", "high", "new_core"),
        ("high", "low", "shift"),
        ("", "low", None),
        ("high", "", None),
    ],
)
def test_it_places_the_project_in_the_bimodal_matrix(effect, maturity, expected):
    assert bimodal_placement(mode1_effect=effect, maturity=maturity) == expected
