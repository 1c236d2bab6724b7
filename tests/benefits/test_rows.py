"""Rows and numbers of the plan page built in Python rather than as template nodes."""

from types import SimpleNamespace

import pytest

from benefits import pages
from benefits.selectors import load_plan, result_of
from benefits.templatetags.benefit_tags import num_cells, problem_items

from .builders import make_benefit, make_cost, make_value


def test_num_cells_escape_each_number():
    assert num_cells(["1 000 kr", "<b>"]) == (
        '<td class="num">1 000 kr</td><td class="num">&lt;b&gt;</td>'
    )
    assert num_cells([]) == ""


def test_problem_items_link_each_indicator_to_its_card():
    indicator = SimpleNamespace(pk=7, name="Ventetid <dager>")
    assert problem_items([(indicator, "Spesifikk – Mangler & mer")]) == (
        '<li><a class="ds-link" href="#indicator-7">Ventetid &lt;dager&gt;</a>'
        ": Spesifikk – Mangler &amp; mer</li>"
    )


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
def test_plan_numbers_are_those_of_the_figures_and_follow_a_change(plan):
    benefit = make_benefit(plan)
    value = make_value(benefit, plan.first_year, a=100_000)
    figures = load_plan(plan).figures()
    numbers = pages.plan_numbers(figures)
    assert numbers == pages.numbers_context(result_of(figures), rate=float(plan.discount_rate))
    assert pages.plan_numbers(load_plan(plan).figures()) is numbers  # kept
    value.a = 250_000
    value.save()
    changed = pages.plan_numbers(load_plan(plan).figures())
    assert changed["summary"] != numbers["summary"]
