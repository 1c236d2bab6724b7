from django.urls import reverse

from .builders import make_benefit


def test_the_project_history_tells_the_plans_changes(client, alice, project):
    client.force_login(alice)
    client.post(
        reverse("benefits:plan-settings", args=[project.pk]),
        {"currency": "NOK", "first_year": 2027, "horizon": 5, "discount_rate": "4"},
    )
    plan = project.benefit_plan
    client.post(
        reverse("benefits:benefit-add", args=[project.pk]),
        {"title": "Færre telefoner", "kind": "costs_avoided", "gainer": "own_unit"},
    )
    benefit = plan.benefits.get()
    client.post(
        reverse("benefits:value-edit", args=[project.pk, benefit.pk, 2028]),
        {"basis": "direct", "a": "100000"},
    )
    client.post(
        reverse("benefits:cost-add", args=[project.pk]),
        {"title": "Innføring", "year": 2027, "kind": "one_off", "expected": "5000"},
    )
    client.post(
        reverse("benefits:plan-settings", args=[project.pk]),
        {"currency": "NOK", "first_year": 2027, "horizon": 5, "discount_rate": "3", "version": 1},
    )
    text = client.get(reverse("projects:history", args=[project.pk])).text
    assert "Alice Aas opprettet gevinst «Færre telefoner»" in text
    assert "Alice Aas opprettet årlig verdi «2028»" in text
    assert "Alice Aas opprettet kostnad «Innføring»" in text
    assert "Alice Aas endret gevinstplan" in text
    assert "Kalkulasjonsrente (%): 4,00 → 3,00" in text or "4.00 → 3.00" in text


def test_history_queries_do_not_grow_with_the_plan(client, alice, project, plan):
    from tests.factories import count_queries

    client.force_login(alice)
    url = reverse("projects:history", args=[project.pk])
    make_benefit(plan)
    before = count_queries(client, url)
    for n in range(10):
        make_benefit(plan, title=f"Gevinst {n}")
    assert count_queries(client, url) == before
