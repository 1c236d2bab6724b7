from django.db import transaction

from projects.models import Unit
from projects.versioning import bump, lock

from .models import UnitRating


@transaction.atomic
def unit_rating_save(*, unit: Unit, data: dict, version: int | None, by) -> UnitRating:
    """Save a leader's rating; refuse it if someone saved since `version`."""
    rating = lock(UnitRating, version=version, missing_ok=True, unit=unit)
    if rating is None:
        rating = UnitRating(unit=unit, version=0)
    rating.ambition = data["ambition"]
    rating.capacity = data["capacity"]
    rating.comment = data["comment"]
    rating.rated_by = by
    return bump(rating)


def user_pseudonymise(*, user) -> None:
    """Remove what identifies a person but keep the user row, so memberships and
    history stay readable as "Deleted user N"."""
    user.username = f"slettet-{user.pk}"
    user.first_name = "–"
    user.last_name = f"#{user.pk}"
    user.email = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
