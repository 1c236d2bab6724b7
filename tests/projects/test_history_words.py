"""The history in the words of the pages: which text changed, places counted
from 1, a criterion's note named with its criterion, and what a gate decision
changed attributed to it, with its comment."""

from django.urls import reverse
from django.utils import timezone

from projects.flow.services import flow_update, journey_move
from projects.models import Activity, JourneyStage


def history_page(client, user, project) -> str:
    client.force_login(user)
    return client.get(reverse("projects:history", args=[project.pk])).text


def test_a_changed_step_text_is_named(client, alice, project):
    flow_update(project=project, data={"hypothesis_project": "Digitale skjema"}, part_digest=None)
    flow_update(project=project, data={"mode1_effect": "low"}, part_digest=None)
    page = history_page(client, alice, project)
    assert "Portalen endret hypotesen" in page
    assert "Portalen endret den bimodale plasseringen" in page
    assert "Stegtekster" not in page
    assert "Vi tror at: – → Digitale skjema" in page


def test_a_criterions_note_names_the_criterion(client, alice, project):
    flow_update(project=project, data={"quick_note": "Tre uker holder"}, part_digest=None)
    page = history_page(client, alice, project)
    assert "Portalen endret utvalgskriteriene" in page
    assert "Merknad til: Kan gjennomføres raskt: – → Tre uker holder" in page


def test_a_move_counts_places_from_one(client, alice, project):
    first = JourneyStage.objects.create(project=project, journey="today", title="Søke", position=0)
    JourneyStage.objects.create(project=project, journey="today", title="Vente", position=1)
    journey_move(stage=first, offset=1)
    page = history_page(client, alice, project)
    assert "Flyttet fra plass 1 til 2" in page
    assert "Posisjon" not in page and "0 → 1" not in page


def test_what_a_gate_decision_did_is_attributed_to_it_with_its_comment(
    client, owner, alice, project
):
    project.step = "goals"
    project.save()
    client.force_login(owner)
    client.post(
        reverse("projects:gate", args=[project.pk]),
        {"step": "goals", "decision": "go_on", "comment": "Målene er klare."},
    )
    assert Activity.objects.filter(project=project).count() == 11
    page = history_page(client, alice, project)
    today = timezone.localdate().strftime("%d.%m.%Y")
    decision = f"Beslutningen ved beslutningspunktet {today}"
    assert f"{decision} opprettet aktivitet «Pek ut løsningseier»" in page
    assert f"{decision} endret prosjekt" in page
    assert "Olga Oppdrag opprettet beslutning ved beslutningspunkt «Mål: Gå videre»" in page
    assert "Kommentar: Målene er klare." in page
    assert "Olga Oppdrag opprettet aktivitet" not in page
