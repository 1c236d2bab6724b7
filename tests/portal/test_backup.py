import io
import json
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from portal.backup import canonical, project_erase
from projects.history import ProjectHistory
from projects.models import Experiment, Goal, Measure, Membership, Project, Unit

User = get_user_model()


@pytest.fixture
def rich_project(client, alice, project):
    """A project with members, measures, benefits and a history of changes."""
    client.force_login(alice)
    client.post(
        f"/projects/{project.pk}/edit/",
        {"title": project.title, "unit": project.unit_id, "status": "at_risk", "version": 1},
    )
    Measure.objects.create(
        project=project, title="SMS-varsel", benefit=5, effort=2, responsible=alice
    )
    Experiment.objects.create(
        project=project, title="Varsel-pilot", date=date(2026, 3, 2), responsible=alice
    )
    Goal.objects.create(project=project, level="user", title="Færre bomturer", responsible=alice)
    project.identified_benefits.create(title="Færre telefoner", kind="time_saved")
    return project


def _export(project, tmp_path) -> dict:
    path = tmp_path / "project.json"
    call_command("export_project", project.pk, output=str(path))
    return json.loads(path.read_text())


def _import(envelope, tmp_path, *args) -> str:
    path = tmp_path / "edited.json"
    path.write_text(envelope if isinstance(envelope, str) else json.dumps(envelope))
    out = io.StringIO()
    call_command("import_project", str(path), *args, stdout=out)
    return out.getvalue()


def _state() -> tuple:
    """Everything an import could change."""
    exports = [canonical(json.dumps(_dump(p))) for p in Project.objects.order_by("pk")]
    return (
        exports,
        sorted(User.objects.values_list("username", "is_active")),
        Unit.objects.count(),
    )


def _dump(project) -> dict:
    from portal.backup import project_export

    return json.loads(project_export(project_id=project.pk))


def test_export_then_import_restores_the_project_identically(rich_project, tmp_path):
    path = tmp_path / "project.json"
    call_command("export_project", rich_project.pk, output=str(path))
    before = path.read_text()
    told = [(e.when, e.sentence, e.change_lines) for e in ProjectHistory(rich_project.pk)[:50]]
    assert len(told) >= 5
    project_erase(project_id=rich_project.pk)  # the project is lost
    assert not Membership.objects.filter(project_id=rich_project.pk).exists()
    assert not Project.history.filter(id=rich_project.pk).exists()
    assert not ProjectHistory(rich_project.pk)[:50]

    call_command("import_project", str(path), stdout=io.StringIO())
    # Its history reads as before (the rows were written directly, then indexed).
    assert [(e.when, e.sentence, e.change_lines) for e in ProjectHistory(rich_project.pk)[:50]] == (
        told
    )
    again = tmp_path / "again.json"
    call_command("export_project", rich_project.pk, output=str(again))
    assert canonical(again.read_text()) == canonical(before)
    restored = Project.objects.get(pk=rich_project.pk)
    assert restored.status == "at_risk" and restored.measures.get().title == "SMS-varsel"
    alice = User.objects.get(username="alice")
    for rows in (restored.measures, restored.experiments, restored.goals):
        assert rows.get().responsible == alice
    envelope = json.loads(before)
    assert envelope["format"] == "innoportal-project" and envelope["version"] == 2
    models = {row["model"] for row in envelope["objects"]}
    assert {"projects.historicalproject", "projects.historicalmembership"} <= models
    assert any(row["fields"].get("user") == ["alice"] for row in envelope["objects"])
    alice = next(p for p in envelope["people"] if p["username"] == "alice")
    assert alice == {
        "username": "alice",
        "first_name": "Alice",
        "last_name": "Aas",
        "email": "alice@example.no",
    }  # never a password


def test_a_project_moves_to_an_empty_installation(rich_project, tmp_path):
    before = _export(rich_project, tmp_path)
    # The other installation: no projects, no people, no units.
    for project in Project.objects.all():
        project_erase(project_id=project.pk)
    User.objects.all().delete()
    Unit.objects.all().delete()
    Project.history.all().delete()

    out = _import(before, tmp_path)

    project = Project.objects.get()
    assert out.strip() == f"Project {project.pk} imported."
    assert canonical(json.dumps(_dump(project))) == canonical(json.dumps(before))
    people = User.objects.order_by("username")
    assert [u.username for u in people] == ["alice", "bob", "olga"]
    assert not any(u.is_active or u.has_usable_password() for u in people)
    assert people[0].get_full_name() == "Alice Aas" and people[0].email == "alice@example.no"
    assert Unit.objects.get().name == "Helse og omsorg"


