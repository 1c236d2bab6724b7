"""Ending a user's sessions when they are deactivated.

Sessions live in the database (`django.contrib.sessions`), where the user id is
inside each row's signed, encoded data, not in a column. Finding one user's
sessions therefore means one scan over the live sessions, decoding each in
Python, then one DELETE of the matches: two queries whatever the number of
sessions, and CPU time in proportion to how many people are logged in. That is
fine for a deactivation (rare, an administrator's action). A session model with
an indexed user column (a custom session backend) would make it one indexed
DELETE, at the price of replacing Django's standard backend; not worth it yet.
Requests read sessions through the session cache (`cached_db`), so the cached
copies go with the rows: one more query, a DELETE in that cache's table.

Only saves through the model trigger this (the admin's change form, `save()`);
a bulk `QuerySet.update(is_active=False)` sends no signal. Django's own
backend already refuses to authenticate an inactive user's session; deleting
the rows makes that hold for any backend and frees the rows at once."""

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.utils import timezone


def end_sessions_of(user_id: int) -> int:
    """Delete every live session of the user; the number deleted."""
    live = Session.objects.filter(expire_date__gt=timezone.now()).only(
        "session_key", "session_data"
    )
    theirs = [
        session.session_key
        for session in live.iterator(chunk_size=2000)
        if session.get_decoded().get(SESSION_KEY) == str(user_id)
    ]
    if not theirs:
        return 0
    deleted, _ = Session.objects.filter(session_key__in=theirs).delete()
    caches[settings.SESSION_CACHE_ALIAS].delete_many(
        [SessionStore.cache_key_prefix + key for key in theirs]
    )
    return deleted


def end_sessions_of_inactive_user(sender, instance, update_fields=None, **kwargs) -> None:
    """post_save on the user model: a user saved as inactive is logged out everywhere."""
    if update_fields is not None and "is_active" not in update_fields:
        return
    if not instance.is_active:
        end_sessions_of(instance.pk)
