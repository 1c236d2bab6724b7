"""Who may grant which role and decide which gate: every role against every
action, through the pages, each outcome read back from the database.

The project: Tina and Alice are team members, Sam the solution owner, Olga
the commissioning owner, Bob a viewer. The actors: one of them, a leader, an
administrator (both outside the project) or an outsider."""

import json
from dataclasses import dataclass

import pytest
from django.urls import reverse

from projects.models import GateDecision, Membership, Project
from tests.factories import make_project, make_user

TM, SO, CO, VIEWER = "team_member", "solution_owner", "commissioning_owner", "viewer"
ROLES = ("team_member", "solution_owner", "commissioning_owner", "viewer")
ACTORS = ("team_member", "solution_owner", "commissioning_owner", "viewer", "leader", "admin")
ACTORS += ("outsider",)


@dataclass
class World:
    project: Project
    people: dict

    def role(self, name: str) -> str | None:
        m = Membership.objects.filter(project=self.project, user=self.people[name]).first()
        return m.role if m else None

    def membership(self, name: str) -> Membership:
        return Membership.objects.get(project=self.project, user=self.people[name])


@pytest.fixture
def world(db) -> World:
    people = {
        "tina": make_user("tina", first_name="Tina"),
        "alice": make_user("alice", first_name="Alice"),
        "sam": make_user("sam", first_name="Sam"),
        "olga": make_user("olga", first_name="Olga"),
        "bob": make_user("bob", first_name="Bob"),
        "lena": make_user("lena", leader=True),
        "admin": make_user("admin", is_staff=True, is_superuser=True),
        "charlie": make_user("charlie"),
        "newcomer": make_user("newcomer", email="new@example.no"),
    }
    project = make_project(
        members={
            people["tina"]: TM,
            people["alice"]: TM,
            people["sam"]: SO,
            people["olga"]: CO,
            people["bob"]: VIEWER,
        }
    )
    return World(project, people)


# The person each actor is, and their own membership's name in the world.
ACTOR_USER = {
    "team_member": "alice",
    "solution_owner": "sam",
    "commissioning_owner": "olga",
    "viewer": "bob",
    "leader": "lena",
    "admin": "admin",
    "outsider": "charlie",
}
NEXT_UP = {VIEWER: TM, TM: SO, SO: CO}


def post(client, world, name, data, **kwargs):
    return client.post(reverse(name, args=[world.project.pk, *kwargs.values()]), data)


def change_role(client, world, who, role):
    url = reverse("projects:member-role", args=[world.project.pk, world.membership(who).pk])
    return client.post(url, {"role": role})


def remove(client, world, who):
    url = reverse("projects:member-remove", args=[world.project.pk, world.membership(who).pk])
    return client.post(url)


# --- actions: each does one thing and says whether it took effect -------------


def add_in(role):
    def action(client, world, me):
        post(client, world, "projects:members", {"identifier": "newcomer", "role": role})
        return world.role("newcomer") == role

    action.__name__ = f"add a {role}"
    return action


def raise_own_role(client, world, me):
    mine = world.role(me)
    if mine is None:  # not a member: adding oneself is raising one's role too
        post(client, world, "projects:members", {"identifier": me, "role": TM})
        return world.role(me) is not None
    if mine not in NEXT_UP:
        return None  # nothing above: the cell does not apply
    change_role(client, world, me, NEXT_UP[mine])
    return world.role(me) != mine


def lower_own_role(client, world, me):
    if world.role(me) != TM:
        return None
    change_role(client, world, me, VIEWER)
    return world.role(me) == VIEWER


def leave(client, world, me):
    if world.role(me) is None:
        return None
    remove(client, world, me)
    return world.role(me) is None


def demote_a_team_member(client, world, me):
    change_role(client, world, "tina", VIEWER)
    return world.role("tina") == VIEWER


def promote_a_viewer(client, world, me):
    if me == "bob":
        return None  # that is raising one's own role
    change_role(client, world, "bob", TM)
    return world.role("bob") == TM


