from datetime import date

import pytest

from benefits.models import Measurement
from projects.models import IdentifiedBenefit, Measure

from .builders import make_benefit, make_cost, make_indicator, make_plan, make_value


@pytest.fixture
def plan(project):
    return make_plan(project)


@pytest.fixture
def member_client(client, alice):
    client.force_login(alice)
    return client


HTMX = {"HX-Request": "true"}


@pytest.fixture
def full_plan(plan, project, alice):
    measure = Measure.objects.create(project=project, title="SMS-varsel")
    source = IdentifiedBenefit.objects.create(project=project, title="Færre telefoner")
    calls = make_benefit(plan, title="Færre telefoner", owner=alice, source=source, position=0)
    calls.measures.add(measure)
    make_value(calls, 2028, basis="tasks", a=1000, b=250, a_low=800, a_high=1200)
    make_value(calls, 2029, basis="tasks", a=1200, b=250)
    time = make_benefit(
        plan,
        title="Spart kjøretid",
        kind="time_saved",
        position=1,
        alternative_use="Flere besøk",
        use_decided_by="Enhetsleder",
    )
    make_value(time, 2028, basis="hours", a=500, b=612.5)
    make_cost(plan, title="Innføring", expected=600_000, low=500_000, high=800_000)
    make_cost(plan, title="Lisens", year=2028, kind="running", expected=50_000)
    indicator = make_indicator(calls, by=alice)
    Measurement.objects.create(
        indicator=indicator, value=72.5, date=date(2026, 4, 1), note="Første"
    )
    return plan
