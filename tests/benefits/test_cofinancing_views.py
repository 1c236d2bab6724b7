"""The accountable owner, external owners, the plus-minus assessment and the
co-financing report, through the pages, the Excel export, the deck and the
project's backup."""

import io
import json
import re

import pandas as pd
import pytest
from django.core.management import call_command
from django.urls import reverse

from benefits.models import Benefit, BenefitPlan, Realisation
from benefits.selectors import load_plan
from benefits.smarte import plan_gaps
from portal.backup import canonical, project_erase
from portal.decks import deck_data

from .builders import make_benefit, make_cost, make_value
from .conftest import HTMX


def quality(plan, **fields):
    fields = {"title": "Tryggere brukere", "kind": "quality", "quality_unit": "skår", **fields}
    return make_benefit(plan, **fields)


def edit_benefit(client, project, benefit, **data):
    data = {
        "title": benefit.title,
        "kind": benefit.kind,
        "gainer": benefit.gainer,
        "quality_unit": benefit.quality_unit,
        "version": benefit.version,
        **data,
    }
    url = reverse("benefits:benefit-edit", args=[project.pk, benefit.pk])
    return client.post(url, data, headers=HTMX)


def owner_post(client, project, **data):
    url = reverse("benefits:plan-owner", args=[project.pk])
    return client.post(url, {"version": BenefitPlan.objects.get().version, **data}, headers=HTMX)


# --- the accountable owner ----------------------------------------------------


def test_it_names_a_member_as_the_accountable_owner(member_client, project, plan, owner):
    r = owner_post(member_client, project, accountable=owner.pk)
    assert r.status_code == 200
    plan.refresh_from_db()
    assert plan.accountable == owner
    assert "Gevinsteier" in r.text and (owner.get_full_name() or owner.username) in r.text


def test_it_names_someone_outside_by_name_and_role(member_client, project, plan):
    owner_post(
        member_client, project, accountable_name="Kari Nordmann", accountable_role="Kommunalsjef"
    )
    plan.refresh_from_db()
    assert (plan.accountable, plan.accountable_name, plan.accountable_role) == (
        None,
        "Kari Nordmann",
        "Kommunalsjef",
    )
    page = member_client.get(reverse("benefits:plan", args=[project.pk]))
    assert "Kari Nordmann (Kommunalsjef)" in page.text


def test_it_refuses_a_member_and_a_name_or_a_name_without_role(member_client, project, plan, owner):
    r = owner_post(member_client, project, accountable=owner.pk, accountable_name="Kari")
    assert "Velg et medlem eller oppgi en person utenfor prosjektet" in r.text
    r = owner_post(member_client, project, accountable_name="Kari")
    assert "Oppgi rollen til personen du har navngitt." in r.text
    plan.refresh_from_db()
    assert plan.accountable is None and plan.accountable_name == ""


def test_a_viewer_cannot_name_the_owner(client, project, plan, bob, owner):
    client.force_login(bob)
    r = owner_post(client, project, accountable=owner.pk)
    assert r.status_code == 403
    plan.refresh_from_db()
    assert plan.accountable is None
    page = client.get(reverse("benefits:plan", args=[project.pk]))
    assert reverse("benefits:plan-owner", args=[project.pk]) not in page.text


def test_the_owner_can_be_named_in_an_approved_plan(member_client, project, plan, owner):
    BenefitPlan.objects.filter(pk=plan.pk).update(status="approved")
    owner_post(member_client, project, accountable=owner.pk)
    plan.refresh_from_db()
    assert plan.accountable == owner


# --- the benefit: responsible person, external owner, assessment ---------------


def test_an_assessment_needs_a_justification(member_client, project, plan):
    benefit = quality(plan)
    r = edit_benefit(member_client, project, benefit, assessment=2)
    assert "Begrunn vurderingen." in r.text
    benefit.refresh_from_db()
    assert benefit.assessment is None


def test_a_benefit_counted_in_money_takes_no_assessment(member_client, project, plan):
    benefit = make_benefit(plan)
    r = edit_benefit(member_client, project, benefit, assessment=1, assessment_reason="Bra")
    assert "Gevinsten er regnet i kroner" in r.text
    benefit.refresh_from_db()
    assert benefit.assessment is None


