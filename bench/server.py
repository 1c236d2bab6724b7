"""Gunicorn on loopback for the throughput and load runs, and a tiny HTTP client."""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    expect: int = 200


@dataclass(frozen=True)
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def send(port: int, request: Request, *, timeout: float = 30) -> Response:
    """One request on a fresh connection (gunicorn's sync workers close it anyway)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(request.method, request.path, request.body, request.headers)
        answer = conn.getresponse()
        return Response(answer.status, answer.getheaders(), answer.read())
    finally:
        conn.close()


@contextlib.contextmanager
def gunicorn(
    *, port: int, logdir: Path, workers: int = 2, app: str = "portal.wsgi"
) -> Iterator[int]:
    """Serve the portal (or another WSGI `app`) with gunicorn's sync workers on
    HOST:port for the block, once it answers /health/.

    It inherits the environment (DATABASE_URL, DEBUG, ...). Its own process
    group is stopped on the way out, workers included, even on errors."""
    log = open(logdir / f"gunicorn-{port}.log", "ab")  # noqa: SIM115 (closed below)
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        app,
        f"--workers={workers}",
        "--worker-class=sync",
        f"--bind={HOST}:{port}",
        "--timeout=60",
        "--graceful-timeout=5",
        "--no-control-socket",  # one shared path by default; two servers would clash
    ]
    env = {**os.environ, "ALLOWED_HOSTS": HOST}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        _wait_until_ready(process, port, logdir)
        yield port
    finally:
        _stop(process)
        log.close()


def _wait_until_ready(process: subprocess.Popen, port: int, logdir: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (logdir / f"gunicorn-{port}.log").read_text(errors="replace")
            raise RuntimeError(f"gunicorn on port {port} exited:\n{log[-3000:]}")
        with contextlib.suppress(OSError):
            if send(port, Request("GET", "/health/"), timeout=30).status == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn on port {port} did not answer /health/ within 60 s")


def _stop(process: subprocess.Popen) -> None:
    # The group id is the master's pid (start_new_session); it holds only our gunicorn.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # any worker left behind
