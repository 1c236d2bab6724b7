from django.core.management import call_command
from django.urls import reverse

from benefits.models import BenefitPlan, PlanEvent
from projects.models import Project


def test_the_demo_has_a_draft_and_an_approved_plan_and_runs_twice(client, db):
    call_command("seed_demo", force=True, verbosity=0)
    call_command("seed_demo", force=True, verbosity=0)
    step_3 = BenefitPlan.objects.get(project__title="Digital innbyggerdialog i hjemmetjenesten")
    operation = BenefitPlan.objects.get(project__title="Sensorbasert nattilsyn på sykehjem")
    assert step_3.status == "draft" and step_3.benefits.count() >= 4
    assert operation.status == "approved"
    assert PlanEvent.objects.filter(plan=operation, action="approved").count() == 1
    project = Project.objects.get(pk=step_3.project_id)
    client.force_login(project.memberships.get(role="solution_owner").user)
    page = client.get(reverse("benefits:plan", args=[project.pk]))
    assert page.status_code == 200
    assert "Planen kan ikke sendes ennå" in page.text  # the weak indicator shows


def test_the_demo_plan_in_step_3_has_a_benefit_map(client, db):
    call_command("seed_demo", force=True, verbosity=0)
    plan = BenefitPlan.objects.get(project__title="Digital innbyggerdialog i hjemmetjenesten")
    links = plan.map_links.all()
    assert links.filter(goal__isnull=False).count() == 7
    assert links.filter(measure__isnull=False).count() == 5
    assert links.filter(activity__isnull=False).count() == 2
    # Every end belongs to the plan's own project.
    assert all(link.other_end.project_id == plan.project_id for link in links)
    project = plan.project
    client.force_login(project.memberships.get(role="solution_owner").user)
    page = client.get(reverse("benefits:map", args=[project.pk])).text
    for link in links:  # each may be removed from the list (a benefit's goals under each change)
        assert reverse("benefits:map-link-delete", args=[project.pk, link.pk]) in page
    assert "Brukeren samtykker til at pårørende får kopi" in page and "<svg" in page
