"""Valid form input for every list of the step pages, and rows to fill them."""

from datetime import date

from projects.models import (
    Activity,
    DesignPrinciple,
    Experiment,
    Goal,
    IdentifiedBenefit,
    JourneyStage,
    Lesson,
    Measure,
    Stakeholder,
    Supplier,
    SupplierDialogue,
    Touchpoint,
    TrialEntry,
    UserProfile,
)

# Per section slug: valid POST data (without prefix), and the field that must
# not be blank (sent as spaces to test refusal).
VALID = {
    "experiments": {"date": "2026-03-02", "title": "SMS-varsel før besøk", "decision": "persevere"},
    "goals": {"level": "user", "title": "Færre bomturer", "success": "Under 2 % bomturer"},
    "principles": {"title": "Digitalt førstevalg, men ikke bare digitalt"},
    "benefits": {"title": "Spart kjøretid", "kind": "time_saved"},
    "suppliers": {
        "name": "Visma",
        "responsibility": "shared",
        "area": "it",
        "proactive": "4",
        "reactive": "3",
    },
    "dialogues": {"date": "2026-04-01", "summary": "Første møte om API"},  # + supplier
    "touchpoints": {"title": "SMS-varsel", "kind": "digital", "status": "idea"},
    "journey-today": {"title": "Venter på besøk"},
    "journey-future": {"title": "Får varsel"},
    "trials": {"date": "2026-05-10", "title": "Pilot i sone nord"},
    "lessons": {"title": "Involver nattevaktene tidlig"},
    "stakeholders": {"name": "Pårørende", "interest": "5", "influence": "2"},
    "profiles": {"title": "Eldre bruker med hjemmetjeneste"},
    "measures": {"title": "Automatisk SMS", "benefit": "5", "effort": "2", "status": "proposed"},
    "activities": {"status": "in_progress", "due_date": "2026-06-01"},
}
REQUIRED = {
    "experiments": "title",
    "goals": "title",
    "principles": "title",
    "benefits": "title",
    "suppliers": "name",
    "dialogues": "summary",
    "touchpoints": "title",
    "journey-today": "title",
    "journey-future": "title",
    "trials": "title",
    "lessons": "title",
    "stakeholders": "name",
    "profiles": "title",
    "measures": "title",
}


def make_row(slug: str, project, n: int = 0):
    """A saved row of section `slug` in `project`."""
    d = date(2026, 1, 1)
    match slug:
        case "experiments":
            return Experiment.objects.create(project=project, date=d, title=f"Eksperiment {n}")
        case "goals":
            return Goal.objects.create(project=project, level="user", title=f"Mål {n}")
        case "principles":
            return DesignPrinciple.objects.create(project=project, title=f"Prinsipp {n}")
        case "benefits":
            return IdentifiedBenefit.objects.create(project=project, title=f"Gevinst {n}")
        case "suppliers":
            return Supplier.objects.create(project=project, name=f"Leverandør {n}")
        case "dialogues":
            supplier = Supplier.objects.filter(project=project).first() or make_row(
                "suppliers", project, n
            )
            return SupplierDialogue.objects.create(
                project=project, supplier=supplier, date=d, summary=f"Møte {n}"
            )
        case "touchpoints":
            return Touchpoint.objects.create(project=project, title=f"Kontaktpunkt {n}")
        case "journey-today" | "journey-future":
            return JourneyStage.objects.create(
                project=project, journey=slug.split("-")[1], title=f"Steg {n}", position=n
            )
        case "trials":
            return TrialEntry.objects.create(project=project, date=d, title=f"Utprøving {n}")
        case "lessons":
            return Lesson.objects.create(project=project, title=f"Lærdom {n}")
        case "stakeholders":
            return Stakeholder.objects.create(project=project, name=f"Aktør {n}")
        case "profiles":
            return UserProfile.objects.create(project=project, title=f"Profil {n}")
        case "measures":
            return Measure.objects.create(project=project, title=f"Tiltak {n}", benefit=1 + n % 5)
        case "activities":
            key = Activity.KEYS[n % len(Activity.KEYS)][0]
            return Activity.objects.get_or_create(project=project, key=key)[0]
    raise ValueError(slug)


def post_data(slug: str, prefix: str, project, **extra) -> dict:
    data = {**VALID[slug], **extra}
    if slug == "dialogues" and "supplier" not in data:
        data["supplier"] = str(make_row("suppliers", project).pk)
    return {f"{prefix}-{k}": v for k, v in data.items()}