def test_an_assessment_is_saved_and_shown_beside_the_net_present_value(
    member_client, project, plan
):
    benefit = quality(plan)
    reason = "<script>alert(1)</script> Færre fall"
    edit_benefit(member_client, project, benefit, assessment=2, assessment_reason=reason)
    benefit.refresh_from_db()
    assert (benefit.assessment, benefit.assessment_reason) == (2, reason)
    page = member_client.get(reverse("benefits:plan", args=[project.pk])).text
    assert "Ikke-prissatte virkninger" in page
    assert "++" in page and "&lt;script&gt;alert(1)&lt;/script&gt; Færre fall" in page
    assert "<script>alert(1)" not in page


def test_an_external_owner_needs_an_organisation(member_client, project, plan):
    benefit = make_benefit(plan)
    r = edit_benefit(member_client, project, benefit, external_owner_name="Ola Hansen")
    assert "Oppgi virksomheten til den eksterne eieren." in r.text
    r = edit_benefit(member_client, project, benefit, external_owner_org="NAV")
    assert "Oppgi hvem som eier gevinsten i NAV." in r.text
    benefit.refresh_from_db()
    assert benefit.external_owner_name == benefit.external_owner_org == ""


def test_an_externally_owned_benefit_needs_no_one_responsible_inside(member_client, project, plan):
    benefit = make_benefit(plan)
    edit_benefit(
        member_client, project, benefit, external_owner_name="Ola Hansen", external_owner_org="NAV"
    )
    benefit.refresh_from_db()
    assert (benefit.owner, benefit.external_owner_org) == (None, "NAV")
    benefit.indicator_list = []
    assert not any("gevinsteier" in gap for gap in plan_gaps([benefit]))


# --- the co-financing report --------------------------------------------------


def cofinanced(plan, alice):
    """The hand-worked plan of test_cofinancing: 2027–2029 at 4 %."""
    plan.horizon, plan.discount_rate = 3, 4
    plan.save()
    own = make_benefit(plan, title="Færre telefoner", owner=alice, gainer="own_unit")
    make_value(own, 2027, a=100_000)
    make_value(own, 2028, a=104_000)
    nav = make_benefit(
        plan,
        title="Færre henvendelser til NAV",
        kind="other",
        gainer="other_public",
        external_owner_name="<b>Ola</b>",
        external_owner_org="NAV & co",
    )
    make_value(nav, 2029, a=108_160)
    quality(plan, assessment=-1, assessment_reason="Mer skjermtid")
    make_cost(plan, expected=150_000)
    make_cost(plan, title="Lisens", year=2028, kind="running", expected=52_000)
    Realisation.objects.create(benefit=own, year=2027, amount=90_000)
    return own, nav


def test_the_report_shows_the_ratio_the_split_and_the_external_owners(
    member_client, project, plan, alice
):
    cofinanced(plan, alice)
    page = member_client.get(reverse("benefits:cofinancing", args=[project.pk])).text
    assert "Netto nåverdi per investerte krone" in page
    assert '<td class="num">0,67</td>' in page
    assert "100\u00a0000\u00a0kr" in page  # the net present value
    assert "Andre offentlige virksomheter" in page
    assert "&lt;b&gt;Ola&lt;/b&gt;" in page and "NAV &amp; co" in page
    assert "Mer skjermtid" in page
    assert "faste 2027-priser" in page
    plan_page = member_client.get(reverse("benefits:plan", args=[project.pk])).text
    assert reverse("benefits:cofinancing", args=[project.pk]) in plan_page


def test_a_member_records_and_clears_a_realised_amount(member_client, project, plan, alice):
    own, _nav = cofinanced(plan, alice)
    url = reverse("benefits:cofinancing", args=[project.pk])
    r = member_client.post(url, {"benefit": own.pk, "year": 2028, "amount": "101 500,50"})
    assert r.status_code == 302
    assert float(Realisation.objects.get(benefit=own, year=2028).amount) == 101_500.5
    member_client.post(url, {"benefit": own.pk, "year": 2028, "amount": ""})
    assert not Realisation.objects.filter(benefit=own, year=2028).exists()


