"""Templates: what a template holds, and what a new project copies from it."""

import json

import pytest

from benefits.models import Benefit, BenefitPlan, Cost, Indicator, Measurement, PlanEvent
from canvas.models import Note
from portal import blueprints
from portal.backup import canonical, project_export
from portal.models import ProjectTemplate
from projects.models import GateDecision, Membership, Project, TemplatePart
from projects.selectors import project_for_user
from tests.portal.blueprint_data import make_proven

ALL = [p.value for p in TemplatePart]


@pytest.fixture
def proven(project, alice, owner):
    return make_proven(project, member=alice, owner=owner)


@pytest.fixture
def template(proven, leader):
    seen = project_for_user(leader, proven.pk)
    return blueprints.template_mark(
        project=seen, description="Halverte telefonene", source="Eksempel kommune", by=leader
    )


def test_a_template_names_nobody_and_holds_no_progress_measurements_decisions_or_history(
    template,
):
    data = json.loads(template.data)
    assert data["kind"] == "template" and data["people"] == []
    assert data["template"] == {
        "title": "Digital innbyggerdialog",
        "description": "Halverte telefonene",
        "source": "Eksempel kommune",
    }
    models = {row["model"] for row in data["objects"]}
    assert models == {"projects.project", *blueprints.PART_OF}
    for word in ("alice", "olga", "Slettet lapp", "I drift i sone nord", "Ja"):
        assert f'"{word}"' not in template.data
    (project,) = [row for row in data["objects"] if row["model"] == "projects.project"]
    assert project["fields"]["step"] == "hypothesis" and project["fields"]["unit"] is None
    (indicator,) = [row for row in data["objects"] if row["model"] == "benefits.indicator"]
    assert indicator["fields"]["specific_by"] is None and indicator["fields"]["responsible"] is None
    assert template.contents["canvas"] == {"canvas.canvas": 1, "canvas.note": 2}
    assert [key for key, _label, _counts in template.parts] == ALL


def test_marking_again_replaces_the_content(template, proven, leader):
    proven.goals.create(level="service", title="Nytt mål")
    seen = project_for_user(leader, proven.pk)
    again = blueprints.template_mark(project=seen, description="Ny", source="X", by=leader)
    assert again.pk == template.pk and ProjectTemplate.objects.count() == 1
    assert again.contents["goals"]["projects.goal"] == 2 and again.description == "Ny"


def _use(template, charlie, parts):
    return blueprints.template_use(
        template=template, title="Besøksvarsel hos oss", unit=None, parts=parts, by=charlie
    )


def test_a_new_project_copies_everything_chosen_and_nothing_else(template, proven, charlie):
    before = canonical(project_export(project_id=proven.pk))
    new = _use(template, charlie, ALL)

    assert (new.title, new.step, new.status, new.funnel_stage) == (
        "Besøksvarsel hos oss",
        "hypothesis",
        "on_track",
        "idea",
    )
    assert new.copied_from == "Digital innbyggerdialog" and new.copied_parts == ALL
    assert list(new.memberships.values_list("user__username", "role")) == [
        ("charlie", "team_member")
    ]
    assert new.flow.hypothesis_value == "vil gi færre telefoner" and new.flow.isolated is True
    assert new.flow.implementation_status == ""
    assert sorted(Note.objects.filter(canvas__project=new).values_list("text", flat=True)) == [
        "Kjent besøkstid",
        "Pårørende",
    ]
    assert not Note.objects.filter(canvas__project=new, created_by__isnull=False).exists()
    assert new.stakeholders.get().name == "Pårørendeforeningen"
    assert new.user_profiles.get().pains == "Vet ikke når"
    measure = new.measures.get()
    assert measure.status == "proposed" and measure.goal == new.goals.get()
    assert new.design_principles.count() == new.identified_benefits.count() == 1
    plan = BenefitPlan.objects.get(project=new)
    assert (plan.status, plan.edition) == ("draft", 1)
    benefit = plan.benefits.get()
    assert benefit.owner is None and list(benefit.measures.all()) == [measure]
    assert benefit.source == new.identified_benefits.get()
    assert benefit.values.get().a == 1200
    indicator = Indicator.objects.get(benefit__plan=plan)
    assert indicator.target_value == 90 and indicator.responsible is None
    assert indicator.specific_by is None and indicator.specific_reason  # to be confirmed again
    # Never copied: measurements, decisions, costs, review, steps 1 and 3's logs, history.
    assert not Measurement.objects.filter(indicator__benefit__plan=plan).exists()
    assert not GateDecision.objects.filter(project=new).exists()
    assert not Cost.objects.filter(plan=plan).exists()
    assert not PlanEvent.objects.filter(plan=plan).exists()
    assert not new.experiments.exists() and not new.lessons.exists()
    assert Project.history.filter(id=new.pk).count() == 1  # its creation
    assert not Indicator.history.filter(benefit__plan=plan).exists()
    # The template's project is as it was.
    assert canonical(project_export(project_id=proven.pk)) == before


def test_only_the_chosen_parts_are_copied(template, charlie):
    new = _use(template, charlie, ["measures", "benefits"])
    assert not hasattr(Project.objects.get(pk=new.pk), "flow")
    assert not new.canvases.exists() and not new.stakeholders.exists()
    assert not new.user_profiles.exists() and not new.goals.exists()
    assert not new.identified_benefits.exists() and not new.design_principles.exists()
    measure = new.measures.get()
    assert measure.goal is None  # the goal was not copied
    benefit = Benefit.objects.get(plan__project=new)
    assert benefit.source is None and list(benefit.measures.all()) == [measure]


def test_without_measures_a_benefit_links_to_none(template, charlie):
    new = _use(template, charlie, ["benefits"])
    benefit = Benefit.objects.get(plan__project=new)
    assert not benefit.measures.exists() and not new.measures.exists()
    assert Membership.objects.filter(project=new).count() == 1


def test_two_projects_from_one_template_are_independent(template, charlie, alice):
    one, two = _use(template, charlie, ALL), _use(template, alice, ALL)
    one_notes = set(Note.objects.filter(canvas__project=one).values_list("pk", flat=True))
    two_notes = set(Note.objects.filter(canvas__project=two).values_list("pk", flat=True))
    assert len(one_notes) == len(two_notes) == 2 and one_notes.isdisjoint(two_notes)
