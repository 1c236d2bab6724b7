"""The benefit map's drawing and list, the co-financing report and the Excel
export reuse what is kept under the project's change stamp: a recorded change
shows at once, and each person still sees only what they may do."""

import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook

from benefits import excel

from .builders import make_benefit, make_goal, make_link, make_value


def get(client, project, name: str):
    return client.get(reverse(f"benefits:{name}", args=[project.pk]))


def test_the_kept_map_follows_a_renamed_goal(member_client, project, plan):
    goal = make_goal(project, title="Tryggere hjemmetjeneste")
    make_link(make_benefit(plan, title="Færre telefoner"), goal=goal)
    assert "Tryggere hjemmetjeneste" in get(member_client, project, "map").text
    goal.title = "Færre fall hjemme"
    goal.save()  # recorded: the project gets a new change stamp
    html = get(member_client, project, "map").text
    assert html.count("Færre fall hjemme") >= 2  # drawn and listed
    assert "Tryggere hjemmetjeneste" not in html


def test_the_kept_map_offers_removal_only_to_who_may_edit(
    member_client, client, project, plan, bob
):
    make_link(make_benefit(plan, title="Færre telefoner"))
    assert "map-remove" in get(member_client, project, "map").text
    client.force_login(bob)  # a viewer, after the member's page was kept
    html = get(client, project, "map").text
    assert "Færre telefoner" in html and "map-remove" not in html


def test_a_second_report_reads_no_plan_rows_and_follows_a_change(member_client, project, plan):
    benefit = make_benefit(plan, title="Færre telefoner")
    make_value(benefit, plan.first_year)
    with CaptureQueriesContext(connection) as first:
        get(member_client, project, "cofinancing")
    with CaptureQueriesContext(connection) as second:
        assert "Færre telefoner" in get(member_client, project, "cofinancing").text
    # Benefits, indicators, values, measure links and costs come from the cache.
    assert len(second) == len(first) - 5
    benefit.title = "Kortere ventetid"
    benefit.save()
    assert "Kortere ventetid" in get(member_client, project, "cofinancing").text


def test_the_export_formats_amounts_and_sizes_columns(member_client, project, plan):
    benefit = make_benefit(plan, title="Færre telefoner")
    make_value(benefit, plan.first_year, a=1000)
    book = load_workbook(io.BytesIO(get(member_client, project, "export").content))
    for sheet in book.worksheets:
        assert all(cell.font.bold for cell in sheet[1] if cell.value is not None)
    with translation.override("nb"):
        values = book[excel.sheets()["values"][0]]
        expected = [c.value for c in values[1]].index(gettext("Expected amount")) + 1
    amounts = [row[expected - 1] for row in values.iter_rows(min_row=2)]
    assert amounts and all(c.number_format == excel.AMOUNT_FORMAT for c in amounts)
    assert values.freeze_panes == "A2" and book.worksheets[0].freeze_panes is None
    widths = [values.column_dimensions[c].width for c in "ABC"]
    assert all(10 <= w <= 60 for w in widths)


def test_the_kept_review_gaps_follow_a_recorded_change(member_client, project, plan, alice):
    benefit = make_benefit(plan, title="Færre telefoner", owner=None)
    url = reverse("benefits:plan", args=[project.pk])
    with translation.override("nb"):
        gap = gettext("“%(title)s” has no benefit owner.") % {"title": "Færre telefoner"}
    assert gap in member_client.get(url).text
    benefit.owner = alice
    benefit.save()  # recorded: the project gets a new change stamp
    assert gap not in member_client.get(url).text


def test_a_link_added_in_place_shows_in_the_kept_map(member_client, project, plan):
    benefit = make_benefit(plan, title="Færre telefoner")
    goal = make_goal(project, title="Tryggere hjemmetjeneste")
    assert (
        "Tryggere hjemmetjeneste"
        not in get(member_client, project, "map").text.split("map-list")[-1]
    )
    data = {"source": f"benefit:{benefit.pk}", "target": f"goal:{goal.pk}", "assumption": "Antatt"}
    url = reverse("benefits:map-link-add", args=[project.pk])
    html = member_client.post(url, data, headers={"HX-Request": "true"}).text
    assert "(" in html and "Antatt" in html.split("map-list")[-1]
