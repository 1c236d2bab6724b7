"""Throughput under gunicorn (2 sync workers, loopback): the busiest page against
a trivial view, as a ratio. The in-process rows show server time; this shows
what the whole stack (WSGI, middleware, sessions, database) leaves of it.

Repeating one page measures its caches; the load test's realistic mix
(`bench.load.MIX`: boards, note writes, plans, portfolio, overview, history),
sent by as many simulated users as there are connections, is measured in the
same slices against the same trivial view."""

import threading
import time
from dataclasses import dataclass
from functools import partial
from http.client import HTTPException
from pathlib import Path

from django.conf import settings
from django.test import Client

from bench import load
from bench.server import Request, free_port, gunicorn, send

GOAL = 0.3
SECONDS = 5.0  # per view, in slices that alternate between the two views
SLICES = 5
CONNECTIONS = 4  # concurrent clients: both workers busy, the client not starved


@dataclass
class Throughput:
    trivial_per_s: float
    page_per_s: float
    plain_page_per_s: float  # the lightest signed-in page: what any page costs at least
    mix_per_s: float  # the load test's mix

    @property
    def ratio(self) -> float:
        return self.page_per_s / self.trivial_per_s

    @property
    def mix_ratio(self) -> float:
        return self.mix_per_s / self.trivial_per_s

    @property
    def verdict(self) -> str:
        return "PASS" if self.ratio >= GOAL else "OVER"


def rate(port: int, request: Request, *, seconds: float) -> float:
    """Requests per second answered with `request.expect` by CONNECTIONS threads
    sending `request` back to back for `seconds`. Any other answer stops the run."""
    deadline = time.monotonic() + seconds
    counts = [0] * CONNECTIONS
    failures: list[str] = []

    def client(slot: int) -> None:
        while time.monotonic() < deadline and not failures:
            try:
                status = send(port, request).status
            except (OSError, HTTPException) as error:
                failures.append(f"{request.method} {request.path}: {error!r}")
                return
            if status != request.expect:
                failures.append(f"{request.method} {request.path}: {status}")
            counts[slot] += 1

    start = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise AssertionError(failures[0])
    return sum(counts) / (time.monotonic() - start)


def mix_rate(port: int, users: list[load.VirtualUser], *, seconds: float) -> float:
    """Requests per second of the load test's mix, one user per connection.
    Any failed request stops the run."""
    start = time.monotonic()
    samples = load.run(port, users, load.MIX, seconds)
    elapsed = time.monotonic() - start
    failed = next((sample.name for sample in samples if not sample.ok), None)
    if failed:
        raise AssertionError(f"mix: {failed} failed")
    return len(samples) / elapsed


def measure(ctx: dict, workdir: Path) -> Throughput:
    client = Client()
    client.force_login(ctx["member"])  # a session row in the benchmark database
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    page = Request("GET", f"/projects/{ctx['project'].pk}/", {"Cookie": cookie})
    plain = Request("GET", "/accessibility/", {"Cookie": cookie})
    trivial = Request("GET", "/health/")
    users = load.build(CONNECTIONS)
    with gunicorn(port=free_port(), logdir=workdir) as port:
        load.arrive(port, users)
        rate(port, page, seconds=0.5)  # warm both workers up
        # Alternating slices share out any change in the machine's other load fairly.
        slices = [partial(rate, port, request) for request in (trivial, page, plain)]
        slices.append(partial(mix_rate, port, users))
        rates: list[list[float]] = [[] for _ in slices]
        for _ in range(SLICES):
            for one_slice, measured in zip(slices, rates, strict=True):
                measured.append(one_slice(seconds=SECONDS / SLICES))
        return Throughput(*(sum(r) / SLICES for r in rates))


def print_row(result: Throughput) -> None:
    print()
    print(f"{'gunicorn, 2 workers':<28}  {'req/s':>8}")
    print(f"{'trivial view (/health/)':<28}  {result.trivial_per_s:>8.0f}")
    print(f"{'page: project overview':<28}  {result.page_per_s:>8.0f}")
    print(f"{'ratio page/trivial':<28}  {result.ratio:>8.2f}  goal >= {GOAL}  {result.verdict}")
    plain_ratio = result.plain_page_per_s / result.trivial_per_s
    print(f"{'for comparison:':<28}")
    print(f"{'page: accessibility (static)':<28}  {result.plain_page_per_s:>8.0f}")
    print(f"{'ratio static page/trivial':<28}  {plain_ratio:>8.2f}")
    print(f"{'mix of the load test':<28}  {result.mix_per_s:>8.0f}")
    print(f"{'ratio mix/trivial':<28}  {result.mix_ratio:>8.2f}")
