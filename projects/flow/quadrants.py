"""Placing things in 2×2 matrices: pure rules on plain values, and the names
and descriptions of the bimodal placements (lazy translations, the module's
only use of Django).

The prioritization matrix (measures):
    A score of 3 or more (on 1–5) is high, 1–2 is low.
    high benefit, low effort  -> do now
    high benefit, high effort -> plan
    low benefit,  low effort  -> when there is capacity
    low benefit,  high effort -> avoid
Measures are listed by quadrant in that order, then benefit high to low, then
effort low to high.

The bimodal matrix (the project's first exploratory project):
    low effect on mode 1,  low bimodal maturity  -> island
    low effect on mode 1,  high bimodal maturity -> extension
    high effect on mode 1, high bimodal maturity -> new core
    high effect on mode 1, low bimodal maturity  -> shift
"""

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext_lazy

HIGH_FROM = 3  # a score of 3 or more is "high"

DO_NOW, PLAN, WHEN_CAPACITY, AVOID = "do_now", "plan", "when_capacity", "avoid"
QUADRANTS = [DO_NOW, PLAN, WHEN_CAPACITY, AVOID]

ISLAND, EXTENSION, NEW_CORE, SHIFT = "island", "extension", "new_core", "shift"
PLACEMENTS = [ISLAND, EXTENSION, NEW_CORE, SHIFT]


def is_high(score: int) -> bool:
    if not 1 <= score <= 5:
        raise ValueError(f"a score is 1–5, not {score}")
    return score >= HIGH_FROM


def quadrant(*, benefit: int, effort: int) -> str:
    """The prioritization quadrant of a measure scored 1–5 for benefit and effort."""
    if is_high(benefit):
        return PLAN if is_high(effort) else DO_NOW
    return AVOID if is_high(effort) else WHEN_CAPACITY


def prioritized(measures: Iterable[Any]) -> list[Any]:
    """`measures` (anything with `benefit`, `effort` and `title`) in the matrix's
    order: quadrant, then benefit high to low, then effort low to high."""
    return sorted(
        measures,
        key=lambda m: (
            QUADRANTS.index(quadrant(benefit=m.benefit, effort=m.effort)),
            -m.benefit,
            m.effort,
            m.title.lower(),
        ),
    )


def bimodal_placement(*, mode1_effect: str, maturity: str) -> str | None:
    """Island, extension, new core or shift from "low"/"high" values; None until
    both are known."""
    if mode1_effect not in ("low", "high") or maturity not in ("low", "high"):
        return None
    return {
        ("low", "low"): ISLAND,
        ("low", "high"): EXTENSION,
        ("high", "high"): NEW_CORE,
        ("high", "low"): SHIFT,
    }[(mode1_effect, maturity)]


# The bimodal placements' names and what each means, as the step 1 page and the
# portfolio show them.
PLACEMENT_TEXT = {
    ISLAND: (
        gettext_lazy("Island"),
        gettext_lazy("Little effect on mode 1 and low maturity: a safe, isolated place to start."),
    ),
    EXTENSION: (
        gettext_lazy("Extension"),
        gettext_lazy(
            "Little effect on mode 1, high maturity: "
            "exploratory work that extends today's services."
        ),
    ),
    SHIFT: (
        gettext_lazy("Shift"),
        gettext_lazy(
            "Great effect on mode 1, low maturity: demands a shift in how the "
            "organisation works — risky as a first project."
        ),
    ),
    NEW_CORE: (
        gettext_lazy("New core"),
        gettext_lazy(
            "Great effect on mode 1, high maturity: the exploratory work builds a new core."
        ),
    ),
}
