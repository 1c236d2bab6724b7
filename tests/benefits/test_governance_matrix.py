"""Who may do what with the benefit plan: every role against every action of
the plan's review, each outcome checked in the database."""

import io
from html import escape

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from benefits import excel, review
from benefits.models import Indicator, MapLink, PlanEvent
from benefits.selectors import load_plan
from projects import access
from projects.selectors import project_for_user

from .builders import make_benefit, make_goal, make_indicator, make_link, make_value

ROLES = ["team_member", "solution_owner", "commissioning_owner", "viewer", "leader", "admin"]
ROLES += ["outsider"]


@pytest.fixture
def people(alice, sara, owner, bob, leader, charlie, db):
    admin = get_user_model().objects.create_superuser("ada", "ada@example.no", "pw-123-secret")
    return {
        "team_member": alice,
        "solution_owner": sara,
        "commissioning_owner": owner,
        "viewer": bob,
        "leader": leader,
        "admin": admin,
        "outsider": charlie,
    }


@pytest.fixture
def ready(plan, alice, sara):
    """A complete draft: one benefit with an owner and an indicator meeting all
    six criteria, confirmed by sara and last changed by alice."""
    benefit = make_benefit(plan, owner=alice)
    make_value(benefit, 2028, a=250_000)
    make_indicator(benefit, by=sara, changed_by=alice)
    return plan


def actor(user, plan):
    return project_for_user(user, plan.project_id).actor


def submit_as(plan, user):
    return review.plan_submit(plan=plan, actor=actor(user, plan), version=None)


def approved(plan, alice, sara):
    submit_as(plan, alice)
    return review.plan_approve(plan=plan, actor=actor(sara, plan), version=None)


def post(client, plan, name, data=None):
    return client.post(reverse(f"benefits:{name}", args=[plan.project_id]), data or {})


# Refused outright (before anything is read): 404 for who may not see the
# project, 403 for who may see it but not act.
def refused_status(role):
    return 404 if role == "outsider" else 403


@pytest.mark.parametrize("role", ROLES)
def test_submit(client, people, ready, role):
    client.force_login(people[role])
    r = post(client, ready, "plan-submit", {"version": 1})
    ready.refresh_from_db()
    if role in ("team_member", "solution_owner"):
        assert r.status_code == 302
        assert ready.status == "submitted"
        event = PlanEvent.objects.get()
        assert (event.action, event.by) == ("submitted", people[role])
    else:
        assert r.status_code == refused_status(role)
        assert ready.status == "draft" and not PlanEvent.objects.exists()


# Who decides: the solution owner what a team member submitted, the
# commissioning owner what the solution owner submitted; never the submitter.
DECIDES = {"team_member": "solution_owner", "solution_owner": "commissioning_owner"}


@pytest.mark.parametrize("action", ["approve", "return"])
@pytest.mark.parametrize("submitter", ["team_member", "solution_owner"])
@pytest.mark.parametrize("role", ROLES)
def test_decide(client, people, ready, role, submitter, action):
    submit_as(ready, people[submitter])
    client.force_login(people[role])
    r = post(client, ready, f"plan-{action}", {"comment": "Sett over", "version": 2})
    ready.refresh_from_db()
    decisions = PlanEvent.objects.exclude(action="submitted")
    if role == DECIDES[submitter]:
        assert r.status_code == 302
        assert ready.status == {"approve": "approved", "return": "returned"}[action]
        event = decisions.get()
        assert (event.by, event.comment) == (people[role], "Sett over")
        assert (event.snapshot is not None) == (action == "approve")
    else:
        expected = 404 if role == "outsider" else 403
        assert r.status_code == expected
        assert ready.status == "submitted" and not decisions.exists()
        assert ready.version == 2
    if role == submitter:  # refused with the reason, in the person's language
        with translation.override("nb"):
            if role == "solution_owner":
                reason = access.plan_decide_refusal(
                    actor(people[role], ready),
                    submitted_by=people[role].pk,
                    solution_owner=people[role].pk,
                )
            else:
                reason = access.plan_review_refusal(actor(people[role], ready))
        assert escape(reason) in r.text


@pytest.mark.parametrize("criterion", ["specific", "accepted", "realistic"])
@pytest.mark.parametrize("changer", ["team_member", "solution_owner"])
@pytest.mark.parametrize("role", ROLES)
def test_confirm(client, people, ready, role, changer, criterion):
    indicator = Indicator.objects.get()
    Indicator.objects.filter(pk=indicator.pk).update(
        changed_by=people[changer], **{f"{criterion}_by": None, f"{criterion}_at": None}
    )
    client.force_login(people[role])
    url = reverse("benefits:indicator-confirm", args=[ready.project_id, indicator.pk])
    reason = getattr(indicator, f"{criterion}_reason")
    r = client.post(url, {"criterion": criterion, "reason": reason, "version": 1})
    indicator.refresh_from_db()
    confirmed_by = getattr(indicator, f"{criterion}_by")
    if role in ("team_member", "solution_owner") and role != changer:
        assert r.status_code == 302
        assert confirmed_by == people[role]
        assert getattr(indicator, f"{criterion}_at") is not None
        assert indicator.version == 2
    elif role in ("team_member", "solution_owner"):  # the indicator's last changer
        assert r.status_code == 409
        assert confirmed_by is None and indicator.version == 1
    else:
        assert r.status_code == refused_status(role)
        assert confirmed_by is None and indicator.version == 1


