"""The three steps' pages over one project with long lists on every step."""

from datetime import date

from django.test import Client

from bench.harness import request, timed
from projects.flow.services import activities_seed
from projects.models import (
    Experiment,
    GateDecision,
    Goal,
    JourneyStage,
    Measure,
    Stakeholder,
    Supplier,
    SupplierDialogue,
    UserProfile,
)

PAGE_MS = 50
FRAGMENT_MS = 20
ROWS = 20  # rows in each list (a large project; 50 rows cost ~2.5× the time)
MEASURES = 50


def build(ctx: dict) -> None:
    project, member = ctx["project"], ctx["member"]
    d = date(2026, 1, 1)
    activities_seed(project=project)
    Experiment.objects.bulk_create(
        [
            Experiment(
                project=project, date=d, title=f"Eksperiment {i}", learning="Lærte mye. " * 5
            )
            for i in range(ROWS)
        ]
    )
    Goal.objects.bulk_create(
        [
            Goal(project=project, level=Goal.Level.values[i % 3], title=f"Mål {i}")
            for i in range(ROWS)
        ]
    )
    suppliers = Supplier.objects.bulk_create(
        [Supplier(project=project, name=f"Leverandør {i}") for i in range(ROWS)]
    )
    SupplierDialogue.objects.bulk_create(
        [
            SupplierDialogue(project=project, supplier=suppliers[i % ROWS], date=d, summary="Møte")
            for i in range(ROWS)
        ]
    )
    JourneyStage.objects.bulk_create(
        [
            JourneyStage(project=project, journey=j, position=i, title=f"Steg {i}", actor="Bruker")
            for j in ("today", "future")
            for i in range(ROWS)
        ]
    )
    Stakeholder.objects.bulk_create(
        [
            Stakeholder(
                project=project, name=f"Aktør {i}", interest=1 + i % 5, influence=1 + (i // 5) % 5
            )
            for i in range(ROWS)
        ]
    )
    UserProfile.objects.bulk_create(
        [UserProfile(project=project, title=f"Profil {i}") for i in range(ROWS)]
    )
    goals = list(Goal.objects.filter(project=project))
    Measure.objects.bulk_create(
        [
            Measure(
                project=project,
                title=f"Tiltak {i}",
                benefit=1 + i % 5,
                effort=1 + (i // 5) % 5,
                goal=goals[i % len(goals)],
            )
            for i in range(MEASURES)
        ]
    )
    GateDecision.objects.create(
        project=project, step="hypothesis", decision="go_on", comment="Videre.", decided_by=member
    )
    ctx["flow_goal"] = goals[0]


def rows(ctx: dict):
    client = Client()
    client.force_login(ctx["member"])
    base = f"/projects/{ctx['project'].pk}"
    yield timed(
        "page: step 1 hypothesis (20 experiments)",
        PAGE_MS,
        request(client, "get", f"{base}/hypothesis/"),
    )
    yield timed("page: step 2 goals (20 goals)", PAGE_MS, request(client, "get", f"{base}/goals/"))
    yield timed(
        "page: step 3 deliver (11 activities, 20 per list)",
        PAGE_MS,
        request(client, "get", f"{base}/deliver/"),
    )
    yield timed(
        "page: stakeholders and users (20 + 20)",
        PAGE_MS,
        request(client, "get", f"{base}/stakeholders/"),
    )
    yield timed(
        "page: prioritization matrix (50 measures)",
        PAGE_MS,
        request(client, "get", f"{base}/matrix/"),
    )
    yield timed(
        "export: matrix CSV (50 measures)", PAGE_MS, request(client, "get", f"{base}/matrix.csv")
    )
    yield timed(
        "fragment: goal edit form (htmx)",
        FRAGMENT_MS,
        request(client, "get", f"{base}/lists/goals/{ctx['flow_goal'].pk}/", htmx=True),
    )
