"""The plan grid: a benefit's values for all years in one form, the same value
over several years, a cost over several years, and factors named by the basis."""

from decimal import Decimal

import pytest
from django.urls import reverse

from benefits.models import BenefitPlan, BenefitValue, Cost

from .builders import make_benefit, make_value
from .conftest import HTMX


@pytest.fixture(autouse=True)
def english(member_client):
    member_client.cookies["django_language"] = "en"


@pytest.fixture
def benefit(plan):
    return make_benefit(plan)


def grid_url(project, benefit):
    return reverse("benefits:values-grid", args=[project.pk, benefit.pk])


def row(year, basis="direct", a="", b="", version="", **estimates):
    data = {f"y{year}-basis": basis, f"y{year}-a": a, f"y{year}-b": b}
    data[f"y{year}-version"] = version
    data.update({f"y{year}-{k}": v for k, v in estimates.items()})
    return data


def test_the_grid_saves_every_year_of_a_benefit_in_one_post(member_client, project, benefit):
    old = make_value(benefit, 2031, a=7)
    page = member_client.get(grid_url(project, benefit))
    assert page.status_code == 200 and 'name="y2029-a"' in page.text
    data = {
        **row(2027, "tasks", "1 000", "250", a_low="800", a_high="1 200"),
        **row(2028, "hours", "500", "550,5"),
        **row(2029, a="40 000"),
        **row(2030),
        **row(2031, version=old.version),  # emptied: cleared
    }
    r = member_client.post(grid_url(project, benefit), data)
    assert r.status_code == 302, r.text
    values = {v.year: v for v in BenefitValue.objects.filter(benefit=benefit)}
    assert sorted(values) == [2027, 2028, 2029]
    assert (values[2027].basis, values[2027].a, values[2027].b) == ("tasks", 1000, 250)
    assert values[2027].a_low == 800 and values[2027].a_high == 1200
    assert values[2028].b == Decimal("550.5") and values[2029].a == 40000


def test_the_grid_fills_the_same_value_from_year_x_to_y(member_client, project, benefit):
    data = {
        **row(2027, a="5"),
        **row(2028, "hours", "100", "600", a_low="80"),
        **{f"y{y}-basis": "direct" for y in (2029, 2030, 2031)},
        "fill-fill_from": "2028",
        "fill-fill_to": "2030",
    }
    r = member_client.post(grid_url(project, benefit), data, headers=HTMX)
    assert r.status_code == 200 and 'id="plan-body"' in r.text
    values = {v.year: v for v in BenefitValue.objects.filter(benefit=benefit)}
    assert sorted(values) == [2027, 2028, 2029, 2030]
    for year in (2028, 2029, 2030):
        assert (values[year].basis, values[year].a, values[year].b) == ("hours", 100, 600)
        assert values[year].a_low == 80


def test_the_fill_needs_a_value_and_years_in_order(member_client, project, benefit):
    url = grid_url(project, benefit)
    r = member_client.post(
        url, {**row(2027, a="5"), "fill-fill_from": "2029", "fill-fill_to": "2031"}
    )
    assert r.status_code == 200 and "Give a value in the first year to fill from." in r.text
    r = member_client.post(
        url, {**row(2027, a="5"), "fill-fill_from": "2029", "fill-fill_to": "2028"}
    )
    assert "The last year to fill must come after the first." in r.text
    assert not BenefitValue.objects.filter(benefit=benefit).exists()


def test_the_grid_uses_the_single_value_forms_checks(member_client, project, benefit):
    data = {**row(2027, a="100"), **row(2028, "tasks", "10")}
    r = member_client.post(grid_url(project, benefit), data)
    assert r.status_code == 200
    assert "This basis needs a second factor." in r.text
    assert 'value="100"' in r.text  # nothing typed is lost
    assert not BenefitValue.objects.filter(benefit=benefit).exists()


