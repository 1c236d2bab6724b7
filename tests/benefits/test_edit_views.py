"""The plan's forms: benefits, yearly values, costs, indicators and their
confirmations. Each: page and htmx, bad input, stale version, locked plan."""

from decimal import Decimal

import pytest
from django.urls import reverse

from benefits.models import Benefit, BenefitValue, Cost, Indicator, PlanEvent

from .builders import make_benefit, make_indicator, make_value
from .conftest import HTMX


@pytest.fixture
def benefit(plan):
    return make_benefit(plan)


def test_it_adds_a_benefit(member_client, project, plan, alice):
    url = reverse("benefits:benefit-add", args=[project.pk])
    assert member_client.get(url).status_code == 200
    r = member_client.post(
        url,
        {
            "title": "Færre avlyste besøk",
            "kind": "costs_avoided",
            "gainer": "citizens",
            "owner": alice.pk,
        },
    )
    assert r.status_code == 302 and r["Location"].endswith("#benefit-new")
    benefit = plan.benefits.get()
    assert benefit.owner == alice and benefit.gainer == "citizens"


def test_it_links_a_benefit_to_the_projects_measures(member_client, project, plan, benefit):
    from projects.models import Measure

    measure = Measure.objects.create(project=project, title="SMS-varsel")
    r = member_client.post(
        reverse("benefits:benefit-edit", args=[project.pk, benefit.pk]),
        {
            "title": benefit.title,
            "kind": "other",
            "gainer": "own_unit",
            "measures": [measure.pk],
            "version": 1,
        },
        headers=HTMX,
    )
    assert r.status_code == 200 and 'id="plan-body"' in r.text
    assert list(benefit.measures.all()) == [measure]
    assert "SMS-varsel" in r.text


def test_it_shows_the_form_in_place_for_htmx(member_client, project, benefit):
    r = member_client.get(
        reverse("benefits:benefit-edit", args=[project.pk, benefit.pk]), headers=HTMX
    )
    assert r.status_code == 200 and "<html" not in r.text and "data-focus" in r.text


def test_it_refuses_a_benefit_without_a_title(member_client, project, plan):
    r = member_client.post(
        reverse("benefits:benefit-add", args=[project.pk]),
        {"title": " ", "kind": "other", "gainer": "own_unit"},
        headers=HTMX,
    )
    assert r.status_code == 200 and "ds-error-summary" in r.text
    assert not Benefit.objects.exists()


def test_it_needs_a_unit_for_quality(member_client, project, plan):
    r = member_client.post(
        reverse("benefits:benefit-add", args=[project.pk]),
        {"title": "Kvalitet", "kind": "quality", "gainer": "own_unit"},
    )
    assert r.status_code == 200
    assert not Benefit.objects.exists()


def test_it_refuses_a_stale_benefit_edit_with_409(member_client, project, benefit):
    Benefit.objects.filter(pk=benefit.pk).update(version=2, title="Endret av en annen")
    r = member_client.post(
        reverse("benefits:benefit-edit", args=[project.pk, benefit.pk]),
        {"title": "Min tittel", "kind": "other", "gainer": "own_unit", "version": 1},
        headers=HTMX,
    )
    assert r.status_code == 409
    assert "Endret av en annen" in r.text
    benefit.refresh_from_db()
    assert benefit.title == "Endret av en annen"


def test_it_sets_a_yearly_value_with_its_basis(member_client, project, plan, benefit):
    url = reverse("benefits:value-edit", args=[project.pk, benefit.pk, 2028])
    r = member_client.post(
        url,
        {"basis": "hours", "a": "1 000", "b": "550,5", "a_low": "800", "a_high": "1200"},
        headers=HTMX,
    )
    assert r.status_code == 200, r.text
    value = BenefitValue.objects.get(benefit=benefit, year=2028)
    assert value.a == 1000 and value.b == Decimal("550.5") and value.a_low == 800
    assert "550\u00a0500\u00a0kr" in r.text


def test_it_refuses_a_value_whose_low_is_above_expected(member_client, project, benefit):
    url = reverse("benefits:value-edit", args=[project.pk, benefit.pk, 2028])
    r = member_client.post(url, {"basis": "tasks", "a": "100", "b": "10", "a_low": "200"})
    assert r.status_code == 200 and "ds-error-summary" in r.text
    assert not BenefitValue.objects.exists()