def remove_a_team_member(client, world, me):
    remove(client, world, "tina")
    return world.role("tina") is None


def appoint_solution_owner_in_step_3(client, world, me):
    post(client, world, "projects:solution-owner", {"user": world.people["tina"].pk})
    done = world.role("tina") == SO
    assert not done or world.role("sam") == TM  # replaced, still in the team
    return done


def appoint_solution_owner_on_members(client, world, me):
    change_role(client, world, "tina", SO)
    done = world.role("tina") == SO
    assert not done or world.role("sam") == TM
    return done


def demote_solution_owner(client, world, me):
    if me == "sam":
        return None  # lowering one's own role: see below
    change_role(client, world, "sam", TM)
    return world.role("sam") == TM


def remove_solution_owner(client, world, me):
    remove(client, world, "sam")
    return world.role("sam") is None


def appoint_commissioning_owner(client, world, me):
    change_role(client, world, "tina", CO)
    done = world.role("tina") == CO
    assert not done or world.role("olga") == VIEWER  # replaced, reads on
    return done


def demote_commissioning_owner(client, world, me):
    change_role(client, world, "olga", VIEWER)
    return world.role("olga") == VIEWER


def remove_commissioning_owner(client, world, me):
    remove(client, world, "olga")
    return world.role("olga") is None


def decide_gate(step):
    def action(client, world, me):
        Project.objects.filter(pk=world.project.pk).update(step=step)
        data = {"step": step, "decision": "go_on", "comment": "Godt nok grunnlag."}
        post(client, world, "projects:gate", data)
        return GateDecision.objects.filter(project=world.project, step=step).exists()

    action.__name__ = f"decide gate {step}"
    return action


def mark_as_template(client, world, me):
    from portal.models import ProjectTemplate

    post(client, world, "project-template", {"description": "Virket", "source": "Kommunen"})
    return ProjectTemplate.objects.filter(project=world.project).exists()


def _a_template(world):
    from portal import blueprints
    from portal.models import ProjectTemplate

    world.project.goals.create(level="user", title="Forutsigbare besøk")
    data = blueprints.template_file(project=world.project, description="Virket", source="K")
    contents = blueprints.contents_of(json.loads(data)["objects"])
    return ProjectTemplate.objects.create(
        title="Mal", description="Virket", source="K", data=data, contents=contents
    )


def upload_a_template(client, world, me):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from portal.models import ProjectTemplate

    template = _a_template(world)
    data = template.data.encode()
    template.delete()
    client.post(reverse("template-upload"), {"file": SimpleUploadedFile("mal.json", data)})
    return ProjectTemplate.objects.exists()


def remove_a_template(client, world, me):
    from portal.models import ProjectTemplate

    template = _a_template(world)
    client.post(reverse("template-remove", args=[template.pk]))
    return not ProjectTemplate.objects.exists()


def start_from_a_template(client, world, me):
    template = _a_template(world)
    client.post(reverse("template-use", args=[template.pk]), {"title": "Ny", "parts": ["goals"]})
    return Project.objects.filter(title="Ny", memberships__user=world.people[me]).exists()


def comment_on_the_project(client, world, me):
    from projects.models import Comment

    data = {"text": "Et innspill"}
    post(client, world, "projects:comment-thread", data, kind="project", item=world.project.pk)
    return Comment.objects.filter(project=world.project, author=world.people[me]).exists()


def _comment_by(world, name):
    from projects.models import Comment

    return Comment.objects.create(
        project=world.project, target=world.project, author=world.people[name], text="Først"
    )


def edit_comment_of(whose):
    def action(client, world, me):
        comment = _comment_by(world, me if whose == "own" else "tina")
        data = {"text": "Endret", "version": comment.version}
        post(client, world, "projects:comment-edit", data, comment=comment.pk)
        comment.refresh_from_db()
        return comment.text == "Endret"

    action.__name__ = f"edit {whose} comment"
    return action


def delete_comment_of(whose):
    def action(client, world, me):
        from projects.models import Comment

        comment = _comment_by(world, me if whose == "own" else "tina")
        post(client, world, "projects:comment-delete", {"version": 1}, comment=comment.pk)
        return not Comment.objects.filter(pk=comment.pk).exists()

    action.__name__ = f"delete {whose} comment"
    return action


