import pytest

from projects.models import Membership
from tests.factories import make_user

from .builders import make_plan


@pytest.fixture
def sara(project):
    """Solution owner of `project`."""
    user = make_user("sara", first_name="Sara", last_name="Solberg")
    Membership.objects.create(project=project, user=user, role=Membership.Role.SOLUTION_OWNER)
    return user


@pytest.fixture
def plan(project):
    return make_plan(project)


@pytest.fixture
def member_client(client, alice):
    client.force_login(alice)
    return client


HTMX = {"HX-Request": "true"}
