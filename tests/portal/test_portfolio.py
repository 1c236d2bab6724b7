import csv
import io
import re

import pandas as pd
import pytest

from portal.models import UnitRating
from tests.factories import count_queries, make_project, make_unit, make_user


@pytest.fixture
def portfolio(alice, unit):
    """Five projects over units, steps, statuses and funnel stages; alice is in two."""
    other = make_unit("Teknisk drift")
    stranger = make_user()
    return [
        make_project(
            title="Alfa",
            unit=unit,
            step="hypothesis",
            funnel_stage="idea",
            members={alice: "team_member"},
        ),
        make_project(
            title="Beta",
            unit=unit,
            step="goals",
            status="at_risk",
            funnel_stage="matching",
            members={alice: "viewer"},
        ),
        make_project(
            title="Gamma",
            unit=other,
            step="deliver",
            funnel_stage="project",
            members={stranger: "team_member"},
        ),
        make_project(
            title="Delta",
            unit=other,
            step="operation",
            funnel_stage="operation",
            members={stranger: "team_member"},
        ),
        make_project(
            title="Epsilon",
            unit=other,
            step="hypothesis",
            status="off_track",
            funnel_stage="stopped",
            summary="Stoppet etter første forsøk",
            members={stranger: "team_member"},
        ),
    ]


def titles(html: str) -> list[str]:
    table = html.split('class="ds-table portfolio-table"')[1].split("</table>")[0]
    return re.findall(r'<a class="ds-link" href="/projects/\d+/">([^<]+)</a>', table)


def test_it_shows_leader_every_project_in_title_order(client, leader, portfolio):
    client.force_login(leader)
    assert titles(client.get("/portfolio/").text) == ["Alfa", "Beta", "Delta", "Epsilon", "Gamma"]


def test_it_shows_a_member_only_their_projects(client, alice, portfolio):
    client.force_login(alice)
    assert titles(client.get("/portfolio/").text) == ["Alfa", "Beta"]


def test_it_shows_an_outsider_nothing(client, charlie, portfolio):
    client.force_login(charlie)
    response = client.get("/portfolio/")
    assert "Ingen prosjekter passer med disse filtrene." in response.text
    assert "Alfa" not in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("step=hypothesis", ["Alfa", "Epsilon"]),
        ("status=at_risk", ["Beta"]),
        ("funnel_stage=stopped", ["Epsilon"]),
        ("q=første", ["Epsilon"]),
        ("q=gam", ["Gamma"]),
        ("step=hypothesis&status=off_track", ["Epsilon"]),
        ("sort=step", ["Alfa", "Epsilon", "Beta", "Gamma", "Delta"]),
        ("sort=funnel_stage", ["Alfa", "Beta", "Gamma", "Delta", "Epsilon"]),
        ("step=nonsense", ["Alfa", "Beta", "Delta", "Epsilon", "Gamma"]),
    ],
)
def test_it_filters_and_sorts(client, leader, portfolio, query, expected):
    client.force_login(leader)
    assert titles(client.get(f"/portfolio/?{query}").text) == expected


def test_it_filters_by_unit(client, leader, portfolio, unit):
    client.force_login(leader)
    assert titles(client.get(f"/portfolio/?unit={unit.pk}").text) == ["Alfa", "Beta"]


def test_it_returns_only_the_results_for_htmx(client, leader, portfolio):
    client.force_login(leader)
    response = client.get("/portfolio/?step=goals", headers={"HX-Request": "true"})
    assert response.text.lstrip().startswith('<div id="results"')
    assert "<html" not in response.text
    assert titles(response.text) == ["Beta"]


def test_it_pages_the_table(client, leader, portfolio):
    for n in range(60):
        make_project(title=f"Z{n:02d}")
    client.force_login(leader)
    first = client.get("/portfolio/?sort=title")
    assert len(titles(first.text)) == 50
    second = client.get("/portfolio/?sort=title&page=2")
    assert len(titles(second.text)) == 15
    assert "65 prosjekter passer." in second.text


