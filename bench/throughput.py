"""Throughput under gunicorn (2 sync workers, loopback): the busiest page against
a trivial view, as a ratio. The in-process rows show server time; this shows
what the whole stack (WSGI, middleware, sessions, database) leaves of it."""

import threading
import time
from dataclasses import dataclass
from http.client import HTTPException
from pathlib import Path

from django.conf import settings
from django.test import Client

from bench.server import Request, free_port, gunicorn, send

GOAL = 0.3
SECONDS = 5.0  # per view, in slices that alternate between the two views
SLICES = 5
CONNECTIONS = 4  # concurrent clients: both workers busy, the client not starved


@dataclass
class Throughput:
    trivial_per_s: float
    page_per_s: float

    @property
    def ratio(self) -> float:
        return self.page_per_s / self.trivial_per_s

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


def measure(ctx: dict, workdir: Path) -> Throughput:
    client = Client()
    client.force_login(ctx["member"])  # a session row in the benchmark database
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    page = Request("GET", f"/projects/{ctx['project'].pk}/", {"Cookie": cookie})
    with gunicorn(port=free_port(), logdir=workdir) as port:
        rate(port, page, seconds=0.5)  # warm both workers up
        # Alternating slices share out any change in the machine's other load fairly.
        trivial, busy = [], []
        for _ in range(SLICES):
            trivial.append(rate(port, Request("GET", "/health/"), seconds=SECONDS / SLICES))
            busy.append(rate(port, page, seconds=SECONDS / SLICES))
        return Throughput(trivial_per_s=sum(trivial) / SLICES, page_per_s=sum(busy) / SLICES)


def print_row(result: Throughput) -> None:
    print()
    print(f"{'gunicorn, 2 workers':<28}  {'req/s':>8}")
    print(f"{'trivial view (/health/)':<28}  {result.trivial_per_s:>8.0f}")
    print(f"{'page: project overview':<28}  {result.page_per_s:>8.0f}")
    print(f"{'ratio page/trivial':<28}  {result.ratio:>8.2f}  goal >= {GOAL}  {result.verdict}")
