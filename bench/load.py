"""`make load`: simulated users on a weighted mix of requests against gunicorn on
loopback with PostgreSQL; reports requests, errors and p50/p95, then checks that
a second app server serves a session logged in on the first.

    .ci/with-postgres .venv/bin/python -m bench.load --users 50 --seconds 60

Each simulated user is its own logged-in person with a project they edit
(their portfolio is the five projects they are a member of). They
send their next request as soon as the last is answered (no think time), which
is harsher than people are. Apps add their pages to the mix: append a `Weighted`
to `MIX` whose `make(user)` returns the `Request` to send (it may use the
user's project and ids; put the ids it needs in `VirtualUser.ids` in `build`).
"""

import argparse
import bisect
import itertools
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.client import HTTPException
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from bench.server import Request, Response, free_port, gunicorn, send
from bench.stats import percentile

MAX_USERS = 200
MAX_SECONDS = 600
MOVES = ("channels", "customer_segments")  # the blocks notes are added to and moved between


@dataclass
class VirtualUser:
    """One simulated person: their cookies and the ids their requests use."""

    project_id: int
    ids: dict[str, list[int]] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    rng: random.Random = field(default_factory=random.Random)
    # The note this user moves back and forth: its version and block. The user
    # is its only writer, so counting the moves sent keeps the version right.
    moving: dict = field(default_factory=lambda: {"version": 1, "block": MOVES[0]})

    def headers(self, **extra: str) -> dict[str, str]:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {"Cookie": cookie, **extra}

    def remember(self, response: Response) -> None:
        for name, value in response.headers:
            if name.lower() == "set-cookie":
                for morsel in SimpleCookie(value).values():
                    self.cookies[morsel.key] = morsel.value


@dataclass(frozen=True)
class Weighted:
    name: str
    weight: int
    make: Callable[[VirtualUser], Request]


def choose(mix: Sequence[Weighted], draw: float) -> Weighted:
    """The mix entry for `draw` in [0, 1): each entry gets a share of the
    interval in proportion to its weight, in the mix's order."""
    if not 0 <= draw < 1:
        raise ValueError("draw must be in [0, 1)")
    bounds = list(itertools.accumulate(entry.weight for entry in mix))
    return mix[bisect.bisect_right(bounds, draw * bounds[-1])]


@dataclass(frozen=True)
class Sample:
    name: str
    ms: float
    ok: bool


@dataclass(frozen=True)
class Summary:
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    per_name: dict[str, tuple[int, int, float]]  # name: requests, errors, p95


def summarize(samples: Sequence[Sample]) -> Summary:
    def figures(group: Sequence[Sample]) -> tuple[int, int, float, float]:
        times = [s.ms for s in group]
        errors = sum(not s.ok for s in group)
        return len(group), errors, percentile(times, 0.5), percentile(times, 0.95)

    requests, errors, p50, p95 = figures(samples)
    names = sorted({s.name for s in samples})
    per_name = {}
    for name in names:
        count, failed, _p50, p95_name = figures([s for s in samples if s.name == name])
        per_name[name] = (count, failed, p95_name)
    return Summary(requests, errors, p50, p95, per_name)


# The mix: what people do most on the pages that exist.
def _htmx(user: VirtualUser) -> dict[str, str]:
    return user.headers(**{"HX-Request": "true"})


def post(user: VirtualUser, path: str, fields: dict, *, htmx: bool = False, expect: int = 200):
    """A form POST with the user's CSRF token (from their cookie, as htmx sends it)."""
    headers = (_htmx(user) if htmx else user.headers()) | {
        "X-CSRFToken": user.cookies["csrftoken"],
        "Content-Type": "application/x-www-form-urlencoded",
    }
    return Request("POST", path, headers, urlencode(fields).encode(), expect)


def _role_change(user: VirtualUser) -> Request:
    membership = user.rng.choice(user.ids["colleague_memberships"])
    role = user.rng.choice(["viewer", "solution_owner"])
    path = f"/projects/{user.project_id}/members/{membership}/role/"
    return post(user, path, {"role": role}, htmx=True)


def _note_add(user: VirtualUser) -> Request:
    path = f"/projects/{user.project_id}/canvas/{user.ids['canvas'][0]}/notes/"
    block = user.rng.choice(MOVES)
    return post(user, path, {"block": block, "text": "Ny idé fra lasttesten"}, htmx=True)


