"""A team takes a project from an empty hypothesis through both gates into
step 3, fills activities, journey and matrix, and sees it all on the overview."""

from django.urls import reverse

from projects.flow.forms import HypothesisForm
from projects.models import Membership, ProjectFlow
from projects.versioning import part_digest

HTMX = {"HX-Request": "true"}


def test_a_project_goes_through_the_three_steps(client, alice, owner, project):
    pk = project.pk
    client.force_login(alice)
    blank = part_digest(ProjectFlow(), HypothesisForm._meta.fields)
    client.post(
        reverse("projects:flow-part", args=[pk, "hypothesis"]),
        {
            "hypothesis-hypothesis_project": "innbyggerne får SMS",
            "hypothesis-hypothesis_value": "færre telefoner",
            "hypothesis-hypothesis_measures": "30 % færre telefoner",
            "hypothesis-part_digest": blank,
        },
        headers=HTMX,
    )
    client.force_login(owner)
    gate = reverse("projects:gate", args=[pk])
    client.post(gate, {"step": "hypothesis", "decision": "go_on", "comment": "Videre."})

    client.force_login(alice)
    for level in ("user", "service", "organisation"):
        client.post(
            reverse("projects:section-add", args=[pk, "goals"]),
            {"add-goals-level": level, "add-goals-title": f"Mål for {level}"},
            headers=HTMX,
        )
    client.force_login(owner)
    client.post(gate, {"step": "goals", "decision": "go_on", "comment": "Gode mål."})
    project.refresh_from_db()
    assert project.step == "deliver" and project.activities.count() == 11

    client.force_login(alice)
    plan = project.activities.get(key="plan")
    client.post(
        reverse("projects:section-item", args=[pk, "activities", plan.pk]),
        {f"activities-{plan.pk}-status": "done", f"activities-{plan.pk}-version": "1"},
        headers=HTMX,
    )
    client.post(
        reverse("projects:section-add", args=[pk, "journey-future"]),
        {"add-journey-future-title": "Får SMS"},
        headers=HTMX,
    )
    client.post(
        reverse("projects:section-add", args=[pk, "measures"]),
        {
            "add-measures-title": "SMS-varsel",
            "add-measures-benefit": "5",
            "add-measures-effort": "2",
            "add-measures-status": "planned",
        },
        headers=HTMX,
    )
    client.force_login(owner)  # the commissioning owner appoints the solution owner
    client.post(reverse("projects:solution-owner", args=[pk]), {"user": alice.pk})
    client.force_login(alice)
    assert Membership.objects.get(project=project, user=alice).role == "solution_owner"

    overview = client.get(project.get_absolute_url()).text
    done = "".join(part[:200] for part in overview.split("checklist__done")[1:])
    for text in (
        "Hypotesen på tre linjer er skrevet",
        "Mål for brukerne, tjenesten og organisasjonen",
        "Den framtidige tjenestereisen er tegnet",
        "Tiltakene er prioritert",
        "En løsningseier er utnevnt",
    ):
        assert text in done, text
    assert "Videre." in overview and "Gode mål." in overview
    matrix = client.get(reverse("projects:matrix", args=[pk])).text
    assert "SMS-varsel" in matrix and "Gjør nå" in matrix
