import pytest
from django.conf import settings as django_settings

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
def sara(project):
    """Solution owner of `project`."""
    user = make_user("sara", first_name="Sara", last_name="Solberg")
    Membership.objects.create(project=project, user=user, role=Membership.Role.SOLUTION_OWNER)
    return user


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


_on_postgres_only = pytest.StashKey[int]()


def pytest_collection_modifyitems(config, items):
    """Tests marked postgres_only (threads racing for a write, see
    tests/concurrency.py) are deselected on SQLite, whose in-memory test
    database refuses a second writer at once; the PostgreSQL run of
    `make test` runs them."""
    if django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        return
    deselected = [item for item in items if item.get_closest_marker("postgres_only")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("postgres_only")]
        config.stash[_on_postgres_only] = len(deselected)


def pytest_terminal_summary(terminalreporter, config):
    count = config.stash.get(_on_postgres_only, 0)
    if count:
        terminalreporter.write_line(
            f"{count} deselected: postgres_only (threads racing for a write run on PostgreSQL)"
        )
