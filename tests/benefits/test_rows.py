"""Rows and numbers of the plan page, and what names its cached parts."""

import pytest
from django.urls import reverse

from benefits import pages
from benefits.selectors import load_plan, result_of

from .builders import make_benefit, make_cost, make_indicator, make_value


@pytest.mark.django_db
def test_cost_rows_name_the_kind_and_link_the_edit_form(plan):
    cost = make_cost(plan, kind="running", low=None, high=400_000)
    [(row_cost, kind, expected, low, high, url)] = pages.cost_rows(
        [cost], url=lambda pk: f"/costs/{pk}/"
    )
    assert (row_cost, kind, low, url) == (
        cost,
        str(cost.get_kind_display()),
        "",
        f"/costs/{cost.pk}/",
    )
    assert (expected, high) == ("300\u00a0000\u00a0kr", "400\u00a0000\u00a0kr")


@pytest.mark.django_db
def test_plan_numbers_are_those_of_the_figures_and_named_by_the_revision(project, plan):
    benefit = make_benefit(plan)
    value = make_value(benefit, plan.first_year, a=100_000)
    project.refresh_from_db()
    numbers = pages.plan_numbers(project, load_plan(plan).figures)
    figures = load_plan(plan).figures()
    expected = pages.numbers_context(result_of(figures), rate=figures["plan"]["discount_rate"])
    assert numbers["numbers"]["summary"] == expected["summary"]
    value.a = 250_000
    value.save()  # a recorded change: a new revision
    project.refresh_from_db()
    changed = pages.plan_numbers(project, load_plan(plan).figures)
    assert changed["numbers_key"] != numbers["numbers_key"]
    assert changed["numbers"]["summary"] != numbers["numbers"]["summary"]


@pytest.mark.django_db
def test_a_cached_card_follows_a_change_of_what_it_shows(member_client, project, plan, alice):
    benefit = make_benefit(plan, owner=alice)
    make_indicator(benefit, by=alice)
    url = reverse("benefits:plan", args=[project.pk])
    assert "Alice Aas" in member_client.get(url).text
    alice.first_name = "Alida"
    alice.save()  # a name is no row of the plan, yet the card names her
    page = member_client.get(url).text
    assert "Alida Aas" in page and "Alice Aas" not in page
    make_value(benefit, plan.first_year, a=123_456)
    assert "123\u00a0456\u00a0kr" in member_client.get(url).text


@pytest.mark.django_db
def test_the_plan_links_each_failing_indicator_with_its_name_escaped(member_client, project, plan):
    benefit = make_benefit(plan)
    indicator = make_indicator(benefit, complete=False, name="Ventetid <dager>")
    page = member_client.get(reverse("benefits:plan", args=[project.pk])).text
    assert (
        f'<a class="ds-link" href="#indicator-{indicator.pk}">Ventetid &lt;dager&gt;</a>:' in page
    )
    assert "<dager>" not in page


@pytest.mark.django_db
def test_the_value_rows_link_each_year_to_its_form(member_client, project, plan):
    benefit = make_benefit(plan)
    make_value(benefit, plan.first_year, a=100_000, a_low=90_000)
    page = member_client.get(reverse("benefits:plan", args=[project.pk])).text
    url = reverse("benefits:value-edit", args=[project.pk, benefit.pk, plan.first_year + 1])
    assert f'href="{url}" hx-get="{url}" hx-target="#benefit-{benefit.pk}-editor">+' in page
    assert '<td class="num">90\u00a0000\u00a0kr</td>' in page
