"""Two people change the same thing at the same moment: exactly one wins and
nothing is lost or left broken (real threads, on SQLite and PostgreSQL)."""

import pytest

from projects.access import Actor, Refused
from projects.models import Membership, Project
from projects.services import membership_add, membership_change_role, project_update
from projects.versioning import StaleEdit
from tests.concurrency import race
from tests.factories import make_project, make_user

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


def test_two_editors_saving_the_same_version_one_wins_the_other_gets_stale():
    project = make_project(title="Felles prosjekt")
    first, second = Project.objects.get(pk=project.pk), Project.objects.get(pk=project.pk)
    outcomes = race(
        lambda: project_update(project=first, data={"title": "Kari sin"}, version=1),
        lambda: project_update(project=second, data={"title": "Ola sin"}, version=1),
    )
    winners = [o for o in outcomes if isinstance(o, Project)]
    losers = [o for o in outcomes if isinstance(o, StaleEdit)]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    project.refresh_from_db()
    assert project.version == 2 and project.title == winners[0].title
    assert losers[0].current.title == winners[0].title  # the loser is shown what won
    assert project.history.count() == 2  # created, then the one change


def test_two_editors_stepping_down_at_once_keep_one_editor():
    kari, ola = make_user(), make_user()
    team = Membership.Role.TEAM_MEMBER
    project = make_project(members={kari: team, ola: team})
    mine, theirs = (project.memberships.get(user=u) for u in (kari, ola))
    outcomes = race(
        lambda: membership_change_role(
            membership=mine, role=Membership.Role.VIEWER, actor=Actor(kari.pk, team, False)
        ),
        lambda: membership_change_role(
            membership=theirs, role=Membership.Role.VIEWER, actor=Actor(ola.pk, team, False)
        ),
    )
    assert sum(isinstance(o, Refused) for o in outcomes) == 1, outcomes
    assert sum(isinstance(o, Membership) for o in outcomes) == 1, outcomes
    editors = project.memberships.filter(role__in=Membership.EDITOR_ROLES)
    assert editors.count() == 1


def test_two_leaders_appointing_at_once_leave_one_commissioning_owner():
    kari, nina, per = make_user(), make_user(), make_user()
    project = make_project(members={kari: Membership.Role.TEAM_MEMBER})
    lena, leif = make_user(leader=True), make_user(leader=True)
    owner = Membership.Role.COMMISSIONING_OWNER
    outcomes = race(
        lambda: membership_add(
            project=project, user=nina, role=owner, actor=Actor(lena.pk, None, True)
        ),
        lambda: membership_add(
            project=project, user=per, role=owner, actor=Actor(leif.pk, None, True)
        ),
    )
    assert all(isinstance(o, Membership) for o in outcomes), outcomes
    # The later appointment replaced the earlier one, who reads on as a viewer.
    assert project.memberships.filter(role=owner).count() == 1
    assert project.memberships.filter(role=Membership.Role.VIEWER).count() == 1
