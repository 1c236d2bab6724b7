import pytest

from tests.factories import make_project


@pytest.fixture
def queue(settings):
    """Tasks are queued, not run: the test runs them itself."""
    from django.tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    return default_task_backend


@pytest.fixture
def three(alice):
    return [make_project(title=f"Prosjekt {n}", members={alice: "team_member"}) for n in range(3)]
