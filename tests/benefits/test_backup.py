"""A project's benefit plan travels with the project's JSON backup."""

import io
import json

from django.core.management import call_command

from benefits.models import BenefitPlan, Measurement, PlanEvent
from benefits.selectors import load_plan
from portal.backup import canonical, project_erase

from .builders import make_benefit, make_cost, make_indicator, make_value


def test_the_plan_is_exported_and_restored_identically(project, plan, alice, tmp_path):
    benefit = make_benefit(plan, owner=alice)
    make_value(benefit, 2028, basis="tasks", a=1000, b=250, a_low=800)
    make_cost(plan)
    indicator = make_indicator(benefit, by=alice)
    Measurement.objects.create(indicator=indicator, value=72, date="2026-04-01")
    PlanEvent.objects.create(plan=plan, action="submitted", by=alice, edition=1)
    before_records = load_plan(plan).records()

    path = tmp_path / "project.json"
    call_command("export_project", project.pk, output=str(path))
    before = path.read_text()
    assert {"benefits.benefitplan", "benefits.indicator", "benefits.measurement"} <= {
        row["model"] for row in json.loads(before)["objects"]
    }
    project_erase(project_id=project.pk)
    assert not BenefitPlan.objects.exists()

    call_command("import_project", str(path), stdout=io.StringIO())
    again = tmp_path / "again.json"
    call_command("export_project", project.pk, output=str(again))
    assert canonical(again.read_text()) == canonical(before)
    assert load_plan(BenefitPlan.objects.get(project=project)).records() == before_records