def _note_move(user: VirtualUser) -> Request:
    """The user's note to the other of two blocks: a new version each time."""
    moving = user.moving
    to = MOVES[1] if moving["block"] == MOVES[0] else MOVES[0]
    fields = {"version": moving["version"], "block": to, "from": moving["block"]}
    moving.update(version=moving["version"] + 1, block=to)
    path = f"/projects/{user.project_id}/canvas/notes/{user.ids['note'][0]}/move/"
    return post(user, path, fields, htmx=True)


def get(path: str, *, htmx: bool = False) -> Callable[[VirtualUser], Request]:
    """A maker of GET `path`; `{project_id}` in it becomes the user's project,
    `{canvas}` their canvas."""

    def make(user: VirtualUser) -> Request:
        headers = _htmx(user) if htmx else user.headers()
        ids = {name: values[0] for name, values in user.ids.items()}
        return Request("GET", path.format(project_id=user.project_id, **ids), headers)

    return make


MIX: list[Weighted] = [
    Weighted("home", 10, get("/")),
    Weighted("project overview", 15, get("/projects/{project_id}/")),
    Weighted("canvas board", 15, get("/projects/{project_id}/canvas/{canvas}/")),
    Weighted("note add (htmx POST)", 8, _note_add),
    Weighted("note move (htmx POST)", 8, _note_move),
    Weighted("benefit plan", 12, get("/projects/{project_id}/benefits/")),
    Weighted("members", 5, get("/projects/{project_id}/members/")),
    Weighted("members (htmx)", 5, get("/projects/{project_id}/members/", htmx=True)),
    Weighted("history", 5, get("/projects/{project_id}/history/")),
    Weighted("portfolio", 8, get("/portfolio/")),
    Weighted(
        "portfolio filtered (htmx)", 4, get("/portfolio/?status=on_track&sort=step", htmx=True)
    ),
    Weighted("role change (htmx POST)", 5, _role_change),
]


