"""Random text, numbers and dates into every form of the foundation: never a
500, and a refused submission changes nothing (see tests/fuzz.py)."""

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from portal.models import DeckBundle, UnitRating
from projects.models import Membership, Project
from tests.fuzz import FUZZ, FormCase, World, anything, check_form, choice, date, integer

ROLES = Membership.Role.values


def _project_row(world):
    row = Project.objects.filter(pk=world.project.pk).values().get()
    return tuple(sorted(row.items())), world.project.history.count()


def _project_form(world):
    project = Project.objects.get(pk=world.project.pk)
    return {
        "title": project.title,
        "summary": project.summary,
        "unit": project.unit_id or "",
        "status": project.status,
        "start_date": "",
        "target_date": "",
        "version": project.version,
    }


def _roles(world):
    return tuple(world.project.memberships.order_by("pk").values_list("pk", "user_id", "role"))


def _rating_version(world):
    rating = UnitRating.objects.filter(unit=world.project.unit_id).first()
    return rating.version if rating else ""


PROJECT_FIELDS = {
    "title": anything,
    "summary": anything,
    "unit": integer(),
    "status": choice(Project.Status.values),
    "start_date": date(),
    "target_date": date(),
    "version": integer(),
}

FORMS = [
    FormCase(
        name="new project",
        user="alice",
        url=lambda w: "/projects/new/",
        valid=lambda w: (
            {k: v for k, v in _project_form(w).items() if k not in ("status", "version")}
            | {"title": "Nytt prosjekt"}
        ),
        fields={k: v for k, v in PROJECT_FIELDS.items() if k not in ("status", "version")},
        snapshot=lambda w: (Project.objects.count(), Membership.objects.count()),
    ),
    FormCase(
        name="edit project",
        user="alice",
        url=lambda w: f"/projects/{w.project.pk}/edit/",
        valid=_project_form,
        fields=PROJECT_FIELDS,
        snapshot=_project_row,
    ),
    FormCase(
        name="add member",
        user="alice",
        url=lambda w: f"/projects/{w.project.pk}/members/",
        valid=lambda w: {"identifier": "charlie", "role": "viewer"},
        fields={
            "identifier": choice(["charlie", "CHARLIE@example.no", "alice"]),
            "role": choice(ROLES),
        },
        snapshot=_roles,
    ),
    FormCase(
        name="change role",
        user="alice",
        url=lambda w: f"/projects/{w.project.pk}/members/{w.viewer.pk}/role/",
        valid=lambda w: {"role": "viewer"},
        fields={"role": choice(ROLES)},
        snapshot=_roles,
    ),
    FormCase(
        name="log in",
        url=lambda w: "/accounts/login/",
        valid=lambda w: {"username": "alice", "password": "wrong-password"},
        fields={"username": choice(["alice", "ALICE", " alice "]), "password": anything},
        snapshot=lambda w: (
            Session.objects.count(),
            w.alice.__class__.objects.get(pk=w.alice.pk).last_login,
        ),
        before=lambda w: cache.clear(),  # the throttle would refuse everything after a few tries
    ),
    FormCase(
        name="rate a unit",
        user="leader",
        url=lambda w: f"/portfolio/units/{w.project.unit_id}/",
        valid=lambda w: {
            "unit-{project.unit_id}-ambition": "high",
            "unit-{project.unit_id}-capacity": "low",
            "unit-{project.unit_id}-comment": "Godt i gang.",
            "unit-{project.unit_id}-version": _rating_version(w),
        },
        fields={
            "unit-{project.unit_id}-ambition": choice(UnitRating.Level.values),
            "unit-{project.unit_id}-capacity": choice(UnitRating.Level.values),
            "unit-{project.unit_id}-comment": anything,
            "unit-{project.unit_id}-version": integer(),
        },
        snapshot=lambda w: tuple(
            UnitRating.objects.values_list("unit", "ambition", "capacity", "comment", "version")
        ),
    ),
    FormCase(
        name="bundle decks",
        user="alice",
        url=lambda w: "/decks/bundles/",
        valid=lambda w: {"project": [w.project.pk]},
        fields={"project": st.lists(st.one_of(integer(), anything), max_size=4)},
        snapshot=lambda w: DeckBundle.objects.count(),
        # A refused bundle goes back to the portfolio with a message.
        accepted=lambda response: response.get("Location", "").startswith("/decks/bundles/"),
    ),
    FormCase(
        name="portfolio filter",
        user="alice",
        method="get",
        url=lambda w: "/portfolio/",
        valid=lambda w: {"q": "", "sort": "title"},
        fields={
            "q": anything,
            "unit": integer(),
            "step": choice(Project.Step.values),
            "status": choice(Project.Status.values),
            "funnel_stage": choice(Project.FunnelStage.values),
            "sort": choice(["title", "unit", "step", "status", "funnel_stage", "-updated_at"]),
            "page": integer(),
        },
        snapshot=lambda w: (Project.objects.count(), Membership.objects.count()),
    ),
]


@pytest.fixture
def world(alice, bob, charlie, leader, project, settings):
    # Queue tasks (deck bundles) without running them: the posts are under test.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    viewer = project.memberships.get(user=bob)
    return World(
        alice=alice, bob=bob, charlie=charlie, leader=leader, project=project, viewer=viewer
    )


@pytest.mark.parametrize("case", FORMS, ids=[c.name for c in FORMS])
def test_random_input_never_breaks_a_form(client, world, case):
    @FUZZ
    @given(changes=case.payload())
    def run(changes):
        check_form(client, world, case, changes)

    run()
