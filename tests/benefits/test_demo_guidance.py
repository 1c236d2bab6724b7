"""The demo's home-care plan as a benefit adviser reads it: a benefit map,
indicators with statuses, a plus-minus assessment and a co-financing report,
in the browser, the Excel export and the deck."""

import io
import re

import pandas as pd
from django.core.management import call_command
from django.urls import reverse

from benefits.models import BenefitPlan
from portal.decks import deck_data, slides_for


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_demo_plan_shows_map_statuses_assessment_and_cofinancing(client, db):
    call_command("seed_demo", force=True, verbosity=0)
    plan = BenefitPlan.objects.get(project__title="Digital innbyggerdialog i hjemmetjenesten")
    project = plan.project
    client.force_login(project.memberships.get(role="solution_owner").user)

    page = _text(client.get(reverse("benefits:plan", args=[project.pk])).text)
    assert "I rute 1" in page and "Følg med 1" in page  # indicators counted by status
    assert "Tryggere brukere og pårørende Kvalitet ++ Brukerne vet når hjelpen kommer" in page
    assert "Gevinstkart" in page and "Rapport for medfinansiering" in page
    report = _text(client.get(reverse("benefits:cofinancing", args=[project.pk])).text)
    assert "Færre henvendelser til legevakten Per Hansen Interkommunal legevakt" in report
    assert "<svg" in client.get(reverse("benefits:map", args=[project.pk])).text

    content = client.get(reverse("benefits:export", args=[project.pk])).content
    sheets = pd.read_excel(io.BytesIO(content), sheet_name=None, header=None)
    cofinancing = sheets["Medfinansiering"][0].tolist()
    assert "Nåverdi av gevinster" in cofinancing and "Gevinsteier" in cofinancing
    assert "++" in sheets["Ikke-prissatte virkninger"].to_string()
    assert len(sheets["Gevinstkart"]) == 1 + plan.map_links.count()
    measured = sheets["Målinger"]
    assert len(measured) > 1

    slides = slides_for(deck_data(project))
    # What a slide has no room for is in its notes.
    text = " ".join(str(line) for slide in slides for line in [*slide.lines, *slide.notes])
    assert "++ Tryggere brukere og pårørende – Brukerne vet når hjelpen kommer" in text
    assert "→" in " ".join(slides[7].notes) and slides[7].svg.startswith("<svg")