def run(port: int, users: Sequence[VirtualUser], mix: Sequence[Weighted], seconds: float):
    """Every user in its own thread, back to back, for `seconds`; the samples."""
    deadline = time.monotonic() + seconds
    samples: list[Sample] = []  # list.append is atomic under the GIL

    def act(user: VirtualUser) -> None:
        while time.monotonic() < deadline:
            entry = choose(mix, user.rng.random())
            request = entry.make(user)
            start = time.perf_counter()
            try:
                response = send(port, request)
                ok = response.status == request.expect
                user.remember(response)
            except (OSError, HTTPException):
                ok = False
            samples.append(Sample(entry.name, (time.perf_counter() - start) * 1000, ok))

    threads = [threading.Thread(target=act, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples


def build(count: int) -> list[VirtualUser]:
    """A modest portfolio: one project per simulated user (they are its team
    member and read four others), colleagues as viewers, and a logged-in session
    (in the database) for each user."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from projects.models import Membership, Project, Unit

    users = get_user_model().objects
    people = users.bulk_create([get_user_model()(username=f"last{i}") for i in range(count)])
    # Names apart from the bench's data, which `make bench`'s mix row shares.
    colleagues = users.bulk_create(
        [get_user_model()(username=f"lastkollega{i}") for i in range(40)]
    )
    units = Unit.objects.bulk_create([Unit(name=f"Lastenhet {i}") for i in range(5)])
    projects = Project.objects.bulk_create(
        [
            Project(
                title=f"Prosjekt {i:03d}", summary="Et prosjekt i lasttesten.", unit=units[i % 5]
            )
            for i in range(max(count, 100))
        ]
    )
    memberships = []
    for i, person in enumerate(people):
        memberships.append(Membership(project=projects[i], user=person, role="team_member"))
        memberships += [
            Membership(project=projects[(i + k) % len(projects)], user=person, role="viewer")
            for k in range(1, 5)
        ]
    memberships += [
        Membership(project=project, user=colleagues[(i + k) % 40], role="viewer")
        for i, project in enumerate(projects)
        for k in range(8)
    ]
    Membership.objects.bulk_create(memberships)
    canvases, movers = _boards(projects[:count])
    _plans(projects[:count], people)
    simulated = []
    for i, person in enumerate(people):
        client = Client()
        client.force_login(person)
        colleague_ids = list(
            Membership.objects.filter(project=projects[i])
            .exclude(user=person)
            .values_list("pk", flat=True)
        )
        simulated.append(
            VirtualUser(
                project_id=projects[i].pk,
                ids={
                    "colleague_memberships": colleague_ids,
                    "canvas": [canvases[i].pk],
                    "note": [movers[i].pk],
                },
                cookies={"sessionid": client.cookies["sessionid"].value},
                rng=random.Random(i),
            )
        )
    return simulated


def arrive(port: int, users: Sequence[VirtualUser]) -> None:
    """Each user's first visit, which sets their CSRF cookie for the mix's posts."""
    for user in users:
        user.remember(
            send(port, Request("GET", f"/projects/{user.project_id}/members/", user.headers()))
        )


def _boards(projects) -> tuple[list, list]:
    """A canvas of 20 notes in each project; the first note of each is the one
    its user moves."""
    from canvas.blocks import BLOCKS
    from canvas.models import Canvas, Note

    canvases = Canvas.objects.bulk_create([Canvas(project=p, title="Lerret") for p in projects])
    blocks = [MOVES[0]] + [BLOCKS[n % len(BLOCKS)].key for n in range(1, 20)]
    notes = Note.objects.bulk_create(
        [
            Note(canvas=c, block=block, text=f"Lapp {n}", position=n)
            for c in canvases
            for n, block in enumerate(blocks)
        ]
    )
    return canvases, notes[::20]


def _plans(projects, owners) -> None:
    """A benefit plan of 10 benefits over 5 years in each project."""
    from benefits.models import Benefit, BenefitPlan, BenefitValue

    plans = BenefitPlan.objects.bulk_create(
        [BenefitPlan(project=p, first_year=2026, horizon=5) for p in projects]
    )
    benefits = Benefit.objects.bulk_create(
        [
            Benefit(plan=plan, title=f"Gevinst {n}", kind="time_saved", owner=owner, position=n)
            for plan, owner in zip(plans, owners, strict=True)
            for n in range(10)
        ]
    )
    BenefitValue.objects.bulk_create(
        [
            BenefitValue(benefit=b, year=year, basis="hours", a=100 + year % 7, b=450)
            for b in benefits
            for year in range(2026, 2031)
        ]
    )


def session_is_shared(first: int, second: int) -> bool:
    """Log in with a password on the first server; the second knows the session."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("delt-okt", password="last-test-passord-91")
    user = VirtualUser(project_id=0)
    user.remember(send(first, Request("GET", "/accounts/login/")))
    fields = {"username": "delt-okt", "password": "last-test-passord-91"}
    login = send(first, post(user, "/accounts/login/", fields, expect=302))
    user.remember(login)
    home = send(second, Request("GET", "/", user.headers()))
    return login.status == 302 and home.status == 200 and b"delt-okt" in home.body


def bounded(low: int, high: int):
    def parse(raw: str) -> int:
        value = int(raw)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}")
        return value

    return parse


def prepare_database() -> None:
    """Create the database named in DATABASE_URL when the cluster lacks it."""
    import psycopg
    from django.conf import settings
    from psycopg import sql

    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit("make load runs against PostgreSQL: use .ci/with-postgres")
    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "dbname": "postgres"}
    with psycopg.connect(**params, password=db["PASSWORD"] or None, autocommit=True) as conn:
        if not conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
        ).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--users", type=bounded(1, MAX_USERS), default=50)
    parser.add_argument("--seconds", type=bounded(1, MAX_SECONDS), default=60)
    args = parser.parse_args(argv)

    from bench.harness import setup

    workdir = Path(tempfile.mkdtemp(prefix="innoportal-load-"))
    setup(before_migrate=prepare_database)
    users = build(args.users)
    with gunicorn(port=free_port(), logdir=workdir) as port:
        arrive(port, users)
        print(f"{args.users} users, {args.seconds} s, gunicorn 2 workers on PostgreSQL ...")
        summary = summarize(run(port, users, MIX, args.seconds))
        with gunicorn(port=free_port(), logdir=workdir) as second:
            shared = session_is_shared(port, second)
    print_summary(summary, args.seconds)
    print(f"session from server 1 served by server 2: {'yes' if shared else 'NO'}")
    if summary.errors or not shared:
        print(f"gunicorn's logs: {workdir}")
        return 1
    shutil.rmtree(workdir)
    return 0


def print_summary(summary: Summary, seconds: float) -> None:
    width = max(len(name) for name in summary.per_name)
    print(f"{'request':<{width}}  {'count':>7}  {'errors':>6}  {'p95 ms':>8}")
    for name, (count, errors, p95) in summary.per_name.items():
        print(f"{name:<{width}}  {count:>7}  {errors:>6}  {p95:>8.1f}")
    print(
        f"total: {summary.requests} requests ({summary.requests / seconds:.0f}/s), "
        f"{summary.errors} errors, p50 {summary.p50_ms:.1f} ms, p95 {summary.p95_ms:.1f} ms"
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    sys.exit(main())
