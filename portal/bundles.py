"""Deck bundles as a bounded cost: an identical bundle that is pending or fresh
is reused, each person may start only so many per hour, and built bundles
expire (settings DECK_BUNDLES_PER_HOUR and DECK_BUNDLE_HOURS)."""

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from projects.models import Project

from .models import DeckBundle
from .tasks import build_deck_bundle


class BundleLimit(Exception):
    """The person already started settings.DECK_BUNDLES_PER_HOUR bundles in the last hour."""

    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


def expires_before() -> datetime:
    """Bundles created before this moment have expired."""
    return timezone.now() - DeckBundle.lifetime()


def live_bundles() -> QuerySet[DeckBundle]:
    """Bundles that have not expired: the only ones anyone is shown."""
    return DeckBundle.objects.filter(created_at__gte=expires_before())


def bundles_delete_expired() -> int:
    """Delete every expired bundle (its PDF with it); the number deleted."""
    deleted, _ = DeckBundle.objects.filter(created_at__lt=expires_before()).delete()
    return deleted


def bundle_fingerprint(project_ids: list[int]) -> str:
    """What the bundle's decks are made of: the set of projects, each at its
    change stamp (replaced by every recorded change of the project's data)."""
    projects = Project.objects.filter(pk__in=project_ids).order_by("pk")
    pairs = projects.values_list("pk", "change_stamp")
    return hashlib.sha256(repr(list(pairs)).encode()).hexdigest()


@transaction.atomic
def bundle_request(*, user: AbstractBaseUser, project_ids: list[int], language: str) -> DeckBundle:
    """The bundle of `project_ids` (all of which the caller checked `user` may
    see) in `language`: a pending or fresh identical one of the same person if
    there is one, else a new one queued. BundleLimit when a new one would
    exceed the hourly limit.

    Identical means the same person, the same set of projects at the same
    change stamps, and the same language. Reuse stays within one person on
    purpose: a bundle's page and download belong to whoever asked for it (the
    views check that), and the set was just filtered by what this person may
    see, so a reused bundle never holds a project they may not see."""
    # One request per person at a time (the row lock), so parallel identical
    # clicks reuse one bundle and parallel different ones cannot pass the limit.
    get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk").get()
    fingerprint = bundle_fingerprint(project_ids)
    mine = live_bundles().filter(requested_by=user)
    reusable = (
        mine.filter(language=language, fingerprint=fingerprint)
        .exclude(status=DeckBundle.Status.FAILED)
        .defer("pdf")
        .first()
    )
    if reusable is not None:
        return reusable
    hour_ago = timezone.now() - timedelta(hours=1)
    limit = settings.DECK_BUNDLES_PER_HOUR
    if DeckBundle.objects.filter(requested_by=user, created_at__gte=hour_ago).count() >= limit:
        raise BundleLimit(limit)
    bundle = DeckBundle.objects.create(
        requested_by=user,
        project_ids=project_ids,
        language=language,
        total=len(project_ids),
        fingerprint=fingerprint,
    )
    build_deck_bundle.enqueue(bundle.pk)
    return bundle