def test_a_stale_grid_is_refused_and_keeps_the_typed_values(member_client, project, benefit):
    value = make_value(benefit, 2028, a=5)
    BenefitValue.objects.filter(pk=value.pk).update(version=2, a=6)
    data = {**row(2027, a="111"), **row(2028, a="222", version=1)}
    r = member_client.post(grid_url(project, benefit), data, headers=HTMX)
    assert r.status_code == 409
    assert 'value="111"' in r.text and 'value="222"' in r.text
    assert 'value="2" id="id_y2028-version"' in r.text
    assert set(BenefitValue.objects.values_list("year", "a")) == {(2028, 6)}
    # Saving again, knowingly, replaces the value saved meanwhile.
    data["y2028-version"] = "2"
    assert member_client.post(grid_url(project, benefit), data).status_code == 302
    assert set(BenefitValue.objects.values_list("year", "a")) == {(2027, 111), (2028, 222)}


def test_a_submitted_plan_refuses_the_grid(member_client, project, plan, benefit):
    BenefitPlan.objects.filter(pk=plan.pk).update(status=BenefitPlan.Status.SUBMITTED)
    r = member_client.post(grid_url(project, benefit), row(2027, a="5"))
    assert r.status_code == 409 and 'value="5"' in r.text
    assert not BenefitValue.objects.exists()


def test_a_cost_line_spans_years(member_client, project, plan):
    url = reverse("benefits:cost-add", args=[project.pk])
    data = {
        "title": "Lisens",
        "year": 2028,
        "until": 2030,
        "kind": "running",
        "expected": "120 000",
    }
    assert member_client.post(url, data).status_code == 302
    costs = Cost.objects.filter(plan=plan, title="Lisens")
    assert sorted(costs.values_list("year", "expected")) == [
        (y, 120000) for y in (2028, 2029, 2030)
    ]
    r = member_client.post(url, {**data, "title": "Feil", "until": 2027})
    assert "The last year cannot come before the first." in r.text
    assert not Cost.objects.filter(title="Feil").exists()


def test_the_factors_are_named_by_the_basis(member_client, project, benefit):
    make_value(benefit, 2027, basis="tasks", a=10, b=20)
    make_value(benefit, 2028, basis="hours", a=10, b=20)
    make_value(benefit, 2029, basis="price", a=10, b=2)
    make_value(benefit, 2030, basis="consumption", a=10, b=20)
    text = member_client.get(grid_url(project, benefit)).text
    for name in (
        "Tasks per year",
        "Cost per task",
        "Hours saved",
        "Hourly cost",
        "Old price",
        "New price",
        "Consumption in kroner",
        "Expected reduction (%)",
        "Amount",
    ):
        assert name in text, name
    assert "First factor" not in text
    assert "data-factor-labels=" in text and "Cost per task" in text.split("data-factor-labels=")[1]


def test_the_example_plan_takes_at_most_8_submissions(member_client, project, plan):
    """4 benefits over 4 years and 2 cost lines (one-off, and running for 4 years)."""
    plan.horizon = 4
    plan.save()
    benefits = [make_benefit(plan, title=f"Gevinst {n}") for n in range(4)]
    posts = []

    def post(url, data):
        posts.append(url)
        assert member_client.post(url, data).status_code == 302

    for n, benefit in enumerate(benefits):
        post(
            grid_url(project, benefit),
            {
                **row(2027, "hours", str(1000 + n), "600"),
                **{f"y{y}-basis": "direct" for y in (2028, 2029, 2030)},
                "fill-fill_from": "2027",
                "fill-fill_to": "2030",
            },
        )
    cost_url = reverse("benefits:cost-add", args=[project.pk])
    post(cost_url, {"title": "Innføring", "year": 2027, "kind": "one_off", "expected": "300 000"})
    post(
        cost_url,
        {"title": "Drift", "year": 2027, "until": 2030, "kind": "running", "expected": "50 000"},
    )
    assert len(posts) <= 8
    assert BenefitValue.objects.filter(benefit__plan=plan).count() == 16
    assert Cost.objects.filter(plan=plan).count() == 5
