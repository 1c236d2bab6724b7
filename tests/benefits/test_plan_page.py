from datetime import date

import pytest
from django.urls import reverse

from benefits.models import Benefit, BenefitPlan
from projects.models import IdentifiedBenefit

from .builders import make_benefit, make_cost, make_indicator, make_value
from .conftest import HTMX


def url(project):
    return reverse("benefits:plan", args=[project.pk])


def test_it_offers_to_create_the_plan(member_client, project):
    r = member_client.get(url(project))
    assert r.status_code == 200
    assert "Opprett gevinstplanen" in r.text


def test_it_creates_the_plan_with_identified_benefits_adopted(member_client, project):
    IdentifiedBenefit.objects.create(project=project, title="Færre ringer", kind="time_saved")
    r = member_client.post(
        reverse("benefits:plan-settings", args=[project.pk]),
        {"currency": "NOK", "first_year": 2027, "horizon": 10, "discount_rate": "4"},
    )
    assert r.status_code == 302
    plan = BenefitPlan.objects.get(project=project)
    assert [b.title for b in plan.benefits.all()] == ["Færre ringer"]
    assert plan.benefits.get().kind == "time_saved"


def test_it_refuses_a_bad_plan(member_client, project):
    r = member_client.post(
        reverse("benefits:plan-settings", args=[project.pk]),
        {"currency": "NOK", "first_year": 1900, "horizon": 99, "discount_rate": "x"},
    )
    assert r.status_code == 200
    assert not BenefitPlan.objects.exists()
    assert "ds-error-summary" in r.text


def test_viewer_sees_no_create_form(client, bob, project):
    client.force_login(bob)
    r = client.get(url(project))
    assert r.status_code == 200 and "Opprett gevinstplanen" not in r.text


def test_it_shows_numbers_norwegian_style(member_client, project, plan, alice):
    benefit = make_benefit(plan)
    make_value(benefit, 2028, basis="tasks", a=2, b=617_283.5)
    make_cost(plan, expected=1_000_000)
    r = member_client.get(url(project))
    assert r.status_code == 200
    assert "1\u00a0234\u00a0567\u00a0kr" in r.text
    assert "\u22121\u00a0000\u00a0000\u00a0kr" in r.text  # net of the first year
    assert 'data-chart="yearly-chart"' in r.text and 'id="yearly-chart"' in r.text


def test_it_returns_only_the_body_for_htmx(member_client, project, plan):
    r = member_client.get(url(project), headers=HTMX)
    assert r.status_code == 200
    assert 'id="plan-body"' in r.text and "<html" not in r.text


def test_it_shows_time_saved_without_a_use_as_not_counted(member_client, project, plan):
    benefit = make_benefit(plan, kind="time_saved", title="Spart tid")
    make_value(benefit, 2028, basis="hours", a=100, b=500)
    r = member_client.get(url(project))
    assert "Vises, telles ikke" in r.text
    assert "Telles ikke som penger" in r.text
    assert "50\u00a0000\u00a0kr" in r.text  # shown in the table of time not counted


def _fill(plan, benefits, *, by):
    for n in range(benefits):
        benefit = make_benefit(plan, title=f"Gevinst {n}", owner=by)
        for year in plan.years:
            make_value(benefit, year, basis="tasks", a=10 + n, b=100)
        make_indicator(benefit, by=by)


@pytest.mark.parametrize("horizon", [3, 10])
def test_page_queries_do_not_grow_with_benefits_or_years(
    member_client, project, alice, horizon, django_assert_max_num_queries
):
    from .builders import make_plan

    plan = make_plan(project, horizon=horizon)
    _fill(plan, 2, by=alice)
    with django_assert_max_num_queries(20) as few:
        member_client.get(url(project))
    _fill(plan, 8, by=alice)
    with django_assert_max_num_queries(len(few.captured_queries)):
        r = member_client.get(url(project))
    assert r.text.count('class="ds-card benefit-card"') == 10


def test_it_lists_identified_benefits_not_yet_adopted_and_adopts_them(member_client, project, plan):
    identified = IdentifiedBenefit.objects.create(project=project, title="Bedre kvalitet")
    r = member_client.get(url(project))
    assert "Bedre kvalitet" in r.text and "Legg til i planen" in r.text
    r = member_client.post(
        reverse("benefits:benefit-adopt", args=[project.pk]),
        {"identified_id": identified.pk},
        headers=HTMX,
    )
    assert r.status_code == 200 and r["HX-Retarget"] == "#plan-body"
    assert plan.benefits.get().source == identified
    # Adopting twice makes no copy.
    member_client.post(
        reverse("benefits:benefit-adopt", args=[project.pk]), {"identified_id": identified.pk}
    )
    assert plan.benefits.count() == 1


def test_it_refuses_to_adopt_another_projects_benefit(member_client, project, plan):
    from tests.factories import make_project

    other = make_project()
    identified = IdentifiedBenefit.objects.create(project=other, title="Fremmed")
    benefits = list(plan.benefits.values())
    r = member_client.post(
        reverse("benefits:benefit-adopt", args=[project.pk]), {"identified_id": identified.pk}
    )
    assert r.status_code == 404
    assert list(plan.benefits.values()) == benefits
    assert not Benefit.objects.filter(source=identified).exists()


def test_it_shows_the_overdue_state_of_indicators(member_client, project, plan, alice):
    benefit = make_benefit(plan)
    make_indicator(benefit, by=alice, baseline_date=date(2024, 1, 1))
    r = member_client.get(url(project))
    assert "Forfalt" in r.text
