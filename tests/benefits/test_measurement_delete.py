"""Deleting a measurement from its indicator's page."""

import re
from datetime import date

import pytest
from django.urls import reverse

from benefits.models import Measurement

from .builders import make_benefit, make_indicator


@pytest.fixture
def measurement(plan, alice):
    indicator = make_indicator(make_benefit(plan), by=alice)
    return Measurement.objects.create(
        indicator=indicator, value=72.5, date=date(2026, 4, 1), note="Første"
    )


def url(project, measurement):
    return reverse("benefits:measurement-delete", args=[project.pk, measurement.pk])


def test_it_asks_before_deleting(member_client, project, measurement):
    page = member_client.get(
        reverse("benefits:indicator", args=[project.pk, measurement.indicator_id])
    )
    assert url(project, measurement) in page.text
    r = member_client.get(url(project, measurement))
    assert r.status_code == 200
    assert "Slett målingen" in r.text and "Første" in r.text
    assert re.search(r'name="version"[^>]* value="1"', r.text)
    assert Measurement.objects.filter(pk=measurement.pk).exists()


def test_it_deletes_and_the_history_tells(member_client, project, measurement):
    r = member_client.post(url(project, measurement), {"version": 1})
    assert r.status_code == 302
    assert r["Location"] == reverse(
        "benefits:indicator", args=[project.pk, measurement.indicator_id]
    )
    assert not Measurement.objects.filter(pk=measurement.pk).exists()
    history = member_client.get(reverse("projects:history", args=[project.pk])).text
    assert "Alice Aas slettet måling «2026-04-01»" in history


def test_a_stale_delete_is_refused_with_the_current_measurement(
    member_client, project, measurement
):
    Measurement.objects.filter(pk=measurement.pk).update(value=80, version=2)
    r = member_client.post(url(project, measurement), {"version": 1})
    assert r.status_code == 409
    assert "Noen endret målingen i mellomtiden" in r.text and "80" in r.text
    assert Measurement.objects.filter(pk=measurement.pk).exists()


def test_an_already_deleted_measurement_gets_404(member_client, project, measurement):
    target = url(project, measurement)
    measurement.delete()
    assert member_client.post(target, {"version": 1}).status_code == 404


def test_a_viewer_cannot_delete(client, bob, project, measurement):
    client.force_login(bob)
    assert client.get(url(project, measurement)).status_code == 403
    assert client.post(url(project, measurement), {"version": 1}).status_code == 403
    page = client.get(reverse("benefits:indicator", args=[project.pk, measurement.indicator_id]))
    assert url(project, measurement) not in page.text
    assert Measurement.objects.filter(pk=measurement.pk).exists()


def test_an_outsider_gets_404(client, charlie, project, measurement):
    client.force_login(charlie)
    assert client.post(url(project, measurement), {"version": 1}).status_code == 404
    assert Measurement.objects.filter(pk=measurement.pk).exists()


def test_a_measurement_of_another_project_is_not_found(member_client, project, measurement):
    from tests.factories import make_project

    from .builders import make_plan

    other = make_project(title="Annet")
    other_measurement = Measurement.objects.create(
        indicator=make_indicator(make_benefit(make_plan(other))), value=1, date=date(2026, 1, 1)
    )
    r = member_client.post(url(project, other_measurement), {"version": 1})
    assert r.status_code == 404
    assert Measurement.objects.filter(pk=other_measurement.pk).exists()