# Expected outcome of each action for each actor, in ACTORS order:
# team member, solution owner, commissioning owner, viewer, leader, admin, outsider.
Y, N, _ = True, False, None  # allowed, refused, does not apply
MATRIX = [
    (add_in(VIEWER), [Y, Y, N, N, N, N, N]),
    (add_in(TM), [Y, Y, N, N, N, N, N]),
    (add_in(SO), [N, N, Y, N, Y, Y, N]),
    (add_in(CO), [N, N, N, N, Y, Y, N]),
    (raise_own_role, [N, N, _, N, N, N, N]),
    (lower_own_role, [Y, _, _, _, _, _, _]),
    (leave, [Y, N, N, Y, _, _, _]),
    (demote_a_team_member, [Y, Y, N, N, N, N, N]),
    (promote_a_viewer, [Y, Y, N, _, N, N, N]),
    (remove_a_team_member, [Y, Y, N, N, N, N, N]),
    (appoint_solution_owner_in_step_3, [N, N, Y, N, Y, Y, N]),
    (appoint_solution_owner_on_members, [N, N, Y, N, Y, Y, N]),
    (demote_solution_owner, [N, _, N, N, Y, Y, N]),
    (remove_solution_owner, [N, N, N, N, Y, Y, N]),
    (appoint_commissioning_owner, [N, N, N, N, Y, Y, N]),
    (demote_commissioning_owner, [N, N, N, N, Y, Y, N]),
    (remove_commissioning_owner, [N, N, N, N, Y, Y, N]),
    (decide_gate("hypothesis"), [N, N, Y, N, Y, Y, N]),
    (decide_gate("goals"), [N, N, Y, N, Y, Y, N]),
    (decide_gate("deliver"), [N, N, Y, N, Y, Y, N]),
    (mark_as_template, [N, N, N, N, Y, Y, N]),
    (upload_a_template, [N, N, N, N, Y, Y, N]),
    (remove_a_template, [N, N, N, N, Y, Y, N]),
    (start_from_a_template, [Y, Y, Y, Y, Y, Y, Y]),
    # Every member comments; leaders and administrators who are not members read.
    (comment_on_the_project, [Y, Y, Y, Y, N, N, N]),
    (edit_comment_of("own"), [Y, Y, Y, Y, N, N, N]),
    (edit_comment_of("another's"), [N, N, N, N, N, N, N]),
    (delete_comment_of("own"), [Y, Y, Y, Y, N, N, N]),
    (delete_comment_of("another's"), [N, N, N, N, N, N, N]),
]
CELLS = [
    pytest.param(action, actor, expected, id=f"{action.__name__}-{actor}")
    for action, row in MATRIX
    for actor, expected in zip(ACTORS, row, strict=True)
]


@pytest.mark.parametrize(("action", "actor", "expected"), CELLS)
def test_role_action_matrix(client, world, action, actor, expected):
    me = ACTOR_USER[actor]
    client.force_login(world.people[me])
    before = sorted(world.project.memberships.values_list("user_id", "role"))
    outcome = action(client, world, me)
    assert outcome is expected
    if outcome is False:  # a refusal changes nothing
        assert sorted(world.project.memberships.values_list("user_id", "role")) == before
    # Whatever happened, never two owners of a kind.
    for owner_role in (SO, CO):
        assert world.project.memberships.filter(role=owner_role).count() <= 1


def test_a_leader_who_works_on_the_project_cannot_decide_its_gates(client, world):
    lena = world.people["lena"]
    Membership.objects.create(project=world.project, user=lena, role=TM)
    client.force_login(lena)
    data = {"step": "hypothesis", "decision": "go_on", "comment": "Videre."}
    response = post(client, world, "projects:gate", data)
    assert response.status_code == 403
    assert "En leder som arbeider i prosjektet" in response.text
    assert not GateDecision.objects.filter(project=world.project).exists()
