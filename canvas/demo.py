"""Demo canvases for the demo portfolio (portal's seed_demo calls `seed`)."""

from django.contrib.auth.models import AbstractBaseUser

from projects.models import Project

from .models import Canvas, Note
from .services import snapshot_create

# project title -> canvas title -> block -> [(text, colour, hypothesis to test)]
CANVASES = {
    "Digital innbyggerdialog i hjemmetjenesten": {
        "I dag": {
            "key_partners": [("Leverandør av fagsystemet", "yellow", False)],
            "key_activities": [("Ringe brukere ved endret besøkstid", "yellow", False)],
            "key_resources": [("Ansatte i hjemmetjenesten", "yellow", False)],
            "value_propositions": [("Faste besøk etter vedtak", "yellow", False)],
            "customer_relationships": [("Telefon til tjenesten på dagtid", "blue", False)],
            "channels": [("Telefon", "blue", False), ("Brev", "blue", False)],
            "customer_segments": [("Brukere av hjemmetjenesten", "green", False)],
            "cost_structure": [("Tid brukt på telefon", "pink", False)],
            "revenue_streams": [("Kommunens budsjett for helse og omsorg", "orange", False)],
        },
        "Framtiden": {
            "key_partners": [
                ("Leverandør av fagsystemet", "yellow", False),
                ("Pårørendeforeningen", "yellow", False),
            ],
            "key_activities": [("Varsle automatisk ved endret besøkstid", "yellow", False)],
            "key_resources": [("Digital varslingsløsning (SMS og app)", "yellow", False)],
            "value_propositions": [
                ("Brukere og pårørende vet når hjelpen kommer", "green", True),
                ("Færre bortkastede besøk", "green", False),
            ],
            "customer_relationships": [("Selvbetjening med mulighet for å ringe", "blue", False)],
            "channels": [("SMS", "blue", True), ("Helsenorge", "blue", False)],
            "customer_segments": [
                ("Brukere av hjemmetjenesten", "green", False),
                ("Pårørende som bor langt unna", "green", True),
            ],
            "cost_structure": [("Lisens for varslingsløsning", "pink", False)],
            "revenue_streams": [
                ("Spart tid i tjenesten: færre telefoner", "orange", True),
                ("Tilskudd fra velferdsteknologiprogrammet", "orange", False),
            ],
        },
    },
    "Veiviser for byggesøknader": {
        "Første utkast": {
            "value_propositions": [("Innbyggere vet om tiltaket er søknadspliktig", "green", True)],
            "customer_segments": [
                ("Huseiere som vil bygge garasje eller terrasse", "green", False)
            ],
            "channels": [("Kommunens nettside", "blue", False)],
            "key_resources": [("Plan- og bygningsloven i klart språk", "yellow", False)],
            "cost_structure": [("Utvikling og forvaltning av veiviseren", "pink", False)],
            "revenue_streams": [("Færre henvendelser til byggesaksavdelingen", "orange", True)],
        },
    },
}


def seed(*, projects: dict[str, Project], users: dict[str, AbstractBaseUser]) -> None:
    """Create the demo canvases that are missing; existing ones are left as they are."""
    author = users.get("kari")
    for project_title, canvases in CANVASES.items():
        project = projects.get(project_title)
        if project is None:
            continue
        for canvas_title, blocks in canvases.items():
            canvas, created = Canvas.objects.get_or_create(project=project, title=canvas_title)
            if not created:
                continue
            for block, notes in blocks.items():
                for position, (text, colour, hypothesis) in enumerate(notes):
                    Note.objects.create(
                        canvas=canvas,
                        block=block,
                        text=text,
                        color=colour,
                        hypothesis=hypothesis,
                        position=position,
                        created_by=author,
                    )
            snapshot_create(canvas=canvas, name="Etter første workshop", by=author)
