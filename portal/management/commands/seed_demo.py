"""A realistic demo portfolio of a Norwegian municipality. Safe to run again:
existing users and projects are kept, never duplicated.

The demo projects are backups (portal/demo/*.json, as `export_project` writes
them) restored the way `import_project` restores one, so seeding the demo also
proves a restore. The users they name are created here first."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from canvas.models import Canvas
from canvas.services import snapshot_create
from portal.backup import project_id_of, project_import
from projects.models import Project
from projects.selectors import LEADERS_GROUP

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo"

DEMO_PASSWORD = "innoportal-demo"

USERS = [
    # username, first name, last name, global role
    ("kari", "Kari", "Nordmann", None),
    ("ola", "Ola", "Hansen", None),
    ("nina", "Nina", "Berg", None),
    ("per", "Per", "Olsen", None),
    ("siri", "Siri", "Lund", None),
    ("lena", "Lena", "Dahl", "leader"),
    ("admin", "Anne", "Admin", "admin"),
]


class Command(BaseCommand):
    help = "Create the demo portfolio (users, units, projects). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when any project exists."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DEBUG off (the demo users share one known password).",
        )

    @transaction.atomic
    def handle(self, *args, if_empty=False, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo data with DEBUG off: it creates an administrator "
                f"and other users with the known password {DEMO_PASSWORD!r}. "
                "Run it with DEBUG=true, or add --force for a throwaway database."
            )
        if if_empty and Project.objects.exists():
            self.stdout.write("Demo data: the database already has projects, left as it is.")
        else:
            self._seed()
        self._print_logins()

    def _seed(self):
        users = self._users()
        paths = sorted(DEMO_DIR.glob("*.json"))
        for path in paths:
            data = path.read_text(encoding="utf-8")
            if Project.objects.filter(pk=project_id_of(data)).exists():
                continue  # seeded before (or the id is taken): kept as it is
            try:
                project_id = project_import(data=data)
            except ValueError as exc:
                self.stderr.write(f"Demo project {path.name} left out: {exc}")
                continue
            self._snapshots(project_id=project_id, by=users["kari"])
        self.stdout.write(f"Demo data: {len(paths)} projects, {len(users)} users.")

    def _snapshots(self, *, project_id, by):
        """Snapshots are not part of a backup: each demo board gets the one it
        had after its first workshop."""
        for canvas in Canvas.objects.filter(project_id=project_id, snapshots__isnull=True):
            snapshot_create(canvas=canvas, name="Etter første workshop", by=by)

    def _print_logins(self):
        roles = {
            "kari": "team member",
            "ola": "solution owner",
            "nina": "commissioning owner",
            "per": "viewer",
            "lena": "leader (reads every project)",
            "admin": "administrator (/admin/)",
        }
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, role in roles.items():
            self.stdout.write(f"  {username:<6} {role}")

    def _users(self):
        leaders, _ = Group.objects.get_or_create(name=LEADERS_GROUP)
        users = {}
        for username, first, last, kind in USERS:
            user, created = get_user_model().objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@demo.kommune.no",
                    "is_staff": kind == "admin",
                    "is_superuser": kind == "admin",
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            if kind == "leader":
                user.groups.add(leaders)
            users[username] = user
        return users
