"""What follows from the rules of roles: a removed member is released at
once, the project says when it has no commissioning owner, and every grant
and decision reads in the history with who and the comment."""

from datetime import date, timedelta

from django.core.management import call_command
from django.urls import reverse

from projects.models import Activity, Membership
from projects.selectors import activities_due
from tests.factories import make_project, make_user


def remove(client, project, user):
    membership = Membership.objects.get(project=project, user=user)
    return client.post(reverse("projects:member-remove", args=[project.pk, membership.pk]))


def test_removal_releases_what_the_member_was_responsible_for(client, alice, project):
    dora = make_user("dora", first_name="Dora", last_name="Dahl")
    Membership.objects.create(project=project, user=dora, role="team_member")
    due = date.today() + timedelta(days=2)
    mine = Activity.objects.create(
        project=project, key="plan", responsible=dora, due_date=due, status="in_progress"
    )
    others = Activity.objects.create(project=project, key="trial", responsible=alice, due_date=due)

    client.force_login(alice)
    response = remove(client, project, dora)
    assert response.status_code == 302
    mine.refresh_from_db()
    others.refresh_from_db()
    assert mine.responsible is None and others.responsible == alice
    # The team sees what needs someone new, with a link to it.
    page = client.get(reverse("projects:members", args=[project.pk])).text
    assert "Ingen ansvarlig" in page and "Planlegg arbeidet" in page
    assert "Én ting vedkommende hadde ansvar for, har nå ingen ansvarlig" in page
    assert f"/projects/{project.pk}/deliver/" in page
    # Neither the week's reminders nor the e-mail name her any more.
    assert dora not in {a.responsible for a in activities_due(start=date.today(), end=due)}


def test_a_member_removed_before_is_not_reminded(project, alice, mailoutbox):
    """A responsible link left from before (no release) still sends nothing."""
    dora = make_user("dora")
    Activity.objects.create(
        project=project,
        key="plan",
        responsible=dora,
        due_date=date.today() + timedelta(days=1),
    )
    call_command("send_measurement_reminders")
    assert mailoutbox == []


def test_the_overview_says_when_no_one_owns_the_commission(client, alice, owner, project):
    client.force_login(alice)
    assert "venter på en oppdragseier" not in client.get(project.get_absolute_url()).text
    Membership.objects.filter(project=project, user=owner).delete()
    assert "venter på en oppdragseier" in client.get(project.get_absolute_url()).text


def test_leaders_see_the_projects_waiting_for_a_commissioning_owner(client, leader, alice):
    waiting = make_project(title="Uten oppdragseier", members={alice: "team_member"})
    owned = make_project(
        title="Med oppdragseier", members={alice: "team_member", leader: "commissioning_owner"}
    )
    stopped = make_project(title="Stoppet uten eier", members={alice: "team_member"})
    stopped.funnel_stage = "stopped"
    stopped.save()
    client.force_login(leader)
    page = client.get("/").text
    assert "1 prosjekt venter på en oppdragseier" in page
    assert reverse("projects:members", args=[waiting.pk]) in page
    assert owned.title not in page.split("oppdragseier</h2>")[1].split("</section>")[0]
    assert stopped.title not in page
    client.force_login(alice)  # not a leader: not her to appoint
    assert "venter på en oppdragseier" not in client.get("/").text


def test_history_tells_who_granted_which_role_and_the_gate_comment(
    client, alice, owner, leader, project
):
    dora = make_user("dora", first_name="Dora", last_name="Dahl")
    client.force_login(leader)
    client.post(
        reverse("projects:members", args=[project.pk]),
        {"identifier": "dora", "role": "solution_owner"},
    )
    client.force_login(owner)
    client.post(
        reverse("projects:gate", args=[project.pk]),
        {"step": "hypothesis", "decision": "iterate", "comment": "Test hypotesen med brukerne."},
    )
    client.force_login(alice)
    page = client.get(reverse("projects:history", args=[project.pk])).text
    assert "Lena Leder opprettet medlemskap «Dora Dahl»" in page
    assert "Rolle: Løsningseier" in page
    assert "Olga Oppdrag opprettet" in page and "Test hypotesen med brukerne." in page
    assert Membership.objects.get(project=project, user=dora).role == "solution_owner"
