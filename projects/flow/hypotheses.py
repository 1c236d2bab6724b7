"""Hypotheses worth testing that other apps hold (e.g. canvas notes marked
"hypothesis to test"). They register a source from `ready()`, so projects
needs to know nothing of them; step 1 offers them in its experiments log."""

from collections.abc import Callable

SOURCES: list[Callable] = []


def register(source: Callable) -> None:
    """`source(project)` returns the texts of the project's hypotheses to test."""
    if source not in SOURCES:
        SOURCES.append(source)


def hypotheses_to_test(project) -> list[str]:
    return [text for source in SOURCES for text in source(project)]
