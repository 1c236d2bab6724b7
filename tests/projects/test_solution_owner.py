"""Appointing the solution owner from the project's members (step 3)."""

from django.urls import reverse

from projects.flow.services import activities_seed
from projects.models import Membership
from tests.factories import make_user

HTMX = {"HX-Request": "true"}


def appoint(client, project, user, **kw):
    return client.post(
        reverse("projects:solution-owner", args=[project.pk]), {"user": user.pk}, **kw
    )


def role(project, user):
    return Membership.objects.get(project=project, user=user).role


def test_the_commissioning_owner_appoints_a_team_member(client, owner, alice, project):
    client.force_login(owner)
    r = appoint(client, project, alice, headers=HTMX)
    assert r.status_code == 200 and 'id="owner"' in r.text and "<html" not in r.text
    assert "Alice Aas" in r.text
    assert role(project, alice) == "solution_owner"


def test_a_leader_appoints_with_a_plain_form(client, leader, alice, project):
    client.force_login(leader)
    r = appoint(client, project, alice)
    assert r.status_code == 302 and r["Location"].endswith("#owner")
    assert role(project, alice) == "solution_owner"


def test_appointing_completes_the_first_activity(client, owner, alice, project):
    activities_seed(project=project)
    client.force_login(owner)
    appoint(client, project, alice, headers=HTMX)
    assert project.activities.get(key="solution_owner").status == "done"


def test_a_new_appointment_returns_the_previous_owner_to_the_team(client, owner, alice, project):
    dora = make_user("dora")
    Membership.objects.create(project=project, user=dora, role="solution_owner")
    client.force_login(owner)
    appoint(client, project, alice, headers=HTMX)
    assert role(project, alice) == "solution_owner" and role(project, dora) == "team_member"


def test_only_the_teams_editors_can_be_appointed(client, alice, bob, charlie, owner, project):
    client.force_login(owner)
    for user in (bob, charlie, owner):  # viewer, outsider, commissioning owner
        r = appoint(client, project, user, headers=HTMX)
        assert r.status_code == 200 and "ds-validation-message" in r.text
    r = appoint(client, project, bob)
    assert r.status_code == 200 and "<html" in r.text
    assert not Membership.objects.filter(project=project, role="solution_owner").exists()


def test_outsiders_get_404_viewers_and_the_team_403(client, bob, charlie, alice, project):
    client.force_login(charlie)
    assert appoint(client, project, alice).status_code == 404
    for user in (bob, alice):
        client.force_login(user)
        r = appoint(client, project, alice)
        assert r.status_code == 403
        assert "Bare oppdragseieren eller en leder" in r.text  # the reason, in bokmål
    assert role(project, alice) == "team_member"
