"""The benefit form's fields are kept in the cache under what they show: a
new measure, a saved benefit and a renamed member show at once."""

from django.urls import reverse

from projects.models import Measure

from .builders import make_benefit
from .conftest import HTMX


def form(client, project, benefit) -> str:
    url = reverse("benefits:benefit-edit", args=[project.pk, benefit.pk])
    return client.get(url, headers=HTMX).text


def test_the_kept_fields_follow_new_measures_edits_and_names(member_client, project, plan, alice):
    benefit = make_benefit(plan, title="Færre telefoner", owner=alice)
    assert "Færre telefoner" in form(member_client, project, benefit)
    Measure.objects.create(project=project, title="SMS-varsel")  # recorded: a new change stamp
    assert "SMS-varsel" in form(member_client, project, benefit)
    benefit.title = "Færre besøk"
    benefit.save()
    html = form(member_client, project, benefit)
    assert "Færre besøk" in html and "Færre telefoner" not in html
    alice.first_name, alice.last_name = "Alida", "Omdøpt"
    alice.save()  # a person is no row of the project: only the names in the key see it
    assert "Alida Omdøpt" in form(member_client, project, benefit)


def test_a_refused_post_shows_its_own_values_and_errors(member_client, project, plan, alice):
    benefit = make_benefit(plan, title="Færre telefoner", owner=alice)
    form(member_client, project, benefit)  # the unbound fields are now kept
    url = reverse("benefits:benefit-edit", args=[project.pk, benefit.pk])
    data = {"title": "Bedre kvalitet", "kind": "quality", "version": benefit.version}
    html = member_client.post(url, data, headers=HTMX).text
    assert 'value="Bedre kvalitet"' in html and 'value="Færre telefoner"' not in html
    assert "ds-validation-message" in html
