"""Step gates: who decides, in which order, and that stopping keeps the work."""

import pytest
from django.urls import reverse

from projects.models import Activity, GateDecision, Membership, Project

from .flow_data import make_row


def decide(client, project, step, decision="go_on", comment="Godt grunnlag."):
    return client.post(
        reverse("projects:gate", args=[project.pk]),
        {"step": step, "decision": decision, "comment": comment},
    )


def test_it_lets_the_commissioning_owner_go_on_to_the_next_step(client, owner, project):
    client.force_login(owner)
    r = decide(client, project, "hypothesis")
    assert r.status_code == 302 and r["Location"] == reverse(
        "projects:step-goals", args=[project.pk]
    )
    project.refresh_from_db()
    assert project.step == "goals" and project.funnel_stage == "project"
    d = GateDecision.objects.get()
    assert (d.step, d.decision, d.decided_by) == ("hypothesis", "go_on", owner)


def test_a_leader_may_decide(client, leader, project):
    client.force_login(leader)
    assert decide(client, project, "hypothesis", "iterate").status_code == 302
    project.refresh_from_db()
    assert project.step == "hypothesis"
    assert GateDecision.objects.get().decision == "iterate"


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_team_members_and_viewers_may_not_decide(client, project, who, request):
    client.force_login(request.getfixturevalue(who))
    assert decide(client, project, "hypothesis").status_code == 403
    assert not GateDecision.objects.exists()


def test_outsiders_get_404(client, charlie, project):
    client.force_login(charlie)
    assert decide(client, project, "hypothesis").status_code == 404


def test_steps_cannot_be_skipped(client, owner, project):
    client.force_login(owner)
    r = decide(client, project, "goals")
    assert r.status_code == 302
    project.refresh_from_db()
    assert project.step == "hypothesis" and not GateDecision.objects.exists()


def test_a_gate_cannot_be_passed_twice(client, owner, project):
    client.force_login(owner)
    decide(client, project, "hypothesis")
    decide(client, project, "hypothesis")  # a second tab, or a double click
    project.refresh_from_db()
    assert project.step == "goals" and GateDecision.objects.count() == 1


def test_a_decision_needs_a_comment_and_a_choice(client, owner, project):
    client.force_login(owner)
    r = decide(client, project, "hypothesis", comment="  ")
    assert r.status_code == 200 and "ds-error-summary" in r.text
    r = decide(client, project, "hypothesis", decision="kanskje")
    assert r.status_code == 200 and "ds-error-summary" in r.text
    assert not GateDecision.objects.exists()


def test_entering_step_3_seeds_the_eleven_activities(client, owner, project):
    client.force_login(owner)
    decide(client, project, "hypothesis")
    decide(client, project, "goals")
    project.refresh_from_db()
    assert project.step == "deliver"
    keys = list(project.activities.values_list("key", flat=True))
    assert keys == [k for k, _label in Activity.KEYS]
    assert Activity.history.filter(project_id=project.pk).count() == 11


def test_step_3_cannot_be_closed_without_a_solution_owner(client, owner, alice, project):
    project.step = "deliver"
    project.save()
    client.force_login(owner)
    decide(client, project, "deliver")
    project.refresh_from_db()
    assert project.step == "deliver" and not GateDecision.objects.exists()
    Membership.objects.filter(project=project, user=alice).update(role="solution_owner")
    decide(client, project, "deliver")
    project.refresh_from_db()
    assert project.step == "operation" and project.funnel_stage == "operation"


def test_stop_keeps_everything(client, owner, project):
    goal = make_row("goals", project)
    client.force_login(owner)
    decide(client, project, "hypothesis", "stop", "Regelverket stopper oss.")
    project.refresh_from_db()
    assert project.funnel_stage == Project.FunnelStage.STOPPED
    assert project.step == "hypothesis"
    assert project.goals.get() == goal
    page = client.get(reverse("projects:step-hypothesis", args=[project.pk]))
    assert "Regelverket stopper oss." in page.text
    # and nothing more can be decided
    decide(client, project, "hypothesis", "go_on")
    project.refresh_from_db()
    assert project.step == "hypothesis" and GateDecision.objects.count() == 1


def test_decisions_are_listed_on_the_overview(client, owner, project):
    client.force_login(owner)
    decide(client, project, "hypothesis", comment="Vi går videre med SMS-sporet.")
    r = client.get(project.get_absolute_url())
    assert "Vi går videre med SMS-sporet." in r.text


def test_the_gate_form_is_shown_only_to_those_who_decide(client, owner, alice, project):
    url = reverse("projects:step-hypothesis", args=[project.pk])
    client.force_login(owner)
    assert reverse("projects:gate", args=[project.pk]) in client.get(url).text
    client.force_login(alice)
    assert reverse("projects:gate", args=[project.pk]) not in client.get(url).text


def test_the_history_names_decisions_and_activities_in_words(client, owner, project):
    client.force_login(owner)
    decide(client, project, "hypothesis")
    decide(client, project, "goals")
    r = client.get(reverse("projects:history", args=[project.pk]))
    assert "Mål: Gå videre" in r.text
    assert "Planlegg arbeidet" in r.text


@pytest.mark.parametrize("step", ["operation", ""])
def test_a_refused_form_for_a_project_in_operation_shows_the_overview(client, owner, project, step):
    Project.objects.filter(pk=project.pk).update(step="operation")
    client.force_login(owner)
    r = client.post(reverse("projects:gate", args=[project.pk]), {"step": step}, follow=True)
    assert r.redirect_chain == [(reverse("projects:detail", args=[project.pk]), 302)]
    assert "Dette beslutningspunktet er ikke prosjektets nåværende" in r.text
    assert not GateDecision.objects.exists()
