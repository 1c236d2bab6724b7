"""The approved plan is the plan of record: a revision is started on purpose,
the portfolio and decks keep the approved figures meanwhile, and a discarded
revision returns the plan exactly as approved."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from benefits import calculations, review, services
from benefits.models import Benefit, BenefitPlan, Cost, Indicator, Measurement, PlanEvent
from benefits.selectors import load_plan, plan_of_record, result_of
from portal.decks import deck_data
from portal.selectors import benefit_frames
from projects.models import Measure, Project
from projects.selectors import project_for_user

from .builders import make_benefit, make_cost, make_indicator, make_value


def actor(user, plan):
    return project_for_user(user, plan.project_id).actor


@pytest.fixture
def approved(plan, alice, sara, project):
    measure = Measure.objects.create(project=project, title="Varsel på SMS")
    benefit = make_benefit(plan, owner=alice)
    benefit.measures.add(measure)
    make_value(benefit, 2028, a=250_000)
    make_cost(plan, expected=Decimal(100_000))
    make_indicator(benefit, by=sara, changed_by=alice, specific_at=timezone.now())
    review.plan_submit(plan=plan, actor=actor(alice, plan), version=None)
    review.plan_approve(plan=plan, actor=actor(sara, plan), version=None, comment="Godkjent")
    plan.refresh_from_db()
    return plan


def revise(plan, user):
    review.plan_revise(plan=plan, actor=actor(user, plan), version=None, reason="Nye tall")
    plan.refresh_from_db()


def test_editing_the_approved_plan_asks_for_a_revision_and_changes_nothing(
    member_client, project, approved
):
    benefit = approved.benefits.get()
    r = member_client.post(
        reverse("benefits:value-edit", args=[project.pk, benefit.pk, 2028]),
        {"basis": "direct", "a": "999 999", "version": 1},
    )
    assert r.status_code == 409
    assert "Planen er godkjent. Start en revisjon for å endre den." in r.text
    approved.refresh_from_db()
    assert (approved.status, approved.edition) == ("approved", 1)
    assert benefit.values.get().a == 250_000
    page = member_client.get(reverse("benefits:plan", args=[project.pk]))
    assert "Start en revisjon" in page.text and "Hvorfor planen revideres" in page.text


def test_a_revision_needs_a_reason(member_client, project, approved):
    r = member_client.post(
        reverse("benefits:plan-revise", args=[project.pk]), {"reason": " ", "version": 3}
    )
    assert r.status_code == 302
    approved.refresh_from_db()
    assert approved.status == "approved"
    assert not PlanEvent.objects.filter(action="reopened").exists()


def test_portfolio_and_deck_keep_the_approved_figures_while_a_revision_is_in_progress(
    client, leader, alice, project, approved
):
    approved_npv = result_of(load_plan(approved).records()).scenarios["expected"].npv
    revise(approved, alice)
    benefit = approved.benefits.get()
    services.value_save(
        plan=approved,
        benefit=benefit,
        year=2028,
        data={"basis": "direct", "a": 999_999},
        version=None,
        by=alice,
    )
    services.cost_save(
        plan=approved,
        cost=None,
        by=alice,
        version=None,
        data={"title": "Mer", "year": 2027, "kind": "one_off", "expected": 5},
    )
    shown = plan_of_record(approved)
    assert shown.revising
    assert result_of(shown.records).scenarios["expected"].npv == pytest.approx(approved_npv)

    frames = benefit_frames(Project.objects.filter(pk=project.pk))
    assert frames["values"]["amount"].tolist() == [250_000]
    assert frames["costs"]["amount"].tolist() == [100_000]
    assert frames["plans"]["revising"].tolist() == [True]

    lines = deck_data(project).sections["benefit_plan"]
    assert calculations.format_amount(approved_npv) in lines[0]
    assert any(line.endswith("; en revisjon pågår") for line in lines)

    client.force_login(leader)
    page = client.get(reverse("portfolio"))
    assert "revisjon pågår" in page.text

    # Once the revision is approved, its figures are the plan of record.
    review.plan_submit(plan=approved, actor=actor(alice, approved), version=None)
    assert plan_of_record(approved).revising  # submitted, not yet approved
    sara = approved.project.memberships.get(role="solution_owner").user
    review.plan_approve(plan=approved, actor=actor(sara, approved), version=None)
    assert not plan_of_record(approved).revising
    frames = benefit_frames(Project.objects.filter(pk=project.pk))
    assert frames["values"]["amount"].tolist() == [999_999]
    assert "revisjon pågår" not in client.get(reverse("portfolio")).text


def test_discarding_a_revision_restores_the_approved_plan_exactly(
    member_client, project, approved, alice, sara
):
    before = load_plan(approved).records()
    benefit = approved.benefits.get()
    indicator = Indicator.objects.get()
    cost = approved.costs.get()
    versions = (benefit.version, indicator.version, cost.version)
    revise(approved, alice)
    # Change, add and delete rows of every kind.
    services.benefit_save(
        plan=approved,
        benefit=benefit,
        version=None,
        by=alice,
        data={"title": "Nytt navn", "owner": sara, "measures": [], "no_indicator_reason": "x"},
    )
    services.indicator_save(
        plan=approved,
        benefit=benefit,
        indicator=indicator,
        version=None,
        by=sara,
        data={"name": "Ny ordlyd", "target_value": Decimal(95)},
    )
    services.value_save(
        plan=approved, benefit=benefit, year=2028, data=None, version=None, by=alice
    )
    services.value_save(
        plan=approved,
        benefit=benefit,
        year=2029,
        data={"basis": "direct", "a": 1},
        version=None,
        by=alice,
    )
    services.cost_delete(plan=approved, cost=cost, version=None, by=alice)
    added = services.benefit_save(
        plan=approved, benefit=None, version=None, by=alice, data={"title": "Ny gevinst"}
    )
    make_indicator(added, by=alice)
    services.plan_update(plan=approved, data={"discount_rate": Decimal(3)}, version=None, by=alice)
    assert load_plan(BenefitPlan.objects.get()).records() != before

    r = member_client.post(
        reverse("benefits:plan-discard", args=[project.pk]),
        {"confirm": "on", "version": BenefitPlan.objects.get().version},
    )
    assert r.status_code == 302
    plan = BenefitPlan.objects.get()
    assert (plan.status, plan.edition) == ("approved", 1)
    assert load_plan(plan).records() == before
    assert PlanEvent.objects.filter(action="discarded", by=alice, edition=2).exists()
    assert not Benefit.objects.filter(pk=added.pk).exists()
    # Forms opened on the revision are now stale.
    benefit, indicator = Benefit.objects.get(), Indicator.objects.get()
    assert benefit.version > versions[0] and indicator.version > versions[1]
    assert Cost.objects.get().pk == cost.pk
    assert indicator.specific_by == sara and indicator.specific_at is not None


def test_a_discard_needs_the_box_ticked(member_client, project, approved, alice):
    revise(approved, alice)
    r = member_client.post(
        reverse("benefits:plan-discard", args=[project.pk]), {"version": approved.version}
    )
    assert r.status_code == 302
    approved.refresh_from_db()
    assert approved.status == "draft"


def test_a_revision_whose_new_indicator_was_measured_cannot_be_discarded(
    member_client, project, approved, alice
):
    revise(approved, alice)
    added = make_indicator(approved.benefits.get(), by=alice, name="Ny")
    Measurement.objects.create(indicator=added, value=1, date=date(2027, 1, 1))
    r = member_client.post(
        reverse("benefits:plan-discard", args=[project.pk]),
        {"confirm": "on", "version": approved.version},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 409
    assert "målinger slettes aldri" in r.text
    approved.refresh_from_db()
    assert approved.status == "draft" and Measurement.objects.count() == 1
    assert not PlanEvent.objects.filter(action="discarded").exists()


def test_a_plan_approved_before_snapshots_kept_row_ids_cannot_be_discarded(
    member_client, project, approved, alice
):
    event = PlanEvent.objects.get(action="approved")
    for key in ("benefits", "costs", "indicators"):
        for row in event.snapshot[key]:
            row.pop("pk")
    event.save()
    revise(approved, alice)
    r = member_client.post(
        reverse("benefits:plan-discard", args=[project.pk]),
        {"confirm": "on", "version": approved.version},
    )
    assert r.status_code == 302
    page = member_client.get(r["Location"])
    assert "kan ikke forkastes" in page.text
    approved.refresh_from_db()
    assert approved.status == "draft"


def test_an_import_goes_through_a_revision(member_client, project, approved, alice):
    """An approved plan refuses a workbook (see the matrix); in a revision the
    importer becomes the last changer of what the workbook changed."""
    from .test_governance_matrix import workbook_with_a_cost

    revise(approved, alice)
    content = workbook_with_a_cost(approved)
    from django.core.files.uploadedfile import SimpleUploadedFile

    r = member_client.post(
        reverse("benefits:import", args=[project.pk]),
        {"workbook": SimpleUploadedFile("plan.xlsx", content)},
    )
    assert r.status_code == 302
    assert approved.costs.filter(title="Opplæring").exists()
    assert plan_of_record(approved).revising
