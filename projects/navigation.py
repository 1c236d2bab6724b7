"""The tabs of a project's pages. Apps add theirs from `ready()`, so projects
needs to know nothing of them."""

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Tab:
    label: str | Promise
    url_name: str
    order: int


TABS: list[Tab] = []


def register(label: str | Promise, url_name: str, *, order: int) -> None:
    if not any(tab.url_name == url_name for tab in TABS):
        TABS.append(Tab(label, url_name, order))
        TABS.sort(key=lambda tab: tab.order)
