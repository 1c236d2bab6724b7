"""The 10-20-30 deck of one project: rendered cold and served from cache."""

from django.core.cache import cache
from django.test import Client

from bench.harness import request, timed
from projects.models import Measure

COLD_MS = 2000
CACHED_MS = 50
PAGE_MS = 50


def build(ctx: dict) -> None:
    Measure.objects.bulk_create(
        Measure(project=ctx["project"], title=f"Tiltak {n}", benefit=n % 5 + 1, effort=3)
        for n in range(12)
    )


def rows(ctx: dict):
    client = Client()
    client.force_login(ctx["member"])
    url = f"/projects/{ctx['project'].pk}/deck.pdf"
    fetch = request(client, "get", url)

    def cold():
        cache.clear()
        return fetch()

    present = f"/projects/{ctx['project'].pk}/deck/"
    yield timed("page: deck presentation", PAGE_MS, request(client, "get", present))
    yield timed("deck: PDF, cold", COLD_MS, cold, repeat=5, warmup=1)
    yield timed("deck: PDF, from cache", CACHED_MS, fetch)
    yield timed(
        "deck: PPTX, cold",
        COLD_MS,
        lambda: (cache.clear(), request(client, "get", url.replace(".pdf", ".pptx"))()),
        repeat=5,
        warmup=1,
    )