@pytest.mark.parametrize("role", ROLES)
def test_start_a_revision(client, people, ready, alice, sara, role):
    approved(ready, alice, sara)
    client.force_login(people[role])
    r = post(client, ready, "plan-revise", {"reason": "Ny leverandørpris", "version": 3})
    ready.refresh_from_db()
    if role in ("team_member", "solution_owner"):
        assert r.status_code == 302
        assert (ready.status, ready.edition) == ("draft", 2)
        event = PlanEvent.objects.get(action="reopened")
        assert (event.by, event.comment, event.edition) == (people[role], "Ny leverandørpris", 2)
    else:
        assert r.status_code == refused_status(role)
        assert (ready.status, ready.edition) == ("approved", 1)
        assert not PlanEvent.objects.filter(action="reopened").exists()


@pytest.mark.parametrize("role", ROLES)
def test_discard_a_revision(client, people, ready, alice, sara, role):
    approved(ready, alice, sara)
    review.plan_revise(plan=ready, actor=actor(alice, ready), version=None, reason="Endring")
    client.force_login(people[role])
    r = post(client, ready, "plan-discard", {"confirm": "on", "version": 4})
    ready.refresh_from_db()
    if role in ("team_member", "solution_owner"):
        assert r.status_code == 302
        assert (ready.status, ready.edition) == ("approved", 1)
        event = PlanEvent.objects.get(action="discarded")
        assert (event.by, event.edition) == (people[role], 2)
    else:
        assert r.status_code == refused_status(role)
        assert (ready.status, ready.edition) == ("draft", 2)
        assert not PlanEvent.objects.filter(action="discarded").exists()


def workbook_with_a_cost(plan) -> bytes:
    with translation.override("nb"):
        content = excel.workbook_bytes(load_plan(plan).records(), project=plan.project)
    book = load_workbook(io.BytesIO(content))
    book["Kostnader"].append(["Opplæring", 2029, "Engangs", "75 000", None, None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("state", ["draft", "submitted", "approved", "revising"])
@pytest.mark.parametrize("role", ROLES)
def test_import(client, people, ready, alice, sara, role, state):
    if state != "draft":
        submit_as(ready, alice)
    if state in ("approved", "revising"):
        review.plan_approve(plan=ready, actor=actor(sara, ready), version=None)
    if state == "revising":
        review.plan_revise(plan=ready, actor=actor(alice, ready), version=None, reason="Nye tall")
    content = workbook_with_a_cost(ready)
    client.force_login(people[role])
    r = client.post(
        reverse("benefits:import", args=[ready.project_id]),
        {"workbook": SimpleUploadedFile("plan.xlsx", content)},
    )
    ready.refresh_from_db()
    imported = ready.costs.filter(title="Opplæring").exists()
    if role not in ("team_member", "solution_owner"):
        assert r.status_code == refused_status(role) and not imported
    elif state in ("draft", "revising"):
        assert r.status_code == 302 and imported
        # The importer is recorded as the indicators' last changer only where
        # something changed: here nothing did.
        assert Indicator.objects.get().changed_by == alice
    else:
        assert r.status_code == 409 and not imported
        assert ready.status == state  # unchanged


# Follow-up that no state of the plan stops: naming the accountable owner and
# recording realised amounts. Team members and the solution owner do it, in an
# approved plan too.
@pytest.mark.parametrize("role", ROLES)
def test_name_the_accountable_owner(client, people, ready, alice, sara, owner, role):
    approved(ready, alice, sara)
    ready.refresh_from_db()
    client.force_login(people[role])
    r = post(client, ready, "plan-owner", {"accountable": owner.pk, "version": ready.version})
    ready.refresh_from_db()
    if role in ("team_member", "solution_owner"):
        assert r.status_code == 302 and ready.accountable == owner
    else:
        assert r.status_code == refused_status(role) and ready.accountable is None


@pytest.mark.parametrize("role", ROLES)
def test_record_a_realised_amount(client, people, ready, alice, sara, role):
    from benefits.models import Realisation

    approved(ready, alice, sara)
    benefit = ready.benefits.get()
    client.force_login(people[role])
    r = post(client, ready, "cofinancing", {"benefit": benefit.pk, "year": 2028, "amount": "1"})
    recorded = Realisation.objects.filter(benefit=benefit, year=2028).exists()
    if role in ("team_member", "solution_owner"):
        assert r.status_code == 302 and recorded
    else:
        assert r.status_code == refused_status(role) and not recorded


@pytest.mark.parametrize("state", ["draft", "submitted"])
@pytest.mark.parametrize("role", ROLES)
def test_map_link_add(client, people, ready, alice, role, state):
    """Team members and the solution owner draw the benefit map, only while
    the plan may change."""
    if state == "submitted":
        submit_as(ready, alice)
    benefit, goal = ready.benefits.get(), make_goal(ready.project)
    client.force_login(people[role])
    r = post(
        client,
        ready,
        "map-link-add",
        {"source": f"benefit:{benefit.pk}", "target": f"goal:{goal.pk}"},
    )
    linked = MapLink.objects.filter(benefit=benefit, goal=goal).exists()
    if role not in ("team_member", "solution_owner"):
        assert r.status_code == refused_status(role) and not linked
    elif state == "draft":
        assert r.status_code == 302 and linked
        assert MapLink.history.get().history_user == people[role]
    else:
        assert r.status_code == 409 and not linked


@pytest.mark.parametrize("role", ROLES)
def test_map_link_remove(client, people, ready, role):
    link = make_link(ready.benefits.get())
    client.force_login(people[role])
    url = reverse("benefits:map-link-delete", args=[ready.project_id, link.pk])
    r = client.post(url, {"version": link.version})
    kept = MapLink.objects.filter(pk=link.pk).exists()
    if role in ("team_member", "solution_owner"):
        assert r.status_code == 302 and not kept
    else:
        assert r.status_code == refused_status(role) and kept
