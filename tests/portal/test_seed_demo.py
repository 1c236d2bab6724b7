"""The demo data (users with one known password, an administrator among them)
is only loaded where DEBUG is on, or when asked for with --force."""

import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from projects.models import Project
from tests.factories import make_project

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def test_it_refuses_with_debug_off_and_creates_nothing(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Refusing to load demo data with DEBUG off"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not get_user_model().objects.exists()
    assert not Project.objects.exists()


def test_it_runs_with_debug_on(settings):
    settings.DEBUG = True
    make_project(title="Eksisterende")
    out = io.StringIO()
    call_command("seed_demo", if_empty=True, stdout=out)
    assert "already has projects" in out.getvalue()


def test_the_command_exits_non_zero_in_production(tmp_path):
    database = tmp_path / "prod.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "false",
        "SECRET_KEY": "a-real-production-secret-" + "k3y" * 20,
        "DATABASE_URL": f"sqlite:///{database}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Refusing to load demo data with DEBUG off" in result.stderr
    assert "--force" in result.stderr
    assert "Demo data" not in result.stdout
    if database.exists():  # opened by the checks, but nothing written
        with sqlite3.connect(database) as db:
            assert db.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)


def test_the_seeded_demo_is_its_backup_files_restored():
    from portal.backup import canonical, project_export, project_id_of
    from portal.management.commands.seed_demo import DEMO_DIR

    call_command("seed_demo", force=True, stdout=io.StringIO())
    paths = sorted(DEMO_DIR.glob("*.json"))
    assert len(paths) == Project.objects.count() == 7
    for path in paths:
        data = path.read_text(encoding="utf-8")
        exported = project_export(project_id=project_id_of(data))
        assert canonical(exported) == canonical(data), path.name


def test_the_demo_files_name_only_demo_users_and_their_units_by_name():
    from portal.management.commands.seed_demo import DEMO_DIR, USERS
    from projects.models import Unit
    from tests.factories import make_unit

    usernames = {name for name, *_ in USERS}
    for path in DEMO_DIR.glob("*.json"):
        envelope = json.loads(path.read_text(encoding="utf-8"))
        assert {p["username"] for p in envelope["people"]} <= usernames, path.name
        assert all("password" not in p for p in envelope["people"])
        for row in envelope["objects"]:
            for value in row["fields"].values():
                if isinstance(value, list) and value and isinstance(value[0], str):
                    assert len(value) == 1 and value[0] in usernames, (path.name, value)
    existing = make_unit("Plan og bygg")  # its id is not the one in the files
    call_command("seed_demo", force=True, stdout=io.StringIO())
    assert Unit.objects.count() == 4
    assert set(Project.objects.filter(unit=existing).values_list("title", flat=True)) == {
        "Veiviser for byggesøknader",
        "Digital søknad om startlån",
    }