def test_the_chart_tables_count_the_filtered_projects(client, leader, portfolio):
    client.force_login(leader)
    html = client.get("/portfolio/").text
    funnel = html.split("Prosjekter per trakttrinn</caption>")[1].split("</table>")[0]
    counts = re.findall(r"<td>([^<]+)</td><td class=\"num\">(\d+)</td>", funnel)
    assert counts == [
        ("Idé", "1"),
        ("Matching", "1"),
        ("Prosjekt", "1"),
        ("I drift", "1"),
        ("Stoppet", "1"),
    ]
    figure = html.split('id="funnel-chart" type="application/json">')[1].split("</script>")[0]
    assert '"x": [1, 1, 1, 1, 1]' in figure or '"x":[1,1,1,1,1]' in figure


def test_the_csv_export_equals_the_filtered_table(client, leader, portfolio):
    client.force_login(leader)
    on_screen = titles(client.get("/portfolio/?step=hypothesis").text)
    response = client.get("/portfolio/export.csv?step=hypothesis")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Prosjekt", "Enhet", "Steg"]
    assert [r[0] for r in rows[1:]] == on_screen


def test_the_excel_export_equals_the_table(client, leader, portfolio):
    client.force_login(leader)
    on_screen = titles(client.get("/portfolio/?sort=step").text)
    response = client.get("/portfolio/export.xlsx?sort=step")
    frame = pd.read_excel(io.BytesIO(response.content))
    assert list(frame["Prosjekt"]) == on_screen
    assert list(frame["Steg"]) == ["Hypotese", "Hypotese", "Mål", "Lever løsning", "I drift"]


def test_an_unknown_export_format_is_404(client, leader):
    client.force_login(leader)
    assert client.get("/portfolio/export.pdf").status_code == 404


def test_queries_do_not_grow_with_projects(client, leader, portfolio):
    client.force_login(leader)
    before = count_queries(client, "/portfolio/")
    for n in range(20):
        make_project(title=f"Ekstra {n}", members={make_user(): "solution_owner"})
    assert count_queries(client, "/portfolio/") == before


def test_it_names_the_solution_owner(client, leader, portfolio):
    owner = make_user("sol", first_name="Sol", last_name="Eie")
    portfolio[2].memberships.create(user=owner, role="solution_owner")
    client.force_login(leader)
    assert "Sol Eie" in client.get("/portfolio/").text


def test_only_leaders_rate_units(client, alice, unit):
    client.force_login(alice)
    assert client.get("/portfolio/units/").status_code == 403
    data = {f"unit-{unit.pk}-ambition": "high", f"unit-{unit.pk}-capacity": "low"}
    assert client.post(f"/portfolio/units/{unit.pk}/", data).status_code == 403
    assert not UnitRating.objects.exists()


