"""The single texts of the steps: hypothesis, selection criteria, bimodal
placement, implementation and operation."""

import re

from django.test import Client
from django.urls import reverse

from projects.flow.forms import BimodalForm, CriteriaForm, HypothesisForm
from projects.models import Membership, ProjectFlow
from projects.versioning import part_digest


def blank(form_class) -> str:
    """The part digest a user sees on a page whose texts are still empty."""
    return part_digest(ProjectFlow(), form_class._meta.fields)


HTMX = {"HX-Request": "true"}


def url(project, part):
    return reverse("projects:flow-part", args=[project.pk, part])


HYPOTHESIS = {
    "hypothesis-hypothesis_project": "brukerne får SMS før besøk",
    "hypothesis-hypothesis_value": "færre bomturer",
    "hypothesis-hypothesis_measures": "bomturene halveres",
    "hypothesis-part_digest": blank(HypothesisForm),
}


def test_it_saves_the_hypothesis_in_place(client, alice, project):
    client.force_login(alice)
    r = client.post(url(project, "hypothesis"), HYPOTHESIS, headers=HTMX)
    assert r.status_code == 200 and "<html" not in r.text and 'id="hypothesis"' in r.text
    assert "announce" in r["HX-Trigger"]
    assert project.flow.hypothesis_value == "færre bomturer"


def test_it_saves_the_hypothesis_with_a_plain_form(client, alice, project):
    client.force_login(alice)
    r = client.post(url(project, "hypothesis"), HYPOTHESIS)
    assert r.status_code == 302 and r["Location"].endswith("#hypothesis")


def test_it_keeps_earlier_wordings(client, alice, project):
    client.force_login(alice)
    client.post(url(project, "hypothesis"), HYPOTHESIS, headers=HTMX)
    second = {
        **HYPOTHESIS,
        "hypothesis-hypothesis_value": "færre telefoner",
        "hypothesis-part_digest": part_digest(
            ProjectFlow.objects.get(), HypothesisForm._meta.fields
        ),
    }
    r = client.post(url(project, "hypothesis"), second, headers=HTMX)
    assert "færre telefoner" in r.text
    assert "1 tidligere formulering" in r.text or "1 earlier wording" in r.text
    assert "færre bomturer" in r.text


def test_it_refuses_a_stale_hypothesis(client, alice, project):
    client.force_login(alice)
    client.post(url(project, "hypothesis"), HYPOTHESIS, headers=HTMX)
    stale = {**HYPOTHESIS, "hypothesis-hypothesis_value": "noe annet"}  # from the blank page
    r = client.post(url(project, "hypothesis"), stale, headers=HTMX)
    assert r.status_code == 409 and "noe annet" in r.text
    assert ProjectFlow.objects.get().hypothesis_value == "færre bomturer"


def test_saving_one_part_leaves_the_others_current(client, alice, project):
    # Both forms come from the same page; the hypothesis is saved first.
    client.force_login(alice)
    assert client.post(url(project, "hypothesis"), HYPOTHESIS, headers=HTMX).status_code == 200
    r = client.post(url(project, "criteria"), criteria(), headers=HTMX)
    assert r.status_code == 200
    assert ProjectFlow.objects.get().isolated is True


def test_it_refuses_too_long_text(client, alice, project):
    client.force_login(alice)
    data = {**HYPOTHESIS, "hypothesis-hypothesis_value": "x" * 1001}
    r = client.post(url(project, "hypothesis"), data, headers=HTMX)
    assert r.status_code == 200 and "ds-error-summary" in r.text
    assert not ProjectFlow.objects.exists()
    r = client.post(url(project, "hypothesis"), data)
    assert r.status_code == 200 and "<html" in r.text and "ds-error-summary" in r.text


def criteria(**answers):
    data = {"criteria-part_digest": blank(CriteriaForm)}
    for key, _label in ProjectFlow.CRITERIA:
        data[f"criteria-{key}"] = answers.get(key, "true")
        data[f"criteria-{key}_note"] = ""
    return data


def test_it_counts_the_criteria_met(client, alice, project):
    client.force_login(alice)
    r = client.post(url(project, "criteria"), criteria(partner="false"), headers=HTMX)
    assert r.status_code == 200
    assert "5 av 6" in r.text or "5 of 6" in r.text
    flow = ProjectFlow.objects.get()
    assert flow.isolated is True and flow.partner is False


def test_it_refuses_an_unknown_answer(client, alice, project):
    client.force_login(alice)
    r = client.post(url(project, "criteria"), criteria(quick="kanskje"), headers=HTMX)
    assert r.status_code == 200 and "ds-error-summary" in r.text
    assert not ProjectFlow.objects.exists()


def test_it_places_the_project_in_the_bimodal_matrix(client, alice, project):
    client.force_login(alice)
    data = {
        "bimodal-mode1_effect": "low",
        "bimodal-bimodal_maturity": "low",
        "bimodal-part_digest": blank(BimodalForm),
    }
    r = client.post(url(project, "bimodal"), data, headers=HTMX)
    assert r.status_code == 200 and "bimodal__cell--here" in r.text
    assert ProjectFlow.objects.get().mode1_effect == "low"


def test_the_bimodal_placement_needs_both_answers(client, alice, project):
    client.force_login(alice)
    r = client.post(url(project, "bimodal"), {"bimodal-mode1_effect": "low"}, headers=HTMX)
    assert r.status_code == 200 and "ds-error-summary" in r.text
    assert not ProjectFlow.objects.exists()