def test_it_needs_a_second_factor_for_a_product(member_client, project, benefit):
    url = reverse("benefits:value-edit", args=[project.pk, benefit.pk, 2028])
    r = member_client.post(url, {"basis": "tasks", "a": "100"})
    assert r.status_code == 200
    assert not BenefitValue.objects.exists()


def test_it_clears_a_value(member_client, project, benefit):
    value = make_value(benefit, 2028)
    url = reverse("benefits:value-clear", args=[project.pk, benefit.pk, 2028])
    r = member_client.post(url, {"version": value.version})
    assert r.status_code == 302
    assert not BenefitValue.objects.exists()


def test_it_refuses_a_year_outside_the_plan(member_client, project, benefit):
    url = reverse("benefits:value-edit", args=[project.pk, benefit.pk, 2040])
    assert member_client.get(url).status_code == 404


def test_it_refuses_a_stale_value(member_client, project, benefit):
    value = make_value(benefit, 2028, a=5)
    BenefitValue.objects.filter(pk=value.pk).update(version=3)
    url = reverse("benefits:value-edit", args=[project.pk, benefit.pk, 2028])
    r = member_client.post(url, {"basis": "direct", "a": "9", "version": 1}, headers=HTMX)
    assert r.status_code == 409
    value.refresh_from_db()
    assert value.a == 5


def test_it_adds_edits_and_deletes_a_cost(member_client, project, plan):
    r = member_client.post(
        reverse("benefits:cost-add", args=[project.pk]),
        {
            "title": "Lisens",
            "year": 2028,
            "kind": "running",
            "expected": "120 000",
            "low": "100 000",
            "high": "150 000",
        },
    )
    assert r.status_code == 302
    cost = Cost.objects.get()
    assert cost.expected == 120_000 and cost.high == 150_000
    url = reverse("benefits:cost-edit", args=[project.pk, cost.pk])
    r = member_client.post(
        url,
        {"title": "Lisens", "year": 2028, "kind": "running", "expected": "130000", "version": 1},
        headers=HTMX,
    )
    assert r.status_code == 200
    cost.refresh_from_db()
    assert cost.expected == 130_000 and cost.high is None
    url = reverse("benefits:cost-delete", args=[project.pk, cost.pk])
    r = member_client.post(url, {"version": 2}, headers=HTMX)
    assert r.status_code == 200 and not Cost.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"title": "X", "year": 2028, "kind": "one_off", "expected": "-5"},
        {"title": "X", "year": 2040, "kind": "one_off", "expected": "5"},
        {"title": "X", "year": 2028, "kind": "one_off", "expected": "5", "low": "9"},
        {"title": "X", "year": 2028, "kind": "one_off", "expected": "fem"},
    ],
)
def test_it_refuses_bad_costs(member_client, project, plan, data):
    r = member_client.post(reverse("benefits:cost-add", args=[project.pk]), data)
    assert r.status_code == 200 and "ds-error-summary" in r.text
    assert not Cost.objects.exists()


def test_it_adds_an_indicator(member_client, project, benefit, alice):
    r = member_client.post(
        reverse("benefits:indicator-add", args=[project.pk, benefit.pk]),
        {
            "name": "Antall telefoner per uke",
            "unit": "telefoner",
            "baseline_value": "420",
            "baseline_date": "2026-02-01",
            "target_value": "200",
            "target_date": "2027-12-31",
            "method": "Telling i sentralbordet",
            "frequency": "monthly",
            "responsible": alice.pk,
            "data_source": "Telefonisystemet",
        },
        headers=HTMX,
    )
    assert r.status_code == 200
    indicator = Indicator.objects.get()
    assert indicator.responsible == alice and indicator.baseline_value == 420


