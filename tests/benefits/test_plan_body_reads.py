"""The plan's body reads its progress from the plan's kept rows and its
review from the events it lists: a new measurement shows at once, and a
second look reads neither measurements nor events more than once."""

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from benefits.models import Measurement

from .builders import make_benefit, make_cost, make_indicator
from .conftest import HTMX

# From 100 on 1 January 2024 to 200 on 10 April 2024 (100 days).
PATH = {
    "baseline_value": Decimal(100),
    "baseline_date": date(2024, 1, 1),
    "target_value": Decimal(200),
    "target_date": date(2024, 4, 10),
}


def progress(client, project) -> str:
    html = client.get(reverse("benefits:plan", args=[project.pk]), headers=HTMX).text
    section = html[html.index('id="plan-progress"') :]
    return section[: section.index("</section>")]


def test_a_new_measurement_moves_the_progress_at_once(member_client, project, plan, alice):
    indicator = make_indicator(make_benefit(plan), by=alice, name="Besøk i rett tid", **PATH)
    # 140 on day 60: 40 % of 60 expected, more than 10 behind.
    Measurement.objects.create(indicator=indicator, value=140, date=date(2024, 3, 1))
    section = progress(member_client, project)
    assert "Avvik</span> 1" in section and "I rute</span> 0" in section
    assert "måloppnåelse 40 %" in section
    # A later one on the path: 170 on day 70 is 70 % of 70 expected.
    Measurement.objects.create(indicator=indicator, value=170, date=date(2024, 3, 11))
    section = progress(member_client, project)
    assert "I rute</span> 1" in section and "Avvik</span> 0" in section
    assert "Besøk i rett tid" not in section  # no longer listed as a deviation
    # Of two on the same day, the one recorded last counts.
    Measurement.objects.create(indicator=indicator, value=150, date=date(2024, 3, 11))
    section = progress(member_client, project)
    assert "Avvik</span> 1" in section and "måloppnåelse 50 %" in section


def test_a_second_look_reads_no_measurements_and_the_events_once(
    member_client, project, plan, alice
):
    indicator = make_indicator(make_benefit(plan), by=alice, **PATH)
    for day in range(1, 11):
        Measurement.objects.create(indicator=indicator, value=100 + day, date=date(2024, 1, day))
    url = reverse("benefits:plan", args=[project.pk])
    member_client.get(url, headers=HTMX)
    with CaptureQueriesContext(connection) as second:
        html = member_client.get(url, headers=HTMX).text
    assert "Ikke målt</span> 0" in html
    tables = [q["sql"] for q in second]
    assert not [sql for sql in tables if "benefits_measurement" in sql]
    assert len([sql for sql in tables if "benefits_planevent" in sql]) == 1


def costs(client, project) -> str:
    html = client.get(reverse("benefits:plan", args=[project.pk]), headers=HTMX).text
    section = html[html.index('id="costs"') :]
    return section[: section.index("</section>")]


def test_the_kept_costs_follow_a_change_and_who_may_edit(member_client, client, project, plan, bob):
    cost = make_cost(plan, title="Innføring", expected=Decimal(300_000))
    edit = reverse("benefits:cost-edit", args=[project.pk, cost.pk])
    section = costs(member_client, project)
    assert "300\xa0000" in section and f'href="{edit}"' in section
    cost.expected = Decimal(450_000)
    cost.save()  # recorded: the project gets a new change stamp
    section = costs(member_client, project)
    assert "450\xa0000" in section and "300\xa0000" not in section
    client.force_login(bob)  # a viewer, after the member's table was kept
    section = costs(client, project)
    assert "450\xa0000" in section and f'href="{edit}"' not in section
    client.cookies["django_language"] = "en"
    section = costs(client, project)
    translation.activate("nb")  # the request left English active
    assert '<caption class="ds-sr-only">Implementation costs</caption>' in section
