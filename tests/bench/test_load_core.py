"""The load test's plain parts: the weighted mix, cookies and the percentile maths."""

import random

import pytest

from bench.load import MIX, Sample, VirtualUser, Weighted, bounded, choose, summarize
from bench.server import Request, Response
from bench.stats import percentile


def _mix(*weights):
    return [Weighted(f"r{i}", w, lambda u: Request("GET", "/")) for i, w in enumerate(weights)]


def test_it_takes_the_nearest_rank_percentile():
    samples = list(range(1, 101))
    random.Random(1).shuffle(samples)
    assert percentile(samples, 0.5) == 50
    assert percentile(samples, 0.95) == 95
    assert percentile(samples, 1) == 100
    assert percentile([7], 0.95) == 7
    assert percentile([3, 1, 2, 4], 0.5) == 2


@pytest.mark.parametrize("fraction", [0, -0.1, 1.5])
def test_it_refuses_a_fraction_outside_0_to_1(fraction):
    with pytest.raises(ValueError):
        percentile([1, 2], fraction)


def test_it_refuses_no_samples():
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_it_splits_draws_by_weight():
    mix = _mix(1, 3)  # r0 owns [0, 0.25), r1 [0.25, 1)
    assert choose(mix, 0).name == "r0"
    assert choose(mix, 0.2499).name == "r0"
    assert choose(mix, 0.25).name == "r1"
    assert choose(mix, 0.9999).name == "r1"


def test_it_picks_each_entry_in_proportion():
    mix = _mix(1, 2, 7)
    rng = random.Random(8)
    names = [choose(mix, rng.random()).name for _ in range(10_000)]
    shares = [names.count(f"r{i}") / len(names) for i in range(3)]
    assert shares == pytest.approx([0.1, 0.2, 0.7], abs=0.02)


def test_it_refuses_a_draw_outside_0_to_1():
    with pytest.raises(ValueError):
        choose(_mix(1), 1)


def test_it_counts_errors_and_percentiles_per_request():
    samples = [Sample("a", ms, True) for ms in range(1, 21)] + [Sample("b", 100, False)]
    summary = summarize(samples)
    assert (summary.requests, summary.errors) == (21, 1)
    assert summary.p50_ms == 11 and summary.p95_ms == 20
    assert summary.per_name == {"a": (20, 0, 19), "b": (1, 1, 100)}


def test_the_mix_makes_requests_for_a_user():
    user = VirtualUser(
        project_id=7,
        ids={"colleague_memberships": [3], "canvas": [5], "note": [9]},
        cookies={"sessionid": "s", "csrftoken": "t"},
    )
    requests = {entry.name: entry.make(user) for entry in MIX}
    assert all(r.headers["Cookie"] == "sessionid=s; csrftoken=t" for r in requests.values())
    assert {r.path for r in requests.values()} >= {
        "/",
        "/projects/7/",
        "/projects/7/members/3/role/",
        "/projects/7/canvas/5/",
        "/projects/7/canvas/5/notes/",
        "/projects/7/benefits/",
    }
    posted = requests["role change (htmx POST)"]
    assert posted.headers["X-CSRFToken"] == "t" and posted.headers["HX-Request"] == "true"
    assert posted.body in (b"role=viewer", b"role=solution_owner")


def test_a_user_moves_their_note_between_two_blocks_counting_its_versions():
    user = VirtualUser(project_id=7, ids={"note": [9]}, cookies={"csrftoken": "t"})
    move = next(entry for entry in MIX if entry.name == "note move (htmx POST)")
    bodies = [move.make(user).body for _ in range(3)]
    assert bodies == [
        b"version=1&block=customer_segments&from=channels",
        b"version=2&block=channels&from=customer_segments",
        b"version=3&block=customer_segments&from=channels",
    ]
    assert move.make(user).path == "/projects/7/canvas/notes/9/move/"


def test_a_user_remembers_cookies_the_server_sets():
    user = VirtualUser(project_id=1, cookies={"sessionid": "old"})
    headers = [
        ("Set-Cookie", "sessionid=new; HttpOnly; Path=/; SameSite=Lax; Secure"),
        ("Set-Cookie", "csrftoken=abc; Path=/"),
        ("Content-Type", "text/html"),
    ]
    user.remember(Response(200, headers, b""))
    assert user.cookies == {"sessionid": "new", "csrftoken": "abc"}


def test_it_bounds_the_users_and_seconds():
    parse = bounded(1, 200)
    assert parse("50") == 50
    for raw in ["0", "201", "-5"]:
        with pytest.raises(Exception, match="between 1 and 200"):
            parse(raw)