def test_people_are_found_by_email_then_username_or_created_inactive(
    rich_project, alice, bob, owner, tmp_path
):
    envelope = _export(rich_project, tmp_path)
    project_erase(project_id=rich_project.pk)
    # Here Alice has another username, Bob another e-mail; Olga is unknown.
    User.objects.filter(pk=alice.pk).update(username="alice.aas", email="ALICE@example.no")
    User.objects.filter(pk=bob.pk).update(email="bob@annen.kommune.no")
    User.objects.filter(pk=owner.pk).delete()

    _import(envelope, tmp_path)

    project = Project.objects.get(pk=rich_project.pk)
    roles = dict(project.memberships.values_list("user__username", "role"))
    assert roles == {"alice.aas": "team_member", "bob": "viewer", "olga": "commissioning_owner"}
    assert project.memberships.get(role="team_member").user_id == alice.pk
    assert project.memberships.get(role="viewer").user_id == bob.pk
    olga = User.objects.get(username="olga")
    assert not olga.is_active and olga.email == "olga@example.no"
    assert Project.history.filter(id=project.pk, history_user=alice).exists()


def test_an_existing_project_is_refused_without_replace(rich_project, tmp_path):
    envelope = _export(rich_project, tmp_path)
    Measure.objects.create(project=rich_project, title="Etter eksporten")
    before = _state()
    with pytest.raises(CommandError, match="already exists here.*--replace"):
        _import(envelope, tmp_path)
    assert _state() == before

    _import(envelope, tmp_path, "--replace")
    assert not Measure.objects.filter(title="Etter eksporten").exists()
    assert Project.objects.count() == 1


def test_as_new_adds_a_copy_with_new_ids_and_leaves_the_original(rich_project, tmp_path):
    envelope = _export(rich_project, tmp_path)
    original = canonical(json.dumps(envelope))
    _import(envelope, tmp_path, "--as-new")
    copy = Project.objects.exclude(pk=rich_project.pk).get()
    assert copy.title == rich_project.title and copy.measures.get().title == "SMS-varsel"
    assert canonical(json.dumps(_dump(rich_project))) == original
    mine = set(rich_project.measures.values_list("pk", flat=True))
    assert mine.isdisjoint(copy.measures.values_list("pk", flat=True))
    history = Project.history.filter(id=copy.pk)
    assert (
        history.exists() and history.count() == Project.history.filter(id=rich_project.pk).count()
    )


def test_rows_whose_ids_are_taken_get_new_ids(rich_project, tmp_path):
    envelope = _export(rich_project, tmp_path)
    for row in envelope["objects"]:  # the same rows, said to be another project's
        if row["model"] == "projects.project":
            row["pk"] = 999
        if row["fields"].get("project") == rich_project.pk:
            row["fields"]["project"] = 999
        if row["model"] == "projects.historicalproject":
            row["fields"]["id"] = 999
    before = canonical(json.dumps(_dump(rich_project)))
    _import(envelope, tmp_path)
    other = Project.objects.get(pk=999)
    assert other.memberships.count() == 3 and other.measures.count() == 1
    assert canonical(json.dumps(_dump(rich_project))) == before


def _malformed():
    def edit(change):
        def make(envelope):
            change(envelope)
            return envelope

        return make

    def row(model):
        return lambda e: next(r for r in e["objects"] if r["model"] == model)

    project = row("projects.project")
    return [
        ("not json", lambda e: '{"format": "innoportal-project", ', "not valid JSON"),
        ("a list", lambda e: e["objects"], "not a project file"),
        ("another format", edit(lambda e: e.update(format="other")), "not a project file"),
        ("version 1", edit(lambda e: e.update(version=1)), "format version 1; this portal"),
        ("version text", edit(lambda e: e.update(version="2")), "format version 2; this portal"),
        ("template", edit(lambda e: e.update(kind="template")), "holds a template"),
        ("no objects", edit(lambda e: e.pop("objects")), "no list “objects”"),
        ("people not a list", edit(lambda e: e.update(people={})), "no list “people”"),
        ("person without e-mail", edit(lambda e: e["people"][0].pop("email")), "Person 1"),
        ("bad username", edit(lambda e: e["people"][0].update(username="a b/c")), "a b/c"),
        ("bad e-mail", edit(lambda e: e["people"][0].update(email="nope")), "email address"),
        ("person not listed", edit(lambda e: e["people"].pop(0)), "does not list: alice"),
        ("pk as text", edit(lambda e: project(e).update(pk="1")), "Row 2 of the file"),
        ("fields a list", edit(lambda e: project(e).update(fields=[])), "Row 2 of the file"),
        (
            "a user row",
            edit(lambda e: e["objects"].append({"model": "auth.user", "pk": 9, "fields": {}})),
            "auth.user",
        ),
        ("two projects", edit(lambda e: e["objects"].append(dict(project(e)))), "exactly one"),
        ("no project", edit(lambda e: e["objects"].remove(project(e))), "exactly one"),
        (
            "wrong type",
            edit(lambda e: project(e)["fields"].update(start_date="soon")),
            "cannot be read",
        ),
        ("unknown field", edit(lambda e: project(e)["fields"].update(colour=1)), "cannot be read"),
        ("unit unnamed", edit(lambda e: row("projects.unit")(e)["fields"].pop("name")), "unit"),
    ]