def test_a_realised_amount_for_a_benefit_not_in_money_is_refused(
    member_client, project, plan, alice
):
    cofinanced(plan, alice)
    benefit = Benefit.objects.get(kind="quality")
    url = reverse("benefits:cofinancing", args=[project.pk])
    r = member_client.post(url, {"benefit": benefit.pk, "year": 2028, "amount": "5"})
    assert r.status_code == 200 and "ds-error-summary" in r.text and "gyldig" in r.text
    assert not Realisation.objects.filter(benefit=benefit).exists()


def test_a_viewer_reads_the_report_but_records_nothing(client, project, plan, alice, bob):
    own, _nav = cofinanced(plan, alice)
    client.force_login(bob)
    url = reverse("benefits:cofinancing", args=[project.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Registrer et realisert beløp" not in page.text
    assert client.post(url, {"benefit": own.pk, "year": 2028, "amount": "5"}).status_code == 403
    assert Realisation.objects.count() == 1


def test_an_outsider_gets_no_report(client, project, plan, charlie):
    client.force_login(charlie)
    assert client.get(reverse("benefits:cofinancing", args=[project.pk])).status_code == 404


def test_the_export_has_the_cofinancing_and_non_priced_sheets(member_client, project, plan, alice):
    cofinanced(plan, alice)
    content = member_client.get(reverse("benefits:export", args=[project.pk])).content
    sheets = pd.read_excel(io.BytesIO(content), sheet_name=None, header=None)
    assert {"Ikke-prissatte virkninger", "Medfinansiering"} <= set(sheets)
    nonpriced = sheets["Ikke-prissatte virkninger"].values.tolist()
    assert nonpriced[1] == ["Tryggere brukere", "Kvalitet", "\u2212", "Mer skjermtid"]
    rows = {r[0]: r[1:] for r in sheets["Medfinansiering"].values.tolist()}
    assert rows["Netto nåverdi per investerte krone"][0] == pytest.approx(100_000 / 150_000)
    assert rows["Nåverdi av investeringen (engangskostnader)"][0] == pytest.approx(150_000)
    assert rows["Andre offentlige virksomheter"][:2] == pytest.approx([108_160, 100_000])
    assert rows[2027][:3] == pytest.approx([100_000, 90_000, -10_000])
    assert rows["Færre henvendelser til NAV"][:2] == ["<b>Ola</b>", "NAV & co"]
    summary = {r[0]: r[1] for r in sheets["Oppsummering"].values.tolist()}
    assert summary["Priser"] == "Alle beløp er i faste 2027-priser, planens første år."


def test_the_deck_weighs_the_non_priced_effects_beside_the_net_present_value(project, plan, alice):
    cofinanced(plan, alice)
    lines = deck_data(project).sections["benefit_plan"]
    # Right after the plan's five figures, the net present value first.
    assert lines[0].startswith("Nåverdi (forventet)")
    heading = lines.index("Ikke-prissatte virkninger (−−− til +++):")
    assert heading == 5
    assert lines[heading + 1] == "\u2212 Tryggere brukere – Mer skjermtid"


def test_the_backup_carries_owners_assessments_and_realised_amounts(
    project, plan, alice, owner, tmp_path
):
    own, nav = cofinanced(plan, alice)
    plan.accountable = owner
    plan.save()
    before_records = load_plan(plan).records()
    path = tmp_path / "project.json"
    call_command("export_project", project.pk, output=str(path))
    before = path.read_text()
    assert "benefits.realisation" in {row["model"] for row in json.loads(before)["objects"]}
    project_erase(project_id=project.pk)
    call_command("import_project", str(path), stdout=io.StringIO())
    again = tmp_path / "again.json"
    call_command("export_project", project.pk, output=str(again))
    assert canonical(again.read_text()) == canonical(before)
    restored = BenefitPlan.objects.get(project=project)
    assert restored.accountable == owner
    assert Benefit.objects.get(pk=nav.pk).external_owner_org == "NAV & co"
    assert Benefit.objects.get(kind="quality").assessment == -1
    assert load_plan(restored).records() == before_records


def test_a_new_plan_starts_with_the_rate_of_its_currency(member_client, project):
    page = member_client.get(reverse("benefits:plan", args=[project.pk])).text
    assert 'id="rate-defaults"' in page and '"SEK": "3"' in page
    rate = re.search(r'<input[^>]*name="discount_rate"[^>]*>', page).group(0)
    assert 'value="4"' in rate
    assert "rundskriv R-109" in page
