"""What the overview's checklist knows of each step's work."""

from projects.flow.selectors import flow_facts
from projects.flow.services import activities_seed
from projects.models import Activity, GateDecision, ProjectFlow

from .flow_data import make_row


def test_an_empty_project_has_nothing_done(project):
    facts = flow_facts(project)
    assert not any(facts.values())


def test_it_sees_each_steps_work(project, owner):
    ProjectFlow.objects.create(
        project=project,
        hypothesis_project="a",
        hypothesis_value="b",
        hypothesis_measures="c",
        mode1_effect="low",
        bimodal_maturity="high",
        **{key: True for key, _label in ProjectFlow.CRITERIA},
    )
    for slug in ("experiments", "stakeholders", "profiles", "principles", "benefits"):
        make_row(slug, project)
    GateDecision.objects.create(
        project=project, step="hypothesis", decision="go_on", comment="ok", decided_by=owner
    )
    facts = flow_facts(project)
    for fact in (
        "has_hypothesis",
        "criteria_answered",
        "has_bimodal",
        "has_experiment",
        "has_stakeholders",
        "has_profiles",
        "has_principles",
        "has_benefits",
        "gate_hypothesis",
    ):
        assert facts[fact], fact
    assert not facts["gate_goals"] and not facts["has_all_goals"]


def test_a_half_written_hypothesis_is_not_done(project):
    ProjectFlow.objects.create(project=project, hypothesis_project="a", isolated=True)
    facts = flow_facts(project)
    assert not facts["has_hypothesis"] and not facts["criteria_answered"]


def test_goals_need_all_three_levels(project):
    from projects.models import Goal

    for level in ("user", "service"):
        Goal.objects.create(project=project, level=level, title=level)
    assert not flow_facts(project)["has_all_goals"]
    Goal.objects.create(project=project, level="organisation", title="org")
    assert flow_facts(project)["has_all_goals"]


def test_activities_are_done_when_none_is_open(project):
    activities_seed(project=project)
    assert not flow_facts(project)["activities_done"]
    Activity.objects.filter(project=project).update(status="done")
    Activity.objects.filter(project=project, key="technology").update(status="not_relevant")
    assert flow_facts(project)["activities_done"]


def test_the_overview_shows_whats_done_and_missing(client, alice, project):
    make_row("experiments", project)
    client.force_login(alice)
    r = client.get(project.get_absolute_url())
    done = r.text.split("checklist__done")
    assert any("Minst ett eksperiment er logget" in part[:200] for part in done[1:])
    assert "Hypotesen på tre linjer er skrevet" in r.text


def test_the_deck_gets_the_step_work_as_lines(project):
    from projects.flow.selectors import deck_sections

    ProjectFlow.objects.create(
        project=project,
        hypothesis_project="innbyggerne får SMS",
        operation="Drift hos IT.",
        isolated=True,
        quick=False,
    )
    make_row("goals", project)
    make_row("journey-future", project, 1)
    make_row("journey-future", project, 0)
    make_row("lessons", project)
    sections = deck_sections(project)
    assert sections["hypothesis"] == ["Vi tror at innbyggerne får SMS"]
    assert sections["criteria"][0] == "1 av 6"
    assert sections["goals"] == ["Bruker: Mål 0"]
    assert sections["journey"] == ["1. Steg 0", "2. Steg 1"]
    assert sections["operation"] == ["Drift hos IT."] and sections["lessons"] == ["Lærdom 0"]


def test_the_deck_of_a_delivering_project_shows_its_goals_and_lessons(client, alice, project):
    from portal.decks import deck_data, slides_for

    project.step = "deliver"
    project.save()
    make_row("goals", project)
    make_row("lessons", project)
    slides = slides_for(deck_data(project))
    assert slides[1].lines == ["Bruker: Mål 0"]
    assert slides[9].lines == ["Lærdom 0"]


def test_each_project_gets_its_own_facts_from_the_one_compiled_query(project, unit):
    from projects.flow.selectors import flow_facts_of
    from projects.models import Goal, Project
    from tests.factories import make_project

    other = make_project(title="Annet prosjekt", unit=unit)
    Goal.objects.create(project=other, level="user", title="Mål")
    make_row("experiments", project)
    mine, theirs = flow_facts(project), flow_facts(other)
    assert mine["has_experiment"] and not mine["has_user_goal"]
    assert theirs["has_user_goal"] and not theirs["has_experiment"]
    both = flow_facts_of(Project.objects.filter(pk__in=[project.pk, other.pk]))
    assert both == {project.pk: mine, other.pk: theirs}
