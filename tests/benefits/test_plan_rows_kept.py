"""The plan's rows, and the parts of its page drawn from them, are kept in
the cache under the project's change stamp: a recorded change shows at once,
and so do a renamed person and a changed role."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext

from benefits.models import Measurement
from projects.models import Membership

from .builders import make_benefit, make_indicator, make_value
from .conftest import HTMX


def body(client, project) -> str:
    return client.get(reverse("benefits:plan", args=[project.pk]), headers=HTMX).text


def test_the_kept_rows_follow_a_recorded_change(member_client, project, plan, alice):
    benefit = make_benefit(plan, title="Færre telefoner", owner=alice)
    value = make_value(benefit, plan.first_year, a=100_000)
    assert "100\xa0000" in body(member_client, project)
    value.a = 250_000
    value.save()  # recorded: the project gets a new change stamp
    html = body(member_client, project)
    assert "250\xa0000" in html and "100\xa0000" not in html


def test_a_renamed_owner_shows_while_the_rows_are_kept(member_client, project, plan, alice):
    make_benefit(plan, title="Færre telefoner", owner=alice)
    body(member_client, project)
    alice.first_name, alice.last_name = "Alida", "Omdøpt"
    alice.save()  # a person is no row of the project: the change stamp stays
    assert "Alida Omdøpt" in body(member_client, project)


def test_a_second_look_reads_no_plan_rows(member_client, project, plan, alice):
    benefit = make_benefit(plan, title="Færre telefoner", owner=alice)
    make_value(benefit, plan.first_year)
    with CaptureQueriesContext(connection) as first:
        body(member_client, project)
    with CaptureQueriesContext(connection) as second:
        html = body(member_client, project)
    assert "Færre telefoner" in html
    # Benefits, indicators, values, measure links and costs come from the
    # cache, and the kept cards need no comment counts.
    assert len(second) == len(first) - 6
    assert not [q for q in second if "projects_comment" in q["sql"]]


def test_a_renamed_indicator_responsible_shows_on_the_kept_card(
    member_client, project, plan, alice, bob
):
    make_indicator(make_benefit(plan, title="Færre telefoner", owner=alice), by=bob)
    assert "Bob Berg" in body(member_client, project)
    bob.first_name, bob.last_name = "Bodil", "Omdøpt"
    bob.save()  # a person is no row of the project: the change stamp stays
    html = body(member_client, project)
    assert "Bodil Omdøpt" in html and "Bob Berg" not in html


def test_a_new_benefit_owner_shows_on_the_kept_card(member_client, project, plan, alice, bob):
    benefit = make_benefit(plan, title="Færre telefoner", owner=alice)
    assert "Alice Aas" in body(member_client, project)
    benefit.owner = bob
    benefit.save()  # recorded: the project gets a new change stamp
    html = body(member_client, project)
    assert "Bob Berg" in html and "Alice Aas" not in html


def test_a_changed_role_shows_on_the_kept_cards(member_client, project, plan, alice):
    make_benefit(plan, title="Færre telefoner", owner=alice)
    edit = gettext("Edit the benefit")
    assert edit in body(member_client, project)
    Membership.objects.filter(project=project, user=alice).update(role=Membership.Role.VIEWER)
    html = body(member_client, project)
    assert "Færre telefoner" in html and edit not in html


def test_the_kept_progress_follows_a_new_measurement(member_client, project, plan, alice):
    indicator = make_indicator(make_benefit(plan, owner=alice), by=alice, name="Besøk i tide")
    Measurement.objects.create(indicator=indicator, value=70, date=date(2026, 1, 1))
    heading = gettext("Indicators in deviation")
    assert heading not in body(member_client, project)
    # Far behind the path from 70 % to 90 % by the end of 2028.
    Measurement.objects.create(indicator=indicator, value=71, date=date(2028, 6, 1))
    html = body(member_client, project)
    assert heading in html and html.split(heading)[1].split("</ul>")[0].count("Besøk i tide") == 1


def test_the_kept_nonpriced_table_follows_an_assessment(member_client, project, plan, alice):
    benefit = make_benefit(plan, title="Spart kjøretid", kind="time_saved", owner=alice)
    caption = gettext("Non-priced effects")
    assert "Mindre stress for de ansatte" not in body(member_client, project).split(caption)[1]
    benefit.assessment, benefit.assessment_reason = 2, "Mindre stress for de ansatte"
    benefit.save()
    table = body(member_client, project).split(caption)[1].split("</table>")[0]
    assert "Spart kjøretid" in table and "Mindre stress for de ansatte" in table
