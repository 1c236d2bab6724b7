"""Submitting, approving and returning the plan."""

from unittest import mock

import pytest
from django.urls import reverse

from benefits.models import BenefitPlan, PlanEvent

from .builders import make_benefit, make_indicator, make_value
from .conftest import HTMX


def post(client, project, name, data=None, **kw):
    return client.post(reverse(f"benefits:{name}", args=[project.pk]), data or {}, **kw)


@pytest.fixture
def ready_plan(plan, alice):
    benefit = make_benefit(plan, owner=alice)
    make_value(benefit, 2028, a=250_000)
    make_indicator(benefit, by=alice)
    return plan


@pytest.fixture
def submitted(ready_plan, alice):
    ready_plan.status = BenefitPlan.Status.SUBMITTED
    ready_plan.save()
    PlanEvent.objects.create(plan=ready_plan, action="submitted", by=alice, edition=1)
    return ready_plan


def test_the_team_submits_and_the_plan_locks(member_client, project, ready_plan, alice):
    r = post(member_client, project, "plan-submit", {"version": 1}, headers=HTMX)
    assert r.status_code == 200
    ready_plan.refresh_from_db()
    assert ready_plan.status == "submitted"
    event = PlanEvent.objects.get()
    assert (event.action, event.by, event.edition) == ("submitted", alice, 1)
    assert f'hx-get="/projects/{project.pk}/benefits/benefits/' not in r.text  # no edit links


def test_it_refuses_to_submit_while_an_indicator_fails(member_client, project, plan, alice):
    benefit = make_benefit(plan)
    make_indicator(benefit, by=alice, method="")
    page = member_client.get(reverse("benefits:plan", args=[project.pk]))
    assert "Planen kan ikke sendes ennå" in page.text
    assert "Evaluerbar" in page.text
    r = post(member_client, project, "plan-submit", headers=HTMX)
    assert r.status_code == 409
    plan.refresh_from_db()
    assert plan.status == "draft" and not PlanEvent.objects.exists()


def test_it_refuses_to_submit_a_plan_without_indicators(member_client, project, plan):
    r = post(member_client, project, "plan-submit")
    assert r.status_code == 302
    plan.refresh_from_db()
    assert plan.status == "draft"


def test_the_solution_owner_approves(client, sara, project, submitted):
    client.force_login(sara)
    page = client.get(reverse("benefits:plan", args=[project.pk]))
    assert "Godkjenn planen" in page.text
    r = post(
        client, project, "plan-approve", {"comment": "Godt arbeid", "version": 1}, headers=HTMX
    )
    assert r.status_code == 200
    submitted.refresh_from_db()
    assert submitted.status == "approved"
    event = PlanEvent.objects.get(action="approved")
    assert event.by == sara and event.comment == "Godt arbeid"
    assert event.snapshot["values"][0]["a"] == 250_000
    assert "Les den godkjente versjonen" in r.text


def test_the_solution_owner_returns_with_a_required_comment(client, sara, project, submitted):
    client.force_login(sara)
    r = post(client, project, "plan-return", {"comment": "  "}, headers=HTMX)
    assert r.status_code == 409
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    r = post(client, project, "plan-return", {"comment": "Mangler nullpunkt for tidsbruk"})
    assert r.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "returned"
    page = client.get(reverse("benefits:plan", args=[project.pk]))
    assert "Mangler nullpunkt for tidsbruk" in page.text and "Sara Solberg" in page.text


@pytest.mark.parametrize("who", ["alice", "owner", "leader"])
def test_only_the_solution_owner_decides_what_a_team_member_submitted(
    client, request, project, submitted, who
):
    client.force_login(request.getfixturevalue(who))
    assert post(client, project, "plan-approve").status_code == 403
    assert post(client, project, "plan-return", {"comment": "Nei"}).status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def test_viewer_gets_403_and_outsider_404(client, bob, charlie, project, submitted):
    client.force_login(bob)
    assert post(client, project, "plan-approve").status_code == 403
    assert post(client, project, "plan-submit").status_code == 403
    client.force_login(charlie)
    assert post(client, project, "plan-approve").status_code == 404


def test_a_draft_cannot_be_approved(client, sara, project, ready_plan):
    client.force_login(sara)
    r = post(client, project, "plan-approve")
    assert r.status_code == 302
    ready_plan.refresh_from_db()
    assert ready_plan.status == "draft"


def test_a_stale_decision_is_refused(client, sara, project, submitted):
    client.force_login(sara)
    r = post(client, project, "plan-approve", {"version": 0}, headers=HTMX)
    assert r.status_code == 409
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def test_an_approval_that_fails_midway_changes_nothing(client, sara, project, submitted):
    client.force_login(sara)
    recorded = submitted.history.count()
    with (
        mock.patch.object(PlanEvent.objects, "create", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        post(client, project, "plan-approve", {"version": 1})
    submitted.refresh_from_db()
    assert submitted.status == "submitted" and submitted.version == 1
    assert not PlanEvent.objects.filter(action="approved").exists()
    assert submitted.history.count() == recorded


def test_the_approved_version_stays_readable_after_changes(client, sara, alice, project, submitted):
    client.force_login(sara)
    post(client, project, "plan-approve", {"version": 1})
    event = PlanEvent.objects.get(action="approved")
    client.force_login(alice)
    post(client, project, "plan-revise", {"reason": "Nye tall fra økonomi", "version": 2})
    benefit = submitted.benefits.get()
    r = client.post(
        reverse("benefits:value-edit", args=[project.pk, benefit.pk, 2028]),
        {"basis": "direct", "a": "999 999", "version": 1},
    )
    assert r.status_code == 302
    submitted.refresh_from_db()
    assert (submitted.status, submitted.edition) == ("draft", 2)
    old = client.get(reverse("benefits:approved", args=[project.pk, event.pk]))
    assert old.status_code == 200
    assert "250\u00a0000\u00a0kr" in old.text and "999\u00a0999" not in old.text
    now = client.get(reverse("benefits:plan", args=[project.pk]))
    assert "999\u00a0999\u00a0kr" in now.text


def test_an_approved_version_of_another_project_is_not_found(client, alice, project, plan):
    from tests.factories import make_project

    from .builders import make_plan

    other = make_plan(make_project())
    event = PlanEvent.objects.create(
        plan=other, action="approved", by=alice, edition=1, snapshot={}
    )
    client.force_login(alice)
    assert client.get(reverse("benefits:approved", args=[project.pk, event.pk])).status_code == 404
