"""The plan's rows are kept in the cache under the project's change stamp:
a recorded change shows at once, and so does a renamed person."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .builders import make_benefit, make_value
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