def test_it_edits_an_indicator_and_refuses_stale(member_client, project, benefit):
    indicator = make_indicator(benefit, complete=False)
    url = reverse("benefits:indicator-edit", args=[project.pk, indicator.pk])
    assert member_client.get(url, headers=HTMX).status_code == 200
    r = member_client.post(url, {"name": "Nytt navn", "version": 1})
    assert r.status_code == 302
    r = member_client.post(url, {"name": "Gammelt skjema", "version": 1})
    assert r.status_code == 409
    indicator.refresh_from_db()
    assert indicator.name == "Nytt navn"


def test_it_refuses_an_indicator_without_a_name(member_client, project, benefit):
    r = member_client.post(
        reverse("benefits:indicator-add", args=[project.pk, benefit.pk]), {"name": ""}
    )
    assert r.status_code == 200 and not Indicator.objects.exists()


def test_a_member_confirms_a_criterion_with_a_justification(member_client, project, benefit, alice):
    indicator = make_indicator(benefit, complete=False)
    url = reverse("benefits:indicator-confirm", args=[project.pk, indicator.pk])
    r = member_client.get(url + "?criterion=accepted", headers=HTMX)
    assert r.status_code == 200
    r = member_client.post(
        url,
        {"criterion": "accepted", "reason": "Forankret i ledergruppen 3. mars", "version": 1},
        headers=HTMX,
    )
    assert r.status_code == 200
    indicator.refresh_from_db()
    assert indicator.accepted_by == alice and indicator.accepted_reason.startswith("Forankret")


@pytest.mark.parametrize(
    "data",
    [
        {"criterion": "accepted", "reason": "ok"},
        {"criterion": "measurable", "reason": "Dette er ikke et kriterium som bekreftes"},
    ],
)
def test_it_refuses_a_bad_confirmation(member_client, project, benefit, data):
    indicator = make_indicator(benefit, complete=False)
    r = member_client.post(
        reverse("benefits:indicator-confirm", args=[project.pk, indicator.pk]), data
    )
    assert r.status_code == 200
    indicator.refresh_from_db()
    assert indicator.accepted_by is None


def test_it_changes_plan_settings(member_client, project, plan):
    url = reverse("benefits:plan-settings", args=[project.pk])
    assert member_client.get(url, headers=HTMX).status_code == 200
    r = member_client.post(
        url,
        {"currency": "SEK", "first_year": 2027, "horizon": 8, "discount_rate": "3", "version": 1},
        headers=HTMX,
    )
    assert r.status_code == 200
    plan.refresh_from_db()
    assert (plan.currency, plan.horizon, plan.discount_rate) == ("SEK", 8, 3)


@pytest.mark.parametrize(
    ("name", "kwargs", "data"),
    [
        ("benefits:benefit-add", {}, {"title": "Ny", "kind": "other", "gainer": "own_unit"}),
        ("benefits:cost-add", {}, {"title": "X", "year": 2028, "kind": "one_off", "expected": "5"}),
        (
            "benefits:plan-settings",
            {},
            {"currency": "NOK", "first_year": 2027, "horizon": 5, "discount_rate": "4"},
        ),
    ],
)
def test_nothing_changes_while_the_plan_is_submitted(
    member_client, project, plan, name, kwargs, data
):
    plan.status = "submitted"
    plan.save()
    r = member_client.post(reverse(name, args=[project.pk]), data, headers=HTMX)
    assert r.status_code == 409
    assert "låst" in r.text or "sendt" in r.text
    assert not Benefit.objects.exists() and not Cost.objects.exists()
    plan.refresh_from_db()
    assert plan.version == 1


def test_changing_an_approved_plan_is_refused_until_a_revision_starts(
    member_client, project, plan, alice
):
    plan.status = "approved"
    plan.save()
    r = member_client.post(
        reverse("benefits:cost-add", args=[project.pk]),
        {"title": "X", "year": 2028, "kind": "one_off", "expected": "5"},
    )
    assert r.status_code == 409
    assert "Planen er godkjent. Start en revisjon for å endre den." in r.text
    plan.refresh_from_db()
    assert plan.status == "approved" and plan.edition == 1
    assert not Cost.objects.exists() and not PlanEvent.objects.exists()


def test_viewer_cannot_open_forms(client, bob, project, benefit):
    client.force_login(bob)
    assert (
        client.get(reverse("benefits:benefit-edit", args=[project.pk, benefit.pk])).status_code
        == 403
    )
    assert client.get(reverse("benefits:cost-add", args=[project.pk])).status_code == 403