@pytest.mark.parametrize(("case", "make", "message"), _malformed(), ids=lambda v: str(v)[:30])
def test_a_malformed_file_is_refused_clearly_and_changes_nothing(
    rich_project, tmp_path, case, make, message
):
    envelope = _export(rich_project, tmp_path)
    project_erase(project_id=rich_project.pk)  # so only the file's faults refuse it
    before = _state()
    data = make(envelope)
    with pytest.raises(CommandError, match="cannot import") as refused:
        _import(data if isinstance(data, str) else json.dumps(data), tmp_path)
    assert message in str(refused.value)
    assert _state() == before


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("import_project", str(tmp_path / "none.json"))


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
    call_command("import_project", str(path), stdout=io.StringIO())
    assert set(
        Project.history.filter(id=rich_project.pk).values_list("history_date", flat=True)
    ) == {stamp}


def test_a_restored_project_gets_a_new_change_stamp(rich_project, tmp_path):
    path = tmp_path / "project.json"
    call_command("export_project", rich_project.pk, output=str(path))
    exported = Project.objects.get(pk=rich_project.pk).change_stamp
    call_command("import_project", str(path), "--replace", stdout=io.StringIO())
    assert Project.objects.get(pk=rich_project.pk).change_stamp != exported


def test_the_unit_is_matched_by_name_and_new_rows_follow_the_restored_ids(
    rich_project, alice, tmp_path
):
    envelope = _export(rich_project, tmp_path)
    project_erase(project_id=rich_project.pk)
    shift = 5000  # ids far above any this database has given out
    for row in envelope["objects"]:
        if row["model"] == "projects.unit":
            row["pk"] = 4242  # another database's id of the same unit
        else:
            row["pk"] += shift
            for name in ("id", "project"):
                if isinstance(row["fields"].get(name), int):
                    row["fields"][name] += shift
        if row["fields"].get("unit") == rich_project.unit_id:
            row["fields"]["unit"] = 4242
    _import(envelope, tmp_path)
    restored = Project.objects.get(pk=rich_project.pk + shift)
    assert restored.unit_id == rich_project.unit_id and Unit.objects.count() == 1
    new = Project.objects.create(title="Ny")  # not refused by an id already in use
    assert new.pk > restored.pk
    member = Membership.objects.create(project=new, user=alice, role="team_member")
    assert member.pk > max(Membership.objects.exclude(pk=member.pk).values_list("pk", flat=True))


def _discuss(project, alice):
    from projects.discussion.services import edit_comment, post_comment
    from projects.selectors import project_for_user

    actor = project_for_user(alice, project.pk).actor
    measure = project.measures.get()
    on_measure, _ = post_comment(
        project=project, actor=actor, target=measure, text="@bob <b>se</b> https://x.no"
    )
    edit_comment(comment=on_measure, actor=actor, text="@bob og @olga, se her", version=1)
    post_comment(project=project, actor=actor, target=project, text="Om prosjektet")


def test_comments_round_trip_with_their_history_and_mentions(rich_project, alice, tmp_path):
    from projects.models import Comment

    _discuss(rich_project, alice)
    before = _export(rich_project, tmp_path)
    assert any(row["model"] == "projects.historicalcomment" for row in before["objects"])
    project_erase(project_id=rich_project.pk)
    assert not Comment.objects.exists()

    _import(before, tmp_path)
    assert canonical(json.dumps(_dump(rich_project))) == canonical(json.dumps(before))
    comment = Comment.objects.get(text__startswith="@bob")
    assert comment.target == rich_project.measures.get()
    assert comment.text == "@bob og @olga, se her" and comment.author.username == "alice"
    assert sorted(comment.mentions.values_list("username", flat=True)) == ["bob", "olga"]
    assert comment.history.count() == 2


def test_a_copied_project_s_comments_point_at_its_own_items(rich_project, alice, tmp_path):
    from projects.models import Comment

    _discuss(rich_project, alice)
    envelope = _export(rich_project, tmp_path)
    _import(envelope, tmp_path, "--as-new")
    copy = Project.objects.exclude(pk=rich_project.pk).get()
    copied = Comment.objects.filter(project=copy)
    assert {c.target for c in copied} == {copy, copy.measures.get()}
    assert Comment.objects.filter(project=rich_project).count() == 2
    on_measure = copied.get(text__startswith="@bob")
    assert sorted(on_measure.mentions.values_list("username", flat=True)) == ["bob", "olga"]


@pytest.mark.parametrize("model", ["projects.measure", "projects.experiment", "projects.goal"])
def test_a_responsible_person_outside_the_project_is_refused(
    rich_project, charlie, tmp_path, model
):
    envelope = _export(rich_project, tmp_path)
    row = next(obj for obj in envelope["objects"] if obj["model"] == model)
    row["fields"]["responsible"] = ["charlie"]
    envelope["people"].append(
        {"username": "charlie", "first_name": "", "last_name": "", "email": "charlie@example.no"}
    )
    before = _state()
    with pytest.raises(CommandError, match="charlie.*not a member of the project"):
        _import(envelope, tmp_path, "--as-new")
    assert _state() == before
