"""The demo data fills every step of the demo projects and can be run again."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from projects.flow.sections import SECTIONS
from projects.models import Activity, GateDecision, Measure, Project

pytestmark = pytest.mark.django_db

STEP_PAGES = [
    "projects:step-hypothesis",
    "projects:step-goals",
    "projects:step-deliver",
    "projects:stakeholders",
    "projects:matrix",
]


def _counts():
    return {slug: s.model.objects.count() for slug, s in SECTIONS.items()}


def test_it_fills_every_list_and_runs_twice_without_duplicates(client):
    call_command("seed_demo", force=True, stdout=io.StringIO())
    first = _counts()
    assert all(first.values()), first
    call_command("seed_demo", force=True, stdout=io.StringIO())
    assert _counts() == first
    home_care = Project.objects.get(title="Digital innbyggerdialog i hjemmetjenesten")
    assert home_care.activities.count() == len(Activity.KEYS)
    assert home_care.flow.hypothesis_measures
    assert GateDecision.objects.filter(project=home_care, decision="go_on").count() == 2
    assert Measure.objects.filter(project=home_care, goal__isnull=False).exists()
    stopped = Project.objects.get(title="Droneinspeksjon av kommunale tak")
    assert stopped.gate_decisions.get().decision == "stop"


def test_every_demo_page_renders(client):
    from django.contrib.auth import get_user_model

    call_command("seed_demo", force=True, stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username="lena"))  # the leader reads all
    for project in Project.objects.all():
        for name in STEP_PAGES:
            assert client.get(reverse(name, args=[project.pk])).status_code == 200


def test_a_backup_restores_the_step_work_identically(tmp_path):
    from portal.backup import canonical, project_erase

    call_command("seed_demo", force=True, stdout=io.StringIO())
    project = Project.objects.get(title="Digital innbyggerdialog i hjemmetjenesten")
    path, again = tmp_path / "p.json", tmp_path / "again.json"
    call_command("export_project", project.pk, output=str(path))
    project_erase(project_id=project.pk)
    call_command("import_project", str(path), stdout=io.StringIO())
    call_command("export_project", project.pk, output=str(again))
    assert canonical(again.read_text()) == canonical(path.read_text())
    restored = Project.objects.get(pk=project.pk)
    assert restored.activities.count() == len(Activity.KEYS)
    assert restored.measures.filter(goal__isnull=False).exists()
    assert restored.supplier_dialogues.exists() and restored.flow.hypothesis_value
