import io
import json

import pytest
from django.core.management import CommandError, call_command

from portal.backup import canonical, project_erase
from projects.models import Measure, Membership, Project, Unit


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


def test_a_restored_project_gets_a_new_change_stamp(rich_project, tmp_path):
    path = tmp_path / "project.json"
    call_command("export_project", rich_project.pk, output=str(path))
    exported = Project.objects.get(pk=rich_project.pk).change_stamp
    call_command("import_project", str(path))
    assert Project.objects.get(pk=rich_project.pk).change_stamp != exported


def test_a_backup_that_names_the_stamp_revision_still_restores(rich_project, tmp_path):
    path = tmp_path / "project.json"
    call_command("export_project", rich_project.pk, output=str(path))
    objects = json.loads(path.read_text())
    [fields] = [o["fields"] for o in objects if o["model"] == "projects.project"]
    fields["revision"] = str(fields.pop("change_stamp"))  # as files written before the rename
    path.write_text(json.dumps(objects))
    project_erase(project_id=rich_project.pk)
    call_command("import_project", str(path))
    restored = Project.objects.get(pk=rich_project.pk)
    assert (restored.title, restored.status) == (rich_project.title, "at_risk")
    assert str(restored.change_stamp) != fields["revision"]


def _export(project, tmp_path) -> list:
    path = tmp_path / "project.json"
    call_command("export_project", project.pk, output=str(path))
    return json.loads(path.read_text())


def _import(rows, tmp_path):
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(rows))
    call_command("import_project", str(path), stdout=io.StringIO())


def test_it_refuses_a_file_whose_rows_would_overwrite_another_projects(rich_project, tmp_path):
    rows = _export(rich_project, tmp_path)
    for row in rows:  # the same rows, said to be another project's
        if row["model"] == "projects.project":
            row["pk"] = 999
        if row["fields"].get("project") == rich_project.pk:
            row["fields"]["project"] = 999
    before = canonical(json.dumps(_export(rich_project, tmp_path)))
    with pytest.raises(CommandError, match="belong to other projects' rows"):
        _import(rows, tmp_path)
    assert not Project.objects.filter(pk=999).exists()
    assert canonical(json.dumps(_export(rich_project, tmp_path))) == before


def test_it_refuses_a_file_naming_an_unknown_user(rich_project, tmp_path):
    rows = json.loads(json.dumps(_export(rich_project, tmp_path)).replace('["alice"]', '["ghost"]'))
    with pytest.raises(CommandError, match="does not exist"):
        _import(rows, tmp_path)
    assert Membership.objects.filter(project=rich_project, user__username="alice").exists()


def test_the_unit_is_matched_by_name_and_new_rows_follow_the_restored_ids(
    rich_project, alice, tmp_path
):
    rows = _export(rich_project, tmp_path)
    project_erase(project_id=rich_project.pk)
    shift = 5000  # ids far above any this database has given out
    for row in rows:
        if row["model"] == "projects.unit":
            row["pk"] = 4242  # another database's id of the same unit
        else:
            row["pk"] += shift
            for name in ("id", "project"):
                if isinstance(row["fields"].get(name), int):
                    row["fields"][name] += shift
        if row["fields"].get("unit") == rich_project.unit_id:
            row["fields"]["unit"] = 4242
    _import(rows, tmp_path)
    restored = Project.objects.get(pk=rich_project.pk + shift)
    assert restored.unit_id == rich_project.unit_id and Unit.objects.count() == 1
    new = Project.objects.create(title="Ny")  # not refused by an id already in use
    assert new.pk > restored.pk
    member = Membership.objects.create(project=new, user=alice, role="team_member")
    assert member.pk > max(Membership.objects.exclude(pk=member.pk).values_list("pk", flat=True))
