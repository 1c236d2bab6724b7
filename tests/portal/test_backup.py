import json

import pytest
from django.core.management import CommandError, call_command

from portal.backup import canonical, project_erase
from projects.models import Measure, Membership, Project


@pytest.fixture
def rich_project(client, alice, project):
    """A project with members, measures, benefits and a history of changes."""
    client.force_login(alice)
    client.post(
        f"/projects/{project.pk}/edit/",
        {"title": project.title, "unit": project.unit_id, "status": "at_risk", "version": 1},
    )
    Measure.objects.create(project=project, title="SMS-varsel", benefit=5, effort=2)
    project.identified_benefits.create(title="Færre telefoner", kind="time_saved")
    return project


def test_export_then_import_restores_the_project_identically(rich_project, tmp_path):
    path = tmp_path / "project.json"
    call_command("export_project", rich_project.pk, output=str(path))
    before = path.read_text()
    project_erase(project_id=rich_project.pk)  # the project is lost
    assert not Membership.objects.filter(project_id=rich_project.pk).exists()
    assert not Project.history.filter(id=rich_project.pk).exists()

    call_command("import_project", str(path))
    again = tmp_path / "again.json"
    call_command("export_project", rich_project.pk, output=str(again))
    assert canonical(again.read_text()) == canonical(before)
    restored = Project.objects.get(pk=rich_project.pk)
    assert restored.status == "at_risk" and restored.measures.get().title == "SMS-varsel"
    models = {row["model"] for row in json.loads(before)}
    assert {"projects.historicalproject", "projects.historicalmembership"} <= models
    assert any(
        row["fields"].get("user") == ["alice"] for row in json.loads(before)
    )  # users by username


def test_import_of_a_bad_file_changes_nothing(rich_project, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[{"model": "projects.project", "pk": 1, "fields": {"title": ')
    with pytest.raises(CommandError):
        call_command("import_project", str(path))
    assert Project.objects.filter(pk=rich_project.pk).exists()


def test_export_of_a_missing_project_fails_clearly(db):
    with pytest.raises(CommandError, match="no project with id 999"):
        call_command("export_project", 999)


def test_timestamps_keep_every_microsecond(rich_project, tmp_path):
    from datetime import UTC, datetime

    stamp = datetime(2026, 3, 1, 12, 0, 0, 400, tzinfo=UTC)  # under a millisecond
    Project.history.filter(id=rich_project.pk).update(history_date=stamp)
    path = tmp_path / "p.json"
    call_command("export_project", rich_project.pk, output=str(path))
    project_erase(project_id=rich_project.pk)
    call_command("import_project", str(path))
    assert set(
        Project.history.filter(id=rich_project.pk).values_list("history_date", flat=True)
    ) == {stamp}


def test_a_restored_project_gets_a_new_revision(rich_project, tmp_path):
    path = tmp_path / "project.json"
    call_command("export_project", rich_project.pk, output=str(path))
    exported = Project.objects.get(pk=rich_project.pk).revision
    call_command("import_project", str(path))
    assert Project.objects.get(pk=rich_project.pk).revision != exported
