"""Ids in addresses and forms: an id outside the database's range, or not a
number, gives 404 or 400, never 500 (issue 13)."""

import pytest
from django.urls import URLResolver, get_resolver, reverse

from benefits.models import Benefit, BenefitPlan
from projects.ids import MAX_ID, IdConverter, parse_id
from projects.models import IdentifiedBenefit
from tests.test_url_access import ALL_URLS, sample_kwargs

# Named like an id but not a row's: an OpenID provider's configured name (a slug).
NOT_ROW_IDS = {"provider_id"}


def _is_row_id(arg: str) -> bool:
    return arg.endswith("_id") and arg not in NOT_ROW_IDS


ID_URLS = [(n, a) for n, a in ALL_URLS if any(_is_row_id(arg) for arg in a)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", 0),
        ("42", 42),
        (str(MAX_ID), MAX_ID),
        (str(MAX_ID + 1), None),
        ("9" * 23, None),
        ("", None),
        ("-1", None),
        (" 1", None),
        ("1.5", None),
        ("abc", None),
        ("²", None),
        ("٣", None),  # an Arabic-Indic three: a decimal digit to Python, not an id
        (None, None),
    ],
)
def test_parse_id_takes_only_plain_digits_within_range(value, expected):
    assert parse_id(value) == expected


def test_the_huge_project_id_of_the_issue_is_404(client, alice, project):
    client.force_login(alice)
    response = client.get("/projects/99999999999999999999999/")
    assert response.status_code == 404 and "Fant ikke siden" in response.text


def _converters(resolver=None):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace != "admin":  # the admin's own addresses take any key
                yield from _converters(entry)
        else:
            yield from entry.pattern.converters.items()


def test_every_id_in_every_address_goes_through_the_id_converter():
    ids = [(name, converter) for name, converter in _converters() if _is_row_id(name)]
    assert len(ids) > 40
    assert all(isinstance(converter, IdConverter) for _, converter in ids)


@pytest.mark.parametrize(("name", "args"), ID_URLS, ids=[n for n, _ in ID_URLS])
def test_each_id_out_of_range_is_404_and_at_the_limit_is_no_500(
    client, leader, project, name, args
):
    client.force_login(leader)
    kwargs = sample_kwargs(args, project)
    for arg in (a for a in args if _is_row_id(a)):
        huge = reverse(name, kwargs=kwargs | {arg: MAX_ID + 1})
        assert client.get(huge).status_code == 404
        assert client.post(huge, {}).status_code == 404
        largest = reverse(name, kwargs=kwargs | {arg: MAX_ID})
        assert client.get(largest).status_code in (200, 302, 403, 404, 405)


@pytest.fixture
def identified(project, alice):
    BenefitPlan.objects.create(project=project, first_year=2026, horizon=4)
    return IdentifiedBenefit.objects.create(project=project, title="Færre telefoner")


@pytest.mark.parametrize("value", ["abc", "1.5", "", "9" * 30, str(MAX_ID + 1), "²"])
def test_a_non_numeric_or_huge_posted_benefit_id_is_400(client, alice, project, identified, value):
    # Issue 13: a non-numeric id posted to the benefit adoption answered 500.
    client.force_login(alice)
    url = reverse("benefits:benefit-adopt", args=[project.pk])
    response = client.post(url, {"identified_id": value})
    assert response.status_code == 400 and "ingenting ble endret" in response.text
    assert not Benefit.objects.exists()


def test_a_posted_id_in_range_that_is_not_the_projects_is_404(client, alice, project, identified):
    client.force_login(alice)
    url = reverse("benefits:benefit-adopt", args=[project.pk])
    assert client.post(url, {"identified_id": str(MAX_ID)}).status_code == 404
    client.post(url, {"identified_id": str(identified.pk)})
    assert Benefit.objects.get().title == "Færre telefoner"
