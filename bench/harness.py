"""Measuring server time in-process: median and p95 of repeated requests,
and the number of database queries of one request."""

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.stats import percentile


def setup(*, sqlite_dir: str | None = None, before_migrate: Callable[[], None] | None = None):
    """Production-like settings (DEBUG off, no collectstatic, no HTTPS redirect)
    on a throwaway database: SQLite in `sqlite_dir` unless DATABASE_URL is set.
    Then migrate it; `before_migrate` may create the database first."""
    if sqlite_dir:
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{sqlite_dir}/bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-" + "x" * 40)
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("STATIC_MANIFEST", "false")  # no collectstatic needed
    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test client run against this database
    if before_migrate:
        before_migrate()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)


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
    return Row(name, budget_ms, statistics.median(samples), percentile(samples, 0.95), query_count)


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
