"""Each event tells exactly the right people: never the person who acted,
an outsider, or someone who has left the project."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command

from benefits.models import PlanEvent
from portal.notifications import events
from portal.notifications.models import Kind, Notification
from projects.access import Actor
from projects.flow import progress
from projects.models import Activity, GateDecision, Membership
from projects.services import membership_change_role, membership_remove
from tests.benefits.builders import make_benefit, make_indicator, make_plan
from tests.factories import make_user


def told(kind=None) -> dict[str, list[str]]:
    """username → the labels they were told of (of `kind`)."""
    rows = Notification.objects.select_related("recipient").order_by("pk")
    if kind:
        rows = rows.filter(kind=kind)
    result: dict[str, list[str]] = {}
    for n in rows:
        result.setdefault(n.recipient.username, []).append(n.label)
    return result


@pytest.fixture
def dora(project):
    """Was a team member of `project`, and has left it."""
    user = make_user("dora")
    Membership.objects.create(project=project, user=user, role=Membership.Role.TEAM_MEMBER)
    Membership.objects.filter(project=project, user=user).delete()
    return user


def test_a_mention_tells_the_members_mentioned_and_nobody_else(
    project, alice, bob, charlie, dora, leader
):
    events.mentioned_notify(
        project=project,
        recipients=[alice, bob, charlie, dora, leader],
        actor=alice,
        label="Kommentar på «Verdiforslag»",
        url=f"/projects/{project.pk}/",
    )
    # alice wrote it; charlie is an outsider; dora has left; a leader sees every project.
    assert told(Kind.MENTIONED) == {
        "bob": ["Kommentar på «Verdiforslag»"],
        "lena": ["Kommentar på «Verdiforslag»"],
    }


def test_made_responsible_tells_the_person_unless_they_chose_themselves(project, alice, bob):
    events.made_responsible_notify(
        project=project, user=bob, actor=alice, label="Tiltak: chatbot", url="/x/"
    )
    events.made_responsible_notify(
        project=project, user=alice, actor=alice, label="Tiltak: skjema", url="/y/"
    )
    n = Notification.objects.get()
    assert (n.recipient, n.kind, n.actor, n.label, n.url) == (
        bob,
        Kind.MADE_RESPONSIBLE,
        alice,
        "Tiltak: chatbot",
        "/x/",
    )


def test_a_submitted_plan_goes_to_the_solution_owner(project, alice, bob, owner, sara, dora):
    plan = make_plan(project)
    PlanEvent.objects.create(plan=plan, action="submitted", by=alice, edition=1)
    assert told() == {"sara": ["Gevinstplan"]}
    assert Notification.objects.get().kind == Kind.PLAN_SUBMITTED


def test_a_plan_the_solution_owner_submitted_goes_to_the_commissioning_owner(
    project, alice, owner, sara
):
    plan = make_plan(project)
    PlanEvent.objects.create(plan=plan, action="submitted", by=sara, edition=1)
    assert told(Kind.PLAN_SUBMITTED) == {"olga": ["Gevinstplan"]}


@pytest.mark.parametrize(
    "action,kind", [("returned", "plan_returned"), ("approved", "plan_approved")]
)
def test_a_decision_goes_to_the_submitter_and_the_team(
    project, alice, bob, owner, sara, action, kind
):
    kari = make_user("kari")
    Membership.objects.create(project=project, user=kari, role=Membership.Role.TEAM_MEMBER)
    plan = make_plan(project)
    PlanEvent.objects.create(plan=plan, action="submitted", by=kari, edition=1)
    Membership.objects.filter(user=kari).update(role=Membership.Role.VIEWER)
    Notification.objects.all().delete()
    PlanEvent.objects.create(plan=plan, action=action, by=sara, edition=1)
    # kari submitted (now a viewer, still told); alice is in the team; sara decided;
    # bob (viewer) and olga (commissioning owner) are not the team.
    assert sorted(told(kind)) == ["alice", "kari"]


def test_other_plan_events_tell_nobody(project, alice, sara):
    plan = make_plan(project)
    PlanEvent.objects.create(plan=plan, action="reopened", by=alice, edition=2)
    assert not Notification.objects.exists()


def test_a_role_change_tells_the_person_and_an_owner_moved_aside(project, alice, bob, owner, sara):
    membership = Membership.objects.get(project=project, user=bob)
    actor = Actor(user_id=owner.pk, role=Membership.Role.COMMISSIONING_OWNER, leader=False)
    membership_change_role(membership=membership, role=Membership.Role.SOLUTION_OWNER, actor=actor)
    # bob is the new solution owner; sara, the one before, is a team member now.
    assert told(Kind.ROLE_CHANGED) == {"bob": ["Løsningseier"], "sara": ["Teammedlem"]}


def test_a_removed_member_is_told_nothing(project, alice, bob):
    actor = Actor(user_id=alice.pk, role=Membership.Role.TEAM_MEMBER, leader=False)
    membership_remove(membership=Membership.objects.get(user=bob), actor=actor)
    assert not Notification.objects.exists()


def test_someone_who_raises_nobody_but_lowers_themselves_is_not_told(project, alice, sara):
    actor = Actor(user_id=alice.pk, role=Membership.Role.TEAM_MEMBER, leader=False)
    membership_change_role(
        membership=Membership.objects.get(user=alice), role=Membership.Role.VIEWER, actor=actor
    )
    assert not Notification.objects.exists()


def test_due_and_overdue_activities_tell_the_responsible_once_a_day(project, alice, bob, dora):
    today = date.today()
    Activity.objects.create(project=project, key="plan", responsible=alice, due_date=today)
    Activity.objects.create(
        project=project, key="trial", responsible=alice, due_date=today - timedelta(days=3)
    )
    Activity.objects.create(  # more than a week away
        project=project, key="touchpoints", responsible=bob, due_date=today + timedelta(days=9)
    )
    Activity.objects.create(  # dora has left: not told
        project=project, key="processes", responsible=dora, due_date=today
    )
    call_command("send_measurement_reminders")
    call_command("send_measurement_reminders")  # the same day: not again
    assert told(Kind.DUE) == {"alice": ["Utprøving og implementering", "Planlegg arbeidet"]}
    overdue = Notification.objects.get(label="Utprøving og implementering")
    assert overdue.overdue and overdue.due == today - timedelta(days=3)
    assert overdue.url == f"/projects/{project.pk}/deliver/"


def test_measurements_due_within_a_week_tell_the_responsible(project, alice, owner):
    make_indicator(make_benefit(make_plan(project)), by=alice, name="Ventetid på telefon")
    call_command("send_measurement_reminders")
    assert told(Kind.DUE) == {"alice": ["Ventetid på telefon"]}


@pytest.fixture
def ready(monkeypatch):
    """Every fact of the steps' work done (the gates are the flow's own rule)."""
    monkeypatch.setattr(events, "flow_facts", lambda project: dict.fromkeys(FACTS, True))


# The facts of the steps' work, but not their gates.
FACTS = [
    fact
    for checklist in progress.CHECKLIST.values()
    for fact, _text in checklist
    if not fact.startswith("gate_")
]


def test_a_gate_ready_for_decision_tells_the_commissioning_owner_once(
    project, alice, owner, leader, ready
):
    project.summary = "Mål"
    project.save()
    assert events.gates_waiting_notify() == 1
    assert events.gates_waiting_notify() == 0
    assert told(Kind.GATE_WAITING) == {"olga": ["1. Hypotese"]}
    # After a decision to iterate, the gate waits again.
    GateDecision.objects.create(
        project=project, step="hypothesis", decision="iterate", comment="Mer", decided_by=owner
    )
    assert events.gates_waiting_notify() == 1


def test_without_a_commissioning_owner_leaders_outside_the_team_decide(
    project, alice, owner, leader, ready
):
    Membership.objects.filter(user=owner).delete()
    working = make_user("lars", leader=True)
    Membership.objects.create(project=project, user=working, role=Membership.Role.TEAM_MEMBER)
    project.summary = "Mål"
    project.save()
    # has_commissioning_owner is missing: the step is not ready.
    assert events.gates_waiting_notify() == 0
    deciders = events.gate_deciders(
        memberships=list(project.memberships.all()), leaders=[leader.pk, working.pk]
    )
    assert deciders == [leader.pk]


def test_a_step_with_work_left_tells_nobody(project, owner):
    assert events.gates_waiting_notify() == 0
    assert not Notification.objects.exists()
