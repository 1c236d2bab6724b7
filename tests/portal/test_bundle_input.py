"""Odd project ids in a deck bundle request are refused politely (found by fuzzing)."""

import pytest

from portal.models import DeckBundle


@pytest.mark.parametrize("value", ["²", "½", "9" * 30, "-1", " 1"])
def test_it_refuses_ids_that_are_not_plain_numbers(client, alice, project, value):
    client.force_login(alice)
    response = client.post("/decks/bundles/", {"project": [value]})
    assert response.status_code == 302 and response["Location"] == "/portfolio/"
    assert not DeckBundle.objects.exists()
