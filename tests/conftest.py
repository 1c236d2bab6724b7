import pytest

from projects.models import Membership

from .factories import make_project, make_unit, make_user


@pytest.fixture
def alice(db):
    """Team member of `project`."""
    return make_user("alice", first_name="Alice", last_name="Aas")


@pytest.fixture
def bob(db):
    """Read-only viewer of `project`."""
    return make_user("bob", first_name="Bob", last_name="Berg")


@pytest.fixture
def charlie(db):
    """Outsider: no membership, no global role."""
    return make_user("charlie", first_name="Charlie", last_name="Ceder")


@pytest.fixture
def leader(db):
    return make_user("lena", first_name="Lena", last_name="Leder", leader=True)


@pytest.fixture
def owner(db):
    """Commissioning owner of `project`."""
    return make_user("olga", first_name="Olga", last_name="Oppdrag")


@pytest.fixture
def unit(db):
    return make_unit("Helse og omsorg")


@pytest.fixture
def project(alice, bob, owner, unit):
    return make_project(
        title="Digital innbyggerdialog",
        unit=unit,
        members={
            alice: Membership.Role.TEAM_MEMBER,
            bob: Membership.Role.VIEWER,
            owner: Membership.Role.COMMISSIONING_OWNER,
        },
    )


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # Real hashing costs ~0.3 s a user; tests do not test the hash.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
