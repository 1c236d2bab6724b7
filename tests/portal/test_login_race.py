"""Wrong passwords sent all at once are counted one by one: the limit holds
(real threads, each with its own connection, on PostgreSQL)."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.concurrency import race
from tests.factories import make_user

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


def _wrong_password():
    response = Client().post(
        "/accounts/login/", {"username": "kari", "password": "wrong"}, REMOTE_ADDR="203.0.113.9"
    )
    return response.status_code


def test_fifteen_parallel_wrong_passwords_get_only_the_limit_checked(settings):
    settings.AXES_FAILURE_LIMIT = 5
    make_user("kari")
    outcomes = race(*[_wrong_password] * 15)
    # 200: the password was checked and was wrong; 429: refused unchecked (or
    # the check that reached the limit, which is answered with the lock-out).
    assert sorted(outcomes) == [200] * 4 + [429] * 11, outcomes
    assert AccessAttempt.objects.get(username="kari").failures_since_start == 5