def test_it_saves_implementation_and_operation(client, alice, project):
    client.force_login(alice)
    data = {
        "implementation-operation": "Løsningseier følger opp i driftsmøtet.",
    }
    r = client.post(url(project, "implementation"), data, headers=HTMX)
    assert r.status_code == 200 and 'id="implementation"' in r.text
    assert ProjectFlow.objects.get().operation.startswith("Løsningseier")


def test_an_unknown_part_is_not_found(client, alice, project):
    client.force_login(alice)
    assert client.post(url(project, "budget"), {}).status_code == 404


def test_outsiders_get_404_and_viewers_403(client, bob, charlie, project):
    client.force_login(charlie)
    assert client.post(url(project, "hypothesis"), HYPOTHESIS, headers=HTMX).status_code == 404
    client.force_login(bob)
    assert client.post(url(project, "hypothesis"), HYPOTHESIS, headers=HTMX).status_code == 403
    assert not ProjectFlow.objects.exists()


def test_it_is_recorded_in_history(client, alice, project):
    client.force_login(alice)
    client.post(url(project, "hypothesis"), HYPOTHESIS, headers=HTMX)
    r = client.get(reverse("projects:history", args=[project.pk]))
    assert "færre bomturer" in r.text


def loaded_page(client, project) -> dict:
    """The hypothesis form as a page loaded now would post it, unchanged."""
    flow = ProjectFlow.objects.get(project=project)
    form = HypothesisForm(instance=flow, project=project, prefix="hypothesis")
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[form.add_prefix(name)] = "" if value is None else value
    return data


def two_writers(client, alice, leader, project):
    """Alice's saved hypothesis; Lena, a second team member, logged in on her own client."""
    Membership.objects.create(project=project, user=leader, role=Membership.Role.TEAM_MEMBER)
    client.force_login(alice)
    start = {**HYPOTHESIS, "hypothesis-hypothesis_project": "første linje\nandre linje"}
    client.post(url(project, "hypothesis"), start, headers=HTMX)
    other = Client()
    other.force_login(leader)
    return other, loaded_page(client, project)


def test_saves_of_different_lines_at_once_are_merged(client, alice, leader, project):
    other, page = two_writers(client, alice, leader, project)
    lena = {**page, "hypothesis-hypothesis_project": "FØRSTE LINJE\nandre linje"}
    assert other.post(url(project, "hypothesis"), lena, headers=HTMX).status_code == 200
    # Alice saves from the same page: another line, and another field.
    mine = {
        **page,
        "hypothesis-hypothesis_project": "første linje\nandre linje\ntredje linje",
        "hypothesis-hypothesis_value": "færre telefoner",
    }
    r = client.post(url(project, "hypothesis"), mine, headers=HTMX)
    assert r.status_code == 200
    assert "Lena Leder" in r.text and "merge-pair" not in r.text
    flow = ProjectFlow.objects.get()
    assert flow.hypothesis_project == "FØRSTE LINJE\nandre linje\ntredje linje"
    assert flow.hypothesis_value == "færre telefoner"
    assert flow.history.first().history_user == alice


def test_saves_of_the_same_line_at_once_show_both_texts(client, alice, leader, project):
    other, page = two_writers(client, alice, leader, project)
    lena = {**page, "hypothesis-hypothesis_project": "Lenas linje\nandre linje"}
    other.post(url(project, "hypothesis"), lena, headers=HTMX)
    mine = {**page, "hypothesis-hypothesis_project": "Alices linje\nandre linje"}
    r = client.post(url(project, "hypothesis"), mine, headers=HTMX)
    assert r.status_code == 409
    assert ProjectFlow.objects.get().hypothesis_project == "Lenas linje\nandre linje"
    # The form holds the current text; one's own is beside it, read-only and
    # not in a collapsed box.
    assert 'class="merge-pair"' in r.text and "<details><summary" not in r.text
    assert re.search(r'<textarea name="hypothesis-hypothesis_project"[^>]*>\s*Lenas linje', r.text)
    assert re.search(r'id="id_hypothesis-hypothesis_project_mine"[^>]*readonly>\s*Alices', r.text)
    # Saving again from the refused form merges from the current text.
    again = {**loaded_page(client, project), "hypothesis-hypothesis_value": "mer tid"}
    assert client.post(url(project, "hypothesis"), again, headers=HTMX).status_code == 200
    assert ProjectFlow.objects.get().hypothesis_value == "mer tid"


def test_a_plain_form_shows_both_texts_on_a_clash(client, alice, leader, project):
    other, page = two_writers(client, alice, leader, project)
    lena = {**page, "hypothesis-hypothesis_project": "Lenas linje\nandre linje"}
    other.post(url(project, "hypothesis"), lena)
    mine = {**page, "hypothesis-hypothesis_project": "Alices linje\nandre linje"}
    r = client.post(url(project, "hypothesis"), mine)
    assert r.status_code == 409 and "<html" in r.text and "Alices linje" in r.text
    assert ProjectFlow.objects.get().hypothesis_project == "Lenas linje\nandre linje"


def test_a_merge_too_long_for_the_field_is_refused(client, alice, leader, project):
    other, page = two_writers(client, alice, leader, project)
    lena = {**page, "hypothesis-hypothesis_project": "L" * 600 + "\nandre linje"}
    other.post(url(project, "hypothesis"), lena, headers=HTMX)
    mine = {**page, "hypothesis-hypothesis_project": "første linje\n" + "A" * 600}
    r = client.post(url(project, "hypothesis"), mine, headers=HTMX)
    assert r.status_code == 409 and "A" * 600 in r.text
    assert ProjectFlow.objects.get().hypothesis_project == "L" * 600 + "\nandre linje"
