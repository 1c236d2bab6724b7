from django.db import transaction

from projects.models import Unit

from .models import UnitRating


class StaleRating(Exception):
    def __init__(self, current: UnitRating):
        super().__init__("stale rating")
        self.current = current


@transaction.atomic
def unit_rating_save(*, unit: Unit, data: dict, version: int | None, by) -> UnitRating:
    """Save a leader's rating; refuse it if someone saved since `version`."""
    rating = UnitRating.objects.select_for_update().filter(unit=unit).first()
    if rating is None:
        rating = UnitRating(unit=unit, version=0)
    elif version is not None and version != rating.version:
        raise StaleRating(rating)
    rating.ambition = data["ambition"]
    rating.capacity = data["capacity"]
    rating.comment = data["comment"]
    rating.rated_by = by
    rating.version += 1
    rating.save()
    return rating