def test_a_benefit_of_another_project_is_not_found(member_client, project, alice):
    from tests.factories import make_project

    from .builders import make_plan

    other = make_benefit(make_plan(make_project()))
    r = member_client.get(reverse("benefits:benefit-edit", args=[project.pk, other.pk]))
    assert r.status_code == 404


def test_it_deletes_a_benefit_with_its_values_and_indicators(member_client, project, benefit):
    make_value(benefit, 2028)
    make_indicator(benefit, complete=False)
    url = reverse("benefits:benefit-delete", args=[project.pk, benefit.pk])
    r = member_client.post(url, {"version": 1}, headers=HTMX)
    assert r.status_code == 200 and 'id="plan-body"' in r.text
    assert not Benefit.objects.exists() and not Indicator.objects.exists()


def test_it_keeps_a_benefit_that_has_measurements(member_client, project, benefit):
    from benefits.models import Measurement

    indicator = make_indicator(benefit, complete=False)
    Measurement.objects.create(indicator=indicator, value=1, date="2026-01-01")
    url = reverse("benefits:benefit-delete", args=[project.pk, benefit.pk])
    r = member_client.post(url, {"version": 1}, headers=HTMX)
    assert r.status_code == 409 and "har målinger" in r.text
    assert Benefit.objects.exists()
    url = reverse("benefits:indicator-delete", args=[project.pk, indicator.pk])
    r = member_client.post(url, {"version": 1}, headers=HTMX)
    assert r.status_code == 409 and Indicator.objects.exists()


def test_it_deletes_an_indicator_and_refuses_a_stale_delete(member_client, project, benefit):
    indicator = make_indicator(benefit, complete=False)
    url = reverse("benefits:indicator-delete", args=[project.pk, indicator.pk])
    assert member_client.post(url, {"version": 0}).status_code == 409
    assert member_client.post(url, {"version": 1}).status_code == 302
    assert not Indicator.objects.exists()


def test_it_refuses_settings_that_leave_values_outside_the_plan(member_client, project, benefit):
    make_value(benefit, 2031)
    r = member_client.post(
        reverse("benefits:plan-settings", args=[project.pk]),
        {"currency": "NOK", "first_year": 2027, "horizon": 3, "discount_rate": "4", "version": 1},
    )
    assert r.status_code == 200 and "2031" in r.text
    benefit.plan.refresh_from_db()
    assert benefit.plan.horizon == 5


def test_the_answer_shows_the_plan_as_it_is_after_the_change(member_client, project, plan, alice):
    make_indicator(make_benefit(plan, owner=alice), by=alice)
    plan.status = "approved"
    plan.save()
    r = member_client.post(
        reverse("benefits:plan-revise", args=[project.pk]),
        {"reason": "Ny kostnad fra leverandøren", "version": 1},
        headers=HTMX,
    )
    assert "Utkast" in r.text and "Versjon 2" in r.text  # a new draft, shown at once
    assert 'name="version" value="2"' in r.text


def test_a_new_target_must_be_confirmed_again(member_client, project, benefit, alice):
    indicator = make_indicator(benefit, by=alice)
    url = reverse("benefits:indicator-edit", args=[project.pk, indicator.pk])
    data = {
        "name": indicator.name,
        "unit": "%",
        "baseline_value": "70",
        "baseline_date": "2026-01-01",
        "target_value": "90",
        "target_date": "2028-12-31",
        "method": indicator.method,
        "frequency": "quarterly",
        "responsible": alice.pk,
        "version": 1,
    }
    assert member_client.post(url, data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.realistic_by == alice  # the same target: still confirmed
    r = member_client.post(url, {**data, "target_value": "99", "version": 2})
    assert r.status_code == 302, r.text[-3000:]
    indicator.refresh_from_db()
    # All three confirmations go; the justifications stay to be confirmed again.
    assert indicator.realistic_by is None and indicator.realistic_reason
    assert indicator.specific_by is None and indicator.specific_reason
    assert indicator.accepted_by is None and indicator.changed_by == alice