def test_a_leader_rates_a_unit_and_sees_it_placed(client, leader, unit):
    client.force_login(leader)
    prefix = f"unit-{unit.pk}"
    response = client.post(
        f"/portfolio/units/{unit.pk}/",
        {f"{prefix}-ambition": "high", f"{prefix}-capacity": "low", f"{prefix}-comment": "Travelt"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and f'id="unit-{unit.pk}"' in response.text
    rating = UnitRating.objects.get(unit=unit)
    assert (rating.ambition, rating.capacity, rating.rated_by) == ("high", "low", leader)
    page = client.get("/portfolio/units/").text
    gap = page.split("quadrant--gap")[1].split("</section>")[0]
    assert unit.name in gap


def test_a_stale_rating_is_refused(client, leader, unit):
    client.force_login(leader)
    prefix = f"unit-{unit.pk}"
    data = {f"{prefix}-ambition": "high", f"{prefix}-capacity": "high", f"{prefix}-version": ""}
    client.post(f"/portfolio/units/{unit.pk}/", data)
    stale = {**data, f"{prefix}-capacity": "low", f"{prefix}-version": "0"}
    response = client.post(f"/portfolio/units/{unit.pk}/", stale, headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert UnitRating.objects.get(unit=unit).capacity == "high"


def test_the_page_sends_the_version_seen_so_a_rating_made_meanwhile_is_kept(client, leader, unit):
    client.force_login(leader)
    prefix = f"unit-{unit.pk}"

    def seen() -> str:
        page = client.get("/portfolio/units/").text
        return re.search(rf'name="{prefix}-version"[^>]* value="(\d+)"', page).group(1)

    first_look = seen()
    assert first_look == "0"
    rated = {f"{prefix}-ambition": "high", f"{prefix}-capacity": "high"}
    client.post(f"/portfolio/units/{unit.pk}/", {**rated, f"{prefix}-version": seen()})
    assert UnitRating.objects.get(unit=unit).version == 1
    # Another leader, who opened the page before that first rating, saves.
    other = {f"{prefix}-ambition": "low", f"{prefix}-capacity": "low"}
    response = client.post(
        f"/portfolio/units/{unit.pk}/",
        {**other, f"{prefix}-version": first_look},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 409
    rating = UnitRating.objects.get(unit=unit)
    assert (rating.ambition, rating.capacity, rating.version) == ("high", "high", 1)
    # The answer shows the rating as it is now, with its version, to save again.
    assert re.search(rf'name="{prefix}-version"[^>]* value="1"', response.text)
    assert seen() == "1"


def test_a_bad_rating_saves_nothing(client, leader, unit):
    client.force_login(leader)
    prefix = f"unit-{unit.pk}"
    response = client.post(f"/portfolio/units/{unit.pk}/", {f"{prefix}-ambition": "huge"})
    assert response.status_code == 200
    assert "ds-error-summary" in response.text
    assert not UnitRating.objects.exists()


def test_it_offers_a_bundle_of_every_project_shown(client, leader, portfolio, unit):
    client.force_login(leader)
    html = client.get(f"/portfolio/?unit={unit.pk}").text
    assert "Lag én PDF av alle 2 presentasjonene som vises" in html
    shown = re.findall(r'<input type="hidden" name="project" value="(\d+)">', html)
    assert sorted(map(int, shown)) == sorted(p.pk for p in portfolio[:2])


def add_plan(project, *, amount, years=3, costs=0):
    from benefits.models import BenefitPlan

    plan = BenefitPlan.objects.create(project=project, first_year=2025, horizon=years)
    benefit = plan.benefits.create(title="Færre telefoner", kind="costs_avoided")
    for year in range(2025, 2025 + years):
        benefit.values.create(year=year, basis="tasks", a=amount, b=1)
    if costs:
        plan.costs.create(title="Innføring", year=2025, expected=costs)
    return benefit


def test_it_shows_and_exports_planned_benefits(client, leader, portfolio):
    add_plan(portfolio[0], amount=1000, years=1)  # Alfa: 1 000 kr in the first year
    client.force_login(leader)
    html = client.get("/portfolio/").text
    alfa = html.split(">Alfa</a>")[1].split("</tr>")[0]
    assert "1\xa0000\xa0kr" in alfa and "0\xa0kr" in alfa
    rows = list(
        csv.reader(
            io.StringIO(client.get("/portfolio/export.csv").content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[0][7:11] == [
        "Planlagte gevinster (nåverdi)",
        "Gevinster, ikke neddiskontert",
        "Kostnader, ikke neddiskontert",
        "Realisert hittil",
    ]
    assert rows[1][0] == "Alfa" and rows[1][7:11] == ["1000.0", "1000.0", "0.0", "0.0"]
    assert rows[2][7:11] == ["", "", "", ""]  # Beta has no plan


def test_benefit_queries_do_not_grow_with_plans_or_values(client, leader, portfolio):
    add_plan(portfolio[0], amount=1000)
    client.force_login(leader)
    before = count_queries(client, "/portfolio/")
    for project in portfolio[1:]:
        add_plan(project, amount=500, years=10, costs=100)
    assert count_queries(client, "/portfolio/") == before


def test_it_shows_the_bimodal_placement_of_the_projects(client, leader, portfolio):
    from projects.models import ProjectFlow

    ProjectFlow.objects.create(project=portfolio[0], mode1_effect="high", bimodal_maturity="high")
    client.force_login(leader)
    html = client.get("/portfolio/").text
    table = html.split("Prosjekter per bimodal plassering</caption>")[1].split("</table>")[0]
    assert '<td>Ny kjerne</td><td class="num">1</td>' in table
    assert '<td>Ikke plassert ennå</td><td class="num">4</td>' in table


def test_the_planned_sums_are_equal_in_table_charts_csv_and_excel(client, leader, portfolio):
    import json

    add_plan(portfolio[0], amount=1000, years=3, costs=5_000)  # Alfa: negative NPV
    add_plan(portfolio[2], amount=2000, years=2, costs=500)  # Gamma, another unit
    client.force_login(leader)
    html = client.get("/portfolio/").text
    assert "Planlagt gevinst: nåverdien av forventet utfall" in html
    charts = {
        key: json.loads(html.split(f'id="{key}" type="application/json">')[1].split("</script>")[0])
        for key in ("unit-benefits-chart", "year-benefits-chart")
    }
    chart_sums = [round(sum(c["data"][0]["y"])) for c in charts.values()]
    frame = pd.read_excel(io.BytesIO(client.get("/portfolio/export.xlsx").content))
    rows = list(
        csv.reader(
            io.StringIO(client.get("/portfolio/export.csv").content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    column = rows[0].index("Planlagte gevinster (nåverdi)")
    csv_sum = round(sum(float(r[column]) for r in rows[1:] if r[column]))
    excel_sum = round(frame["Planlagte gevinster (nåverdi)"].sum())
    alfa = round(1000 + 1000 / 1.04 + 1000 / 1.04**2 - 5000)
    gamma = round(2000 + 2000 / 1.04 - 500)
    assert chart_sums == [alfa + gamma, alfa + gamma]
    assert csv_sum == excel_sum == alfa + gamma
    assert min(charts["unit-benefits-chart"]["data"][0]["y"]) < 0  # the sign is kept
    table = html.split('class="ds-table portfolio-table"')[1].split("</table>")[0]
    assert f"\u2212{-alfa:,}".replace(",", "\xa0") in table


def test_it_sorts_both_ways(client, leader, portfolio):
    client.force_login(leader)
    up = titles(client.get("/portfolio/?sort=title").text)
    down = titles(client.get("/portfolio/?sort=title&order=desc").text)
    assert up == ["Alfa", "Beta", "Delta", "Epsilon", "Gamma"] and down == up[::-1]


def test_a_plan_never_approved_is_marked_in_the_table_and_the_export(client, leader, portfolio):
    from benefits.models import BenefitPlan

    add_plan(portfolio[0], amount=1000, years=1)  # Alfa: a draft
    add_plan(portfolio[2], amount=500, years=1)  # Gamma: approved
    BenefitPlan.objects.filter(project=portfolio[2]).update(status="approved")
    client.force_login(leader)
    html = client.get("/portfolio/").text
    alfa = html.split(">Alfa</a>")[1].split("</tr>")[0]
    gamma = html.split(">Gamma</a>")[1].split("</tr>")[0]
    assert "ikke godkjent" in alfa and "ikke godkjent" not in gamma
    rows = list(
        csv.reader(
            io.StringIO(client.get("/portfolio/export.csv").content.decode("utf-8-sig")),
            delimiter=";",
        )
    )
    column = rows[0].index("Gevinstplan ikke godkjent (utkastets tall vises)")
    marked = {row[0]: row[column] for row in rows[1:]}
    assert (marked["Alfa"], marked["Gamma"], marked["Beta"]) == ("Ja", "", "")


def test_the_kept_benefit_figures_follow_a_changed_value_and_a_renamed_unit(
    client, leader, portfolio, unit
):
    benefit = add_plan(portfolio[0], amount=1000, years=1)
    client.force_login(leader)

    def alfa() -> str:
        return client.get("/portfolio/").text.split(">Alfa</a>")[1].split("</tr>")[0]

    assert "1\xa0000\xa0kr" in alfa()
    value = benefit.values.get()
    value.a = 2500
    value.save()  # a recorded change: the project's change stamp is replaced
    assert "2\xa0500\xa0kr" in alfa() and "1\xa0000\xa0kr" not in alfa()
    unit.name = "Omdøpt enhet"
    unit.save()  # no change of the project, but its figures are summed under the new name
    html = client.get("/portfolio/").text
    per_unit = html.split('id="unit-benefits-heading"')[1].split("</table>")[0]
    assert "Omdøpt enhet" in per_unit
