"""The parts of a step page drawn as it stands are cached as rendered: under the
project's change stamp, the person's standing and their CSRF secret."""

import re

from django.test import Client
from django.urls import reverse

from projects.models import Supplier
from tests.factories import count_queries

from .flow_data import make_row


def _deliver(project) -> str:
    return reverse("projects:step-deliver", args=[project.pk])


def test_a_second_visit_reads_less_and_a_change_shows_at_once(client, alice, project):
    make_row("suppliers", project)
    client.force_login(alice)
    url = _deliver(project)
    first = count_queries(client, url)
    assert count_queries(client, url) < first
    Supplier.objects.create(project=project, name="Nyleverandør")  # recorded: a new stamp
    page = client.get(url).text
    assert "Nyleverandør" in page
    assert '<span class="muted" id="nav-count-suppliers">(2)</span>' in page


def test_a_viewer_never_gets_what_an_editor_was_shown(client, alice, bob, project):
    make_row("suppliers", project)
    client.force_login(alice)
    url = _deliver(project)
    assert 'method="post"' in client.get(url).text.split('<main id="main"')[1]
    viewer = Client()
    viewer.force_login(bob)
    assert 'method="post"' not in viewer.get(url).text.split('<main id="main"')[1]


def test_each_person_gets_forms_with_their_own_valid_token(client, alice, project):
    supplier = make_row("suppliers", project)
    client.force_login(alice)
    client.get(_deliver(project))  # cached for this browser
    other = Client(enforce_csrf_checks=True)
    other.force_login(alice)
    page = other.get(_deliver(project)).text
    delete = f"{supplier.pk}/delete/"
    form = page[page.index(delete) :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = other.post(
        reverse("projects:section-delete", args=[project.pk, "suppliers", supplier.pk]),
        {"csrfmiddlewaretoken": token},
    )
    assert response.status_code in (200, 302)
    assert not Supplier.objects.filter(pk=supplier.pk).exists()
