"""The benchmark's gunicorn starts, answers on loopback and is always stopped
(with a tiny WSGI app: importing the portal's views would only add time)."""

import pytest

from bench.server import Request, free_port, gunicorn, send

APP = "tests.bench.tiny_wsgi"


def _refused(port: int) -> bool:
    try:
        send(port, Request("GET", "/health/"), timeout=2)
    except ConnectionRefusedError:
        return True
    return False


def test_it_serves_and_stops(tmp_path):
    with gunicorn(port=free_port(), logdir=tmp_path, app=APP) as port:
        response = send(port, Request("GET", "/health/"))
        assert (response.status, response.body) == (200, b"ok")
    assert _refused(port)


def test_it_stops_when_the_block_fails(tmp_path):
    port = free_port()
    with (
        pytest.raises(RuntimeError, match="measuring failed"),
        gunicorn(port=port, logdir=tmp_path, app=APP),
    ):
        raise RuntimeError("measuring failed")
    assert _refused(port)
