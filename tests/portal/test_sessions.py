"""Log-out and deactivation end sessions on the server, not only in the browser."""

from django.conf import settings
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal.sessions import end_sessions_of
from tests.factories import make_user


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _with_session_key(key: str) -> Client:
    """A new browser that presents an old session cookie."""
    client = Client()
    client.cookies["sessionid"] = key
    return client


def test_log_out_deletes_the_session_so_the_old_cookie_no_longer_works(alice):
    client = _logged_in(alice)
    key = client.session.session_key
    assert _with_session_key(key).get("/").status_code == 200
    assert client.post("/accounts/logout/").status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    assert _with_session_key(key).get("/").status_code == 302


def test_deactivating_a_user_ends_all_their_sessions_and_no_one_elses(alice, bob):
    phone, laptop, other = _logged_in(alice), _logged_in(alice), _logged_in(bob)
    keys = [c.session.session_key for c in (phone, laptop)]
    alice.is_active = False
    alice.save()
    assert not Session.objects.filter(session_key__in=keys).exists()
    assert phone.get("/").status_code == 302 and laptop.get("/").status_code == 302
    assert other.get("/").status_code == 200


def test_deactivating_in_the_admin_ends_their_sessions(alice, admin_client):
    session = _logged_in(alice)
    key = session.session.session_key
    data = {
        "username": "alice",
        "first_name": "Alice",
        "last_name": "Aas",
        "email": "alice@example.no",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "is_active": "",  # unticked
    }
    response = admin_client.post(f"/admin/auth/user/{alice.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    alice.refresh_from_db()
    assert not alice.is_active
    assert not Session.objects.filter(session_key=key).exists()
    assert session.get("/").status_code == 302


def test_saving_an_active_user_keeps_their_sessions(alice):
    client = _logged_in(alice)
    alice.first_name = "Alise"
    alice.save()
    assert client.get("/").status_code == 200


def test_it_finds_sessions_in_one_scan_and_one_delete(alice, django_assert_num_queries):
    for _ in range(5):
        _logged_in(alice)
    for _ in range(20):
        _logged_in(make_user())
    # The scan, the DELETE of the rows and the DELETE of their cached copies.
    with django_assert_num_queries(3):
        assert end_sessions_of(alice.pk) == 5
    assert Session.objects.count() == 20


def test_logging_in_gives_a_new_session_key(alice):
    anonymous = SessionStore()
    anonymous["seen"] = True
    anonymous.create()  # e.g. a session planted by an attacker before log-in
    client = _with_session_key(anonymous.session_key)
    client.post("/accounts/login/", {"username": "alice", "password": "pw-123-secret"})
    assert client.cookies["sessionid"].value != anonymous.session_key
    assert not Session.objects.filter(session_key=anonymous.session_key).exists()


def test_changing_the_password_ends_the_other_sessions(alice):
    here, elsewhere = _logged_in(alice), _logged_in(alice)
    response = here.post(
        "/accounts/password/",
        {
            "old_password": "pw-123-secret",
            "new_password1": "ny-lang-passordfrase-42",
            "new_password2": "ny-lang-passordfrase-42",
        },
    )
    assert response.status_code == 302
    assert here.get("/").status_code == 200
    assert elsewhere.get("/").status_code == 302


def _session_table_reads(client: Client) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/accessibility/").status_code == 200
    return [q["sql"] for q in queries if Session._meta.db_table in q["sql"]]


def test_a_request_reads_the_session_from_the_shared_cache_not_the_table(alice):
    # Every app server reads the same cache: it lives in the database.
    assert isinstance(caches[settings.SESSION_CACHE_ALIAS], DatabaseCache)
    client = _logged_in(alice)
    key = client.session.session_key
    assert caches[settings.SESSION_CACHE_ALIAS].get(KEY_PREFIX + key) is not None
    assert _session_table_reads(client) == []


def test_a_session_missing_from_the_cache_is_read_from_the_table(alice):
    client = _logged_in(alice)
    caches[settings.SESSION_CACHE_ALIAS].clear()
    assert len(_session_table_reads(client)) == 1
    assert alice.get_full_name() in client.get("/").text
    assert _session_table_reads(client) == []  # cached again by the first read


def test_deactivating_a_user_also_drops_the_cached_copies_of_their_sessions(alice, bob):
    theirs, other = _logged_in(alice), _logged_in(bob)
    cache = caches[settings.SESSION_CACHE_ALIAS]
    key, other_key = theirs.session.session_key, other.session.session_key
    alice.is_active = False
    alice.save()
    assert cache.get(KEY_PREFIX + key) is None
    assert cache.get(KEY_PREFIX + other_key) is not None


def test_log_out_drops_the_cached_copy(alice):
    client = _logged_in(alice)
    key = client.session.session_key
    client.post("/accounts/logout/")
    assert caches[settings.SESSION_CACHE_ALIAS].get(KEY_PREFIX + key) is None
