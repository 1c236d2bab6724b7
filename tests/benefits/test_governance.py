"""A plan submitted complete, confirmations that mean someone else looked,
decisions shown with who decides, and removed members left out."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from benefits import review, services
from benefits.models import BenefitPlan, PlanEvent
from benefits.selectors import overdue_indicators
from projects import responsibilities
from projects.models import Membership
from projects.selectors import project_for_user

from .builders import make_benefit, make_indicator, make_value


def actor(user, plan):
    return project_for_user(user, plan.project_id).actor


def test_a_plan_is_submitted_only_when_every_benefit_is_followed_up(
    member_client, project, plan, alice, sara
):
    ok = make_benefit(plan, title="Færre telefoner", owner=alice)
    make_indicator(ok, by=sara, changed_by=alice)
    orphan = make_benefit(plan, title="Raskere svar")
    bare = make_benefit(plan, title="Mindre papir", owner=alice)
    page = member_client.get(reverse("benefits:plan", args=[project.pk]))
    assert "«Raskere svar» har ingen gevinstansvarlig." in page.text
    assert "«Mindre papir» har ingen indikator som oppfyller alle seks kriteriene" in page.text
    assert "Send til beslutning" not in page.text
    r = member_client.post(reverse("benefits:plan-submit", args=[project.pk]), {"version": 1})
    assert r.status_code == 302
    message = member_client.get(r["Location"]).text
    assert "Planen kan ikke sendes ennå" in message and "«Raskere svar»" in message
    plan.refresh_from_db()
    assert plan.status == "draft" and not PlanEvent.objects.exists()

    # A reason stands in for an indicator; every benefit still needs an owner.
    url = reverse("benefits:benefit-edit", args=[project.pk, bare.pk])
    form = {"title": bare.title, "kind": bare.kind, "gainer": "own_unit", "version": 1}
    member_client.post(url, {**form, "owner": alice.pk, "no_indicator_reason": "Telles i arkivet"})
    orphan.owner = alice
    orphan.no_indicator_reason = "Følges opp i brukerundersøkelsen"
    orphan.save()
    page = member_client.get(reverse("benefits:plan", args=[project.pk]))
    assert "Følges opp uten indikator:" in page.text and "Telles i arkivet" in page.text
    review.plan_submit(plan=plan, actor=actor(alice, plan), version=None)
    plan.refresh_from_db()
    assert plan.status == "submitted"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Andel besøk innen en time"),
        ("unit", "prosent"),
        ("baseline_value", Decimal(60)),
        ("baseline_date", date(2026, 2, 1)),
        ("target_value", Decimal(95)),
        ("target_date", date(2029, 1, 1)),
    ],
)
def test_changing_what_an_indicator_says_clears_all_confirmations(plan, alice, sara, field, value):
    indicator = make_indicator(make_benefit(plan), by=sara, changed_by=alice)
    services.indicator_save(
        plan=plan,
        benefit=indicator.benefit,
        indicator=indicator,
        data={field: value},
        version=None,
        by=sara,
    )
    indicator.refresh_from_db()
    for key in ("specific", "accepted", "realistic"):
        assert getattr(indicator, f"{key}_by") is None and getattr(indicator, f"{key}_at") is None
        assert getattr(indicator, f"{key}_reason")  # kept, to be confirmed again
    assert indicator.changed_by == sara


def test_other_changes_keep_the_confirmations(plan, alice, sara):
    indicator = make_indicator(make_benefit(plan), by=sara, changed_by=alice)
    services.indicator_save(
        plan=plan,
        benefit=indicator.benefit,
        indicator=indicator,
        data={"method": "Telling"},
        version=None,
        by=alice,
    )
    indicator.refresh_from_db()
    assert indicator.specific_by == sara and indicator.changed_by == alice


def test_a_new_justification_is_saved_unconfirmed_by_the_last_changer(
    member_client, project, plan, alice, sara, client
):
    indicator = make_indicator(make_benefit(plan), by=sara, changed_by=alice)
    url = reverse("benefits:indicator-confirm", args=[project.pk, indicator.pk])
    data = {"criterion": "accepted", "reason": "Forankret i kommunestyret", "version": 1}
    r = member_client.post(url, data)
    assert r.status_code == 302
    assert "Et annet medlem må bekrefte den" in member_client.get(r["Location"]).text
    indicator.refresh_from_db()
    assert indicator.accepted_reason == "Forankret i kommunestyret"
    assert indicator.accepted_by is None and indicator.accepted_at is None
    # Someone else confirms the same words.
    client.force_login(sara)
    r = client.post(url, {**data, "version": 2})
    assert r.status_code == 302
    indicator.refresh_from_db()
    assert indicator.accepted_by == sara and indicator.accepted_at is not None
    page = client.get(reverse("benefits:indicator", args=[project.pk, indicator.pk]))
    assert "Bekreftet av Sara Solberg, " in page.text
    plan_page = client.get(reverse("benefits:plan", args=[project.pk]))
    assert "Bekreftet av Sara Solberg" in plan_page.text


def test_the_plan_says_who_decides_and_offers_the_buttons_only_to_them(
    client, project, plan, alice, sara, owner
):
    benefit = make_benefit(plan, owner=alice)
    make_value(benefit, 2028)
    make_indicator(benefit, by=alice, changed_by=sara)
    review.plan_submit(plan=plan, actor=actor(sara, plan), version=None)
    for user, decides in ((alice, False), (sara, False), (owner, True)):
        client.force_login(user)
        page = client.get(reverse("benefits:plan", args=[project.pk]))
        assert "Venter på beslutning fra Olga Oppdrag." in page.text
        assert ("Godkjenn planen" in page.text) == decides


def test_history_tells_decisions_and_confirmations_with_their_comment(
    client, project, plan, alice, sara
):
    benefit = make_benefit(plan, owner=alice)
    indicator = make_indicator(benefit, by=sara, changed_by=alice, realistic_by=None)
    services.indicator_confirm(
        plan=plan,
        indicator=indicator,
        criterion="realistic",
        reason="Nabokommunen nådde 90 %",
        version=None,
        actor=actor(sara, plan),
    )
    review.plan_submit(plan=plan, actor=actor(alice, plan), version=None)
    review.plan_return(
        plan=plan, actor=actor(sara, plan), version=None, comment="Mangler kostnader"
    )
    client.force_login(alice)
    text = client.get(reverse("projects:history", args=[project.pk])).text
    assert "Sendt tilbake, versjon 1: Mangler kostnader" in text
    assert "Sara Solberg" in text and "Nabokommunen nådde 90 %" in text
    assert "Realistisk bekreftet av: – → Sara Solberg" in text


@pytest.fixture
def overdue(plan, alice):
    benefit = make_benefit(plan, owner=alice)
    return make_indicator(
        benefit, by=alice, baseline_date=date(2024, 1, 1), name="Ventetid på telefon"
    )


def test_a_removed_member_is_not_reminded_nor_shown_the_indicator(
    client, project, alice, overdue, mailoutbox
):
    today = timezone.localdate()
    assert overdue_indicators(today=today, user=alice) == [overdue]
    # A stale link: the membership is gone but the indicator still names her.
    Membership.objects.filter(project=project, user=alice).delete()
    assert overdue_indicators(today=today, user=alice) == []
    call_command("send_measurement_reminders")
    assert mailoutbox == []
    client.force_login(alice)
    assert "Ventetid på telefon" not in client.get("/").text


def test_a_released_member_leaves_no_one_responsible_and_it_is_listed(
    client, project, plan, alice, overdue
):
    released = responsibilities.release(project_id=project.pk, user=alice)
    assert released == 2  # the benefit's owner and the indicator's responsible
    overdue.refresh_from_db()
    assert overdue.responsible is None and overdue.benefit.owner is None
    listed = responsibilities.unassigned(project.pk)
    assert {u.title for u in listed} == {overdue.name, overdue.benefit.title}
    assert any(u.url.endswith(f"/indicators/{overdue.pk}/") for u in listed)
    client.force_login(project.memberships.get(role="commissioning_owner").user)
    page = client.get(reverse("benefits:plan", args=[project.pk]))
    assert page.text.count("Ingen ansvarlig") == 2
    assert BenefitPlan.objects.get().status == "draft"
