"""Plain builders for test data: each returns a saved object with sensible defaults."""

from itertools import count

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import Membership, Project, Unit
from projects.selectors import LEADERS_GROUP

_seq = count(1)


def make_user(username: str | None = None, *, leader: bool = False, **fields):
    username = username or f"user{next(_seq)}"
    fields.setdefault("email", f"{username}@example.no")
    user = get_user_model().objects.create_user(
        username=username, password="pw-123-secret", **fields
    )
    if leader:
        user.groups.add(Group.objects.get_or_create(name=LEADERS_GROUP)[0])
    return user


def make_unit(name: str | None = None) -> Unit:
    return Unit.objects.create(name=name or f"Unit {next(_seq)}")


def make_project(*, members: dict | None = None, **fields) -> Project:
    """A project; `members` maps users to roles."""
    fields.setdefault("title", f"Project {next(_seq)}")
    project = Project.objects.create(**fields)
    for user, role in (members or {}).items():
        Membership.objects.create(project=project, user=user, role=role)
    return project


def count_queries(client, url: str, **kwargs) -> int:
    """How many database queries one GET of `url` makes."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **kwargs)
    assert response.status_code == 200, response.status_code
    return len(queries)
