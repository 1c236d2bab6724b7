"""Deleting a benefit, a cost or an indicator and clearing a value: each its
own address, posted from the edit form with only the version."""

import re

import pytest
from django.urls import reverse

from benefits.models import Benefit, BenefitValue, Cost, Indicator

from .builders import make_benefit, make_cost, make_indicator, make_value
from .conftest import HTMX


@pytest.fixture
def benefit(plan):
    return make_benefit(plan)


def test_it_offers_delete_on_the_form_of_an_existing_benefit_only(member_client, project, benefit):
    delete = reverse("benefits:benefit-delete", args=[project.pk, benefit.pk])
    r = member_client.get(reverse("benefits:benefit-edit", args=[project.pk, benefit.pk]))
    assert f'formaction="{delete}" hx-post="{delete}"' in r.text
    r = member_client.get(reverse("benefits:benefit-add", args=[project.pk]))
    assert "/delete/" not in r.text


def test_it_offers_to_clear_a_value_that_is_given(member_client, project, benefit):
    make_value(benefit, 2028)
    clear = reverse("benefits:value-clear", args=[project.pk, benefit.pk, 2028])
    r = member_client.get(reverse("benefits:value-edit", args=[project.pk, benefit.pk, 2028]))
    assert f'formaction="{clear}"' in r.text
    r = member_client.get(reverse("benefits:value-edit", args=[project.pk, benefit.pk, 2029]))
    assert "/clear/" not in r.text


def test_it_shows_the_current_cost_when_the_delete_is_stale(member_client, project, plan):
    cost = make_cost(plan, title="Lisens")
    Cost.objects.filter(pk=cost.pk).update(title="Lisens og drift", version=2)
    url = reverse("benefits:cost-delete", args=[project.pk, cost.pk])
    r = member_client.post(url, {"version": 1}, headers=HTMX)
    assert r.status_code == 409
    assert 'value="Lisens og drift"' in r.text
    assert 'name="version" class="ds-input" value="2"' in r.text
    assert Cost.objects.filter(pk=cost.pk).exists()


def test_it_deletes_a_cost_without_an_htmx_request(member_client, project, plan):
    cost = make_cost(plan)
    r = member_client.post(reverse("benefits:cost-delete", args=[project.pk, cost.pk]))
    assert r.status_code == 302 and r["Location"].endswith("#costs")
    assert not Cost.objects.exists()
    page = member_client.get(r["Location"])
    assert "Kostnaden ble slettet." in page.text


def test_it_refuses_a_version_that_is_not_a_number(member_client, project, benefit):
    url = reverse("benefits:benefit-delete", args=[project.pk, benefit.pk])
    assert member_client.post(url, {"version": "to"}).status_code == 400
    assert Benefit.objects.filter(pk=benefit.pk).exists()


def test_it_deletes_only_by_post(member_client, project, benefit):
    indicator = make_indicator(benefit, complete=False)
    url = reverse("benefits:indicator-delete", args=[project.pk, indicator.pk])
    assert member_client.get(url).status_code == 405
    assert Indicator.objects.filter(pk=indicator.pk).exists()


def test_it_keeps_a_value_changed_since_the_form_was_opened(member_client, project, benefit):
    value = make_value(benefit, 2028, a=5)
    BenefitValue.objects.filter(pk=value.pk).update(a=7, version=2)
    url = reverse("benefits:value-clear", args=[project.pk, benefit.pk, 2028])
    r = member_client.post(url, {"version": 1}, headers=HTMX)
    assert r.status_code == 409 and re.search(r'name="a"[^>]* value="7', r.text)
    assert BenefitValue.objects.get(pk=value.pk).a == 7


def test_a_viewer_cannot_delete(client, bob, project, benefit):
    client.force_login(bob)
    url = reverse("benefits:benefit-delete", args=[project.pk, benefit.pk])
    assert client.post(url, {"version": 1}).status_code == 403
    assert Benefit.objects.filter(pk=benefit.pk).exists()
