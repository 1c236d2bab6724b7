"""Measuring server time in-process: median and p95 of repeated requests,
and the number of database queries of one request."""

import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


@dataclass
class Row:
    name: str
    budget_ms: float
    median_ms: float
    p95_ms: float
    queries: int | None = None

    @property
    def verdict(self) -> str:
        return "PASS" if self.median_ms <= self.budget_ms else "OVER"


def timed(name: str, budget_ms: float, call, *, repeat: int = 30, warmup: int = 3) -> Row:
    """Time `call()` `repeat` times after `warmup` calls; count the queries of one call."""
    for _ in range(warmup):
        call()
    with CaptureQueriesContext(connection) as queries:
        call()
    query_count = len(queries)  # read now: the next request resets the log
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(round(0.95 * (len(samples) - 1))))]
    return Row(name, budget_ms, statistics.median(samples), p95, query_count)


def request(client: Client, method: str, url: str, *, data=None, htmx=False, expect=200):
    """A callable that makes one request and checks its status, for `timed`."""
    headers = {"HX-Request": "true"} if htmx else {}

    def call():
        response = getattr(client, method)(url, data or {}, headers=headers)
        if response.status_code != expect:
            raise AssertionError(f"{method.upper()} {url}: {response.status_code}, not {expect}")
        return response

    return call


def print_table(rows: list[Row]) -> None:
    width = max(len(r.name) for r in rows)
    heads = f"{'median ms':>9}  {'p95 ms':>8}  {'budget':>7}  {'queries':>7}  verdict"
    print(f"{'item':<{width}}  {heads}")
    for r in rows:
        queries = "" if r.queries is None else str(r.queries)
        print(
            f"{r.name:<{width}}  {r.median_ms:>9.2f}  {r.p95_ms:>8.2f}  {r.budget_ms:>7.0f}"
            f"  {queries:>7}  {r.verdict}"
        )
