"""A realistic demo portfolio of a Norwegian municipality. Safe to run again:
existing users and projects are kept and completed, never duplicated."""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from benefits import demo as benefits_demo
from canvas import demo as canvas_demo
from projects import demo as projects_demo
from projects.models import Membership, Project, Unit
from projects.selectors import LEADERS_GROUP

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

UNITS = ["Helse og omsorg", "Oppvekst og utdanning", "Teknisk drift", "Plan og bygg"]

PROJECTS = [
    {
        "title": "Digital innbyggerdialog i hjemmetjenesten",
        "summary": "Brukere av hjemmetjenesten og pårørende får beskjed om besøkstider og "
        "endringer digitalt, slik at færre ringer tjenesten og flere besøk går som planlagt.",
        "unit": "Helse og omsorg",
        "step": "deliver",
        "status": "on_track",
        "funnel_stage": "project",
        "start_date": date(2026, 1, 12),
        "target_date": date(2027, 6, 30),
        "members": [
            ("kari", "team_member"),
            ("ola", "solution_owner"),
            ("nina", "commissioning_owner"),
            ("per", "viewer"),
        ],
    },
    {
        "title": "Sensorbasert nattilsyn på sykehjem",
        "summary": "Sensorer varsler nattevakten ved fall og uro, i stedet for faste runder "
        "som vekker beboerne.",
        "unit": "Helse og omsorg",
        "step": "operation",
        "status": "on_track",
        "funnel_stage": "operation",
        "start_date": date(2024, 9, 1),
        "target_date": date(2026, 3, 31),
        "members": [
            ("ola", "solution_owner"),
            ("siri", "team_member"),
            ("nina", "commissioning_owner"),
        ],
    },
    {
        "title": "Veiviser for byggesøknader",
        "summary": "En veiviser som hjelper innbyggere å finne ut om tiltaket er søknadspliktig, "
        "før de tar kontakt med kommunen.",
        "unit": "Plan og bygg",
        "step": "hypothesis",
        "status": "on_track",
        "funnel_stage": "idea",
        "start_date": date(2026, 9, 1),
        "target_date": None,
        "members": [
            ("kari", "team_member"),
            ("siri", "team_member"),
            ("lena", "commissioning_owner"),
        ],
    },
    {
        "title": "Felles planlegging av skoleskyss",
        "summary": "Skoler, fylkeskommunen og transportøren planlegger skoleskyss i samme verktøy.",
        "unit": "Oppvekst og utdanning",
        "step": "goals",
        "status": "at_risk",
        "funnel_stage": "matching",
        "start_date": date(2026, 4, 1),
        "target_date": date(2027, 8, 15),
        "members": [("siri", "team_member"), ("kari", "viewer"), ("nina", "commissioning_owner")],
    },
    {
        "title": "Digital søknad om startlån",
        "summary": "Søkere fyller ut søknaden med data hentet fra offentlige registre, og "
        "saksbehandlerne slipper å etterspørre dokumentasjon.",
        "unit": "Plan og bygg",
        "step": "goals",
        "status": "on_track",
        "funnel_stage": "project",
        "start_date": date(2026, 2, 1),
        "target_date": date(2027, 2, 1),
        "members": [
            ("kari", "team_member"),
            ("ola", "team_member"),
            ("nina", "commissioning_owner"),
        ],
    },
    {
        "title": "Droneinspeksjon av kommunale tak",
        "summary": "Droner inspiserer tak på kommunale bygg. Stoppet etter første iterasjon: "
        "regelverket for flyging over skoler gjorde løsningen for kostbar nå.",
        "unit": "Teknisk drift",
        "step": "hypothesis",
        "status": "off_track",
        "funnel_stage": "stopped",
        "start_date": date(2025, 10, 1),
        "target_date": date(2026, 5, 1),
        "members": [("siri", "team_member"), ("lena", "commissioning_owner")],
    },
    {
        "title": "Smart vannmåling",
        "summary": "Digitale vannmålere som oppdager lekkasjer i kommunens ledningsnett tidlig.",
        "unit": "Teknisk drift",
        "step": "hypothesis",
        "status": "on_track",
        "funnel_stage": "matching",
        "start_date": date(2026, 10, 1),
        "target_date": None,
        "members": [("ola", "team_member"), ("per", "viewer"), ("lena", "commissioning_owner")],
    },
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
        units = {name: Unit.objects.get_or_create(name=name)[0] for name in UNITS}
        projects = {}
        for spec in PROJECTS:
            fields = {k: v for k, v in spec.items() if k not in {"title", "members", "unit"}}
            project, _ = Project.objects.get_or_create(
                title=spec["title"], defaults={**fields, "unit": units[spec["unit"]]}
            )
            for username, role in spec["members"]:
                Membership.objects.get_or_create(
                    project=project, user=users[username], defaults={"role": role}
                )
            projects[project.title] = project
        projects_demo.seed(projects=projects, users=users)
        canvas_demo.seed(projects=projects, users=users)
        benefits_demo.seed(projects=projects, users=users)
        self.stdout.write(f"Demo data: {len(PROJECTS)} projects, {len(users)} users.")

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
