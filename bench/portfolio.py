"""The leaders' portfolio over the 1,000 projects built by bench.pages."""

from django.test import Client

from bench.harness import request, timed

PORTFOLIO_MS = 150  # the dashboard's own budget in the design
FILTER_MS = 100  # the dashboard again, filtered: under its budget, with room
EXPORT_MS = 1000
PAGE_MS = 50


def rows(ctx: dict):
    client = Client()
    client.force_login(ctx["leader"])
    unit = ctx["project"].unit_id
    yield timed(
        "page: portfolio with status counts (1,000 projects)",
        PORTFOLIO_MS,
        request(client, "get", "/portfolio/"),
    )
    yield timed(
        "fragment: portfolio filtered by unit",
        FILTER_MS,
        request(client, "get", f"/portfolio/?unit={unit}&sort=step", htmx=True),
    )
    yield timed(
        "page: unit ratings (10 units)", PAGE_MS, request(client, "get", "/portfolio/units/")
    )
    yield timed(
        "export: portfolio Excel (1,000 rows)",
        EXPORT_MS,
        request(client, "get", "/portfolio/export.xlsx"),
        repeat=5,
    )
    yield timed(
        "export: portfolio CSV (1,000 rows)",
        EXPORT_MS,
        request(client, "get", "/portfolio/export.csv"),
        repeat=5,
    )
