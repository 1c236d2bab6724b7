"""The unit ratings page keeps each unbound form's fields in the cache under
the unit and its rating as shown: a change shows at once, in any language."""

import re

from django.utils import translation

from portal.models import UnitRating


def checked(page: str, name: str) -> str:
    """The value of the radio button `name` that is checked."""
    found = re.search(rf'<input type="radio" name="{name}"[^>]*value="(\w*)"[^>]*checked', page)
    return found.group(1) if found else ""


def test_a_saved_rating_shows_at_once(client, leader, unit):
    client.force_login(leader)
    prefix = f"unit-{unit.pk}"
    page = client.get("/portfolio/units/").text  # the unrated fields are kept
    assert checked(page, f"{prefix}-ambition") == ""
    data = {
        f"{prefix}-ambition": "high",
        f"{prefix}-capacity": "low",
        f"{prefix}-comment": "Travelt",
    }
    assert client.post(f"/portfolio/units/{unit.pk}/", data).status_code == 302
    page = client.get("/portfolio/units/").text
    assert checked(page, f"{prefix}-ambition") == "high"
    assert checked(page, f"{prefix}-capacity") == "low"
    assert re.search(rf'name="{prefix}-comment"[^>]*>\s*Travelt</textarea>', page)


def test_a_rating_changed_outside_the_page_shows_at_once(client, leader, unit):
    client.force_login(leader)
    UnitRating.objects.create(unit=unit, ambition="low", capacity="low", comment="Først")
    assert "Først</textarea>" in client.get("/portfolio/units/").text
    # Neither through the page's form nor with a new version.
    UnitRating.objects.filter(unit=unit).update(capacity="high", comment="Siden")
    page = client.get("/portfolio/units/").text
    assert "Siden</textarea>" in page and "Først" not in page
    assert checked(page, f"unit-{unit.pk}-capacity") == "high"


def test_the_kept_fields_follow_the_language(client, leader, unit):
    client.force_login(leader)
    assert "Innovasjonsambisjon</legend>" in client.get("/portfolio/units/").text
    client.cookies["django_language"] = "en"
    page = client.get("/portfolio/units/").text
    translation.activate("nb")  # the request left English active
    assert "Innovation ambition</legend>" in page and "Innovasjonsambisjon" not in page
