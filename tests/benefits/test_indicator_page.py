from datetime import date, timedelta

import pytest
from django.urls import reverse

from benefits.models import Measurement

from .builders import make_benefit, make_indicator
from .conftest import HTMX


@pytest.fixture
def indicator(plan, alice):
    return make_indicator(make_benefit(plan), by=alice)


def url(project, indicator):
    return reverse("benefits:indicator", args=[project.pk, indicator.pk])


def test_it_shows_the_chart_and_table_against_baseline_and_target(
    member_client, project, indicator, alice
):
    Measurement.objects.create(indicator=indicator, value=75.5, date=date(2026, 4, 1))
    r = member_client.get(url(project, indicator))
    assert r.status_code == 200
    assert 'id="measurement-chart"' in r.text
    assert "75,5" in r.text and "Nullpunkt" in r.text and "Mål" in r.text
    assert "01.07.2026" in r.text  # next measurement: a quarter after the last


def test_it_records_a_measurement(member_client, project, indicator, alice):
    r = member_client.post(
        url(project, indicator), {"value": "81,5", "date": "2026-05-02", "note": "Etter SMS-varsel"}
    )
    assert r.status_code == 302
    m = Measurement.objects.get()
    assert (float(m.value), m.date, m.recorded_by) == (81.5, date(2026, 5, 2), alice)


def test_it_records_with_htmx_and_answers_with_the_body(member_client, project, indicator):
    r = member_client.post(
        url(project, indicator), {"value": "80", "date": "2026-05-02"}, headers=HTMX
    )
    assert r.status_code == 200 and 'id="indicator-body"' in r.text and "<html" not in r.text
    assert "HX-Trigger" in r.headers


@pytest.mark.parametrize(
    "data",
    [
        {"value": "", "date": "2026-05-02"},
        {"value": "mye", "date": "2026-05-02"},
        {"value": "5", "date": (date.today() + timedelta(days=3)).isoformat()},
    ],
)
def test_it_refuses_bad_measurements(member_client, project, indicator, data):
    r = member_client.post(url(project, indicator), data)
    assert r.status_code == 200 and "ds-error-summary" in r.text
    assert not Measurement.objects.exists()


def test_viewer_reads_but_cannot_record(client, bob, project, indicator):
    client.force_login(bob)
    r = client.get(url(project, indicator))
    assert r.status_code == 200 and "Registrer en måling" not in r.text
    measured = list(indicator.measurements.values())
    assert (
        client.post(url(project, indicator), {"value": "1", "date": "2026-01-02"}).status_code
        == 403
    )
    assert list(indicator.measurements.values()) == measured


def test_the_home_page_lists_overdue_indicators_of_the_responsible(client, alice, bob, indicator):
    client.force_login(alice)
    r = client.get(reverse("home"))
    assert f"Måling: {indicator.name}" in r.text and "Forfalt" in r.text
    client.force_login(bob)
    assert f"Måling: {indicator.name}" not in client.get(reverse("home")).text


def test_an_indicator_measured_on_time_is_not_overdue(client, alice, indicator):
    Measurement.objects.create(indicator=indicator, value=80, date=date.today())
    client.force_login(alice)
    assert f"Måling: {indicator.name}" not in client.get(reverse("home")).text
