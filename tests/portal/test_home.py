from tests.factories import make_project, make_user


def test_it_lists_my_projects_with_step_and_status(client, alice, project):
    make_project(title="Andres prosjekt", members={make_user(): "team_member"})
    client.force_login(alice)
    response = client.get("/")
    assert response.status_code == 200
    assert "Digital innbyggerdialog" in response.text
    assert "Hypotese" in response.text and "I rute" in response.text
    assert "Andres prosjekt" not in response.text


def test_it_welcomes_a_new_user_with_new_project(client, charlie):
    client.force_login(charlie)
    response = client.get("/")
    assert "Du er ikke med i noen prosjekter ennå" in response.text
    assert 'href="/projects/new/"' in response.text


def test_it_sends_anonymous_to_log_in(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/?next=/"


def test_my_indicator_progress_is_kept_until_a_project_of_mine_changes(client, alice, project):
    from datetime import date
    from decimal import Decimal

    from benefits.models import Measurement
    from tests.benefits.builders import make_benefit, make_indicator, make_plan

    path = {
        "baseline_value": Decimal(100),
        "baseline_date": date(2024, 1, 1),
        "target_value": Decimal(200),
        "target_date": date(2024, 4, 10),
    }
    benefit = make_benefit(make_plan(project))

    def in_deviation(name):
        indicator = make_indicator(benefit, by=alice, name=name, **path)
        Measurement.objects.create(indicator=indicator, value=110, date=date(2024, 3, 1))

    def section():
        page = client.get("/").text
        return page[page.index('id="my-progress"') :]

    in_deviation("Besøk i rett tid")
    client.force_login(alice)
    first = section()
    assert "Besøk i rett tid</a>" in first and "Ventetid</a>" not in first
    assert section() == first  # kept
    in_deviation("Ventetid")
    assert "Ventetid</a>" in section()
