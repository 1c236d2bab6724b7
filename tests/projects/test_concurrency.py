"""Two people change the same thing at the same moment: exactly one wins and
nothing is lost or left broken (real threads, on SQLite and PostgreSQL)."""

import pytest

from projects.models import Membership, Project
from projects.services import (
    MembershipRuleBroken,
    StaleEdit,
    membership_change_role,
    project_update,
)
from tests.concurrency import race
from tests.factories import make_project, make_user

pytestmark = [pytest.mark.django_db(transaction=True)]


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


def test_two_editors_demoting_each_other_keep_one_editor():
    kari, ola = make_user(), make_user()
    project = make_project(
        members={kari: Membership.Role.TEAM_MEMBER, ola: Membership.Role.SOLUTION_OWNER}
    )
    mine, theirs = (project.memberships.get(user=u) for u in (kari, ola))
    outcomes = race(
        lambda: membership_change_role(membership=mine, role=Membership.Role.VIEWER),
        lambda: membership_change_role(membership=theirs, role=Membership.Role.VIEWER),
    )
    assert sum(isinstance(o, MembershipRuleBroken) for o in outcomes) == 1, outcomes
    assert sum(isinstance(o, Membership) for o in outcomes) == 1, outcomes
    editors = project.memberships.filter(role__in=Membership.EDITOR_ROLES)
    assert editors.count() == 1
