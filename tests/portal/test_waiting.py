"""The home page's "Waiting for you" and "My responsibilities": each source
lists exactly the right items for the right person."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from benefits.models import BenefitPlan, PlanEvent
from portal import waiting
from projects.access import Actor
from projects.models import (
    Activity,
    DesignPrinciple,
    Experiment,
    Goal,
    IdentifiedBenefit,
    Measure,
    Membership,
    Project,
)
from projects.services import membership_remove
from tests.benefits.builders import make_benefit, make_indicator, make_plan
from tests.factories import count_queries, make_project, make_user

TODAY = date.today()  # the home page reads the real date


@pytest.fixture
def goals_ready(project):
    """`project` in step 2 with all of the step's work done: its gate waits."""
    Project.objects.filter(pk=project.pk).update(step="goals", target_date=date(2027, 6, 1))
    for level in ("user", "service", "organisation"):
        Goal.objects.create(project=project, level=level, title=f"Mål for {level}")
    DesignPrinciple.objects.create(project=project, title="Digitalt først")
    IdentifiedBenefit.objects.create(project=project, title="Spart tid")
    return Project.objects.get(pk=project.pk)


def titles(items) -> list[str]:
    return [item.title for item in items]


def test_a_ready_gate_waits_for_the_commissioning_owner_only(goals_ready, alice, bob, owner):
    items = waiting.gates(owner, today=TODAY)
    assert [(i.title, i.project) for i in items] == [("2. Lag mål", "Digital innbyggerdialog")]
    assert items[0].url == reverse("projects:step-goals", args=[goals_ready.pk]) + "#gate"
    for person in (alice, bob):
        assert waiting.gates(person, today=TODAY) == []


def test_a_gate_with_work_missing_or_decided_does_not_wait(goals_ready, owner):
    DesignPrinciple.objects.filter(project=goals_ready).delete()
    assert waiting.gates(owner, today=TODAY) == []
    DesignPrinciple.objects.create(project=goals_ready, title="Digitalt først")
    Project.objects.filter(pk=goals_ready.pk).update(funnel_stage=Project.FunnelStage.STOPPED)
    assert waiting.gates(owner, today=TODAY) == []


def test_a_leader_who_works_on_the_project_is_not_asked_but_one_who_reads_it_is(
    goals_ready, leader
):
    membership = Membership.objects.create(project=goals_ready, user=leader, role="team_member")
    assert waiting.gates(leader, today=TODAY) == []
    membership.role = "viewer"
    membership.save()
    assert titles(waiting.gates(leader, today=TODAY)) == ["2. Lag mål"]


def test_no_gate_waits_for_someone_who_left(goals_ready, owner):
    Membership.objects.filter(user=owner).delete()
    assert waiting.gates(owner, today=TODAY) == []


def _submit(plan, by):
    plan.status = BenefitPlan.Status.SUBMITTED
    plan.save()
    PlanEvent.objects.create(plan=plan, action="submitted", by=by, edition=plan.edition)


@pytest.fixture
def sara(project):
    sara = make_user("sara", first_name="Sara", last_name="Sol")
    Membership.objects.create(project=project, user=sara, role="solution_owner")
    return sara


def test_a_submitted_plan_waits_for_the_solution_owner(project, alice, bob, owner, sara):
    plan = make_plan(project)
    assert waiting.plans(sara, today=TODAY) == []  # a draft waits for nobody
    _submit(plan, alice)
    items = waiting.plans(sara, today=TODAY)
    assert [(i.label, i.project) for i in items] == [("Gevinstplan", "Digital innbyggerdialog")]
    assert items[0].url == reverse("benefits:plan", args=[project.pk]) + "#review"
    for person in (alice, bob, owner):
        assert waiting.plans(person, today=TODAY) == []


def test_the_solution_owners_own_submission_waits_for_the_commissioning_owner(
    project, alice, owner, sara
):
    _submit(make_plan(project), sara)
    assert waiting.plans(sara, today=TODAY) == []
    assert len(waiting.plans(owner, today=TODAY)) == 1
    assert waiting.plans(alice, today=TODAY) == []


def test_a_plan_waits_for_nobody_who_left(project, alice, sara):
    _submit(make_plan(project), alice)
    Membership.objects.filter(user=sara).delete()
    assert waiting.plans(sara, today=TODAY) == []


def _activity(project, key, **fields):
    return Activity.objects.create(project=project, key=key, **fields)


def test_activities_overdue_or_due_within_a_week_wait_for_the_responsible(project, alice, bob):
    open_ = {"responsible": alice, "status": "in_progress"}
    _activity(project, "plan", due_date=TODAY - timedelta(days=3), **open_)
    _activity(project, "touchpoints", due_date=TODAY + timedelta(days=7), **open_)
    _activity(project, "journey", due_date=TODAY + timedelta(days=8), **open_)
    _activity(
        project, "trial", due_date=TODAY - timedelta(days=1), responsible=alice, status="done"
    )
    _activity(project, "report", due_date=TODAY, responsible=bob)
    items = waiting.activities(alice, today=TODAY)
    assert [(i.title, i.overdue, i.why) for i in items] == [
        ("Planlegg arbeidet", True, "Forfalt"),
        ("Utvikle kontaktpunkter", False, "Frist innen en uke"),
    ]
    Membership.objects.filter(user=alice).delete()
    assert waiting.activities(alice, today=TODAY) == []


def test_measurements_due_by_frequency_wait_for_the_responsible(project, alice, bob):
    benefit = make_benefit(make_plan(project), owner=alice)
    # Quarterly from 1 January 2026, never measured: due 1 April, long overdue.
    late = make_indicator(benefit, by=alice, name="Bomturer")
    make_indicator(benefit, by=bob, name="Andres indikator")
    soon = make_indicator(
        benefit, by=alice, name="Ventetid", baseline_date=TODAY - timedelta(days=88)
    )
    later = make_indicator(benefit, by=alice, name="Senere", baseline_date=TODAY)
    items = waiting.measurements(alice, today=TODAY)
    assert [(i.title, i.overdue) for i in items] == [(late.name, True), (soon.name, False)]
    assert later.name not in titles(items)
    assert items[0].url == reverse("benefits:indicator", args=[project.pk, late.pk])


def test_the_home_page_says_so_when_nothing_waits(client, charlie):
    make_project(members={charlie: "team_member"})
    client.force_login(charlie)
    page = client.get(reverse("home")).text
    assert "Venter på deg" in page
    assert "Ingenting venter på deg nå" in page
    assert page.index("Venter på deg") < page.index("Prosjekt</th>")


def test_the_home_page_lists_what_waits_first(client, goals_ready, owner):
    client.force_login(owner)
    page = client.get(reverse("home")).text
    assert "Beslutningspunkt: 2. Lag mål" in page
    assert "Ingenting venter på deg nå" not in page


def _responsibilities(project, person, n: int = 1) -> None:
    """`n` of each kind of item with `person` responsible."""
    plan = BenefitPlan.objects.filter(project=project).first() or make_plan(project)
    for k in range(n):
        Measure.objects.create(project=project, title=f"Tiltak {k}", responsible=person)
        Experiment.objects.create(
            project=project, title=f"Eksperiment {k}", date=TODAY, responsible=person
        )
        Goal.objects.create(project=project, level="user", title=f"Mål {k}", responsible=person)
        benefit = make_benefit(plan, title=f"Gevinst {k}", owner=person)
        make_indicator(benefit, by=person, name=f"Indikator {k}")
    for key, _label in Activity.KEYS[:n]:
        Activity.objects.update_or_create(
            project=project,
            key=key,
            defaults={"responsible": person, "due_date": TODAY, "status": "in_progress"},
        )


def test_my_responsibilities_lists_every_kind_by_project(project, alice, bob):
    _responsibilities(project, alice)
    Measure.objects.create(project=project, title="Ferdig tiltak", responsible=alice, status="done")
    Measure.objects.create(project=project, title="Bobs tiltak", responsible=bob)
    other = make_project(title="Et annet prosjekt", members={alice: "team_member"})
    Goal.objects.create(project=other, level="user", title="Mål der", responsible=alice)
    work = waiting.responsible_for(alice, today=TODAY)
    assert [w.title for w in work] == ["Digital innbyggerdialog", "Et annet prosjekt"]
    mine = {(h.label, h.title) for h in work[0].items}
    assert mine == {
        ("Aktivitet", "Pek ut løsningseier"),
        ("Tiltak", "Tiltak 0"),
        ("Eksperiment", "Eksperiment 0"),
        ("Mål", "Mål 0"),
        ("Gevinst", "Gevinst 0"),
        ("Indikator", "Indikator 0"),
    }
    assert [h.title for h in work[1].items] == ["Mål der"]
    assert waiting.responsible_for(bob, today=TODAY)[0].items[0].title == "Bobs tiltak"


def test_what_one_was_responsible_for_is_not_listed_after_leaving(project, alice, sara):
    _responsibilities(project, alice)
    assert waiting.responsible_for(alice, today=TODAY)  # kept until the project changes
    membership = Membership.objects.get(project=project, user=alice)
    assert membership_remove(membership=membership, actor=Actor(alice.pk, "team_member", False))
    assert waiting.responsible_for(alice, today=TODAY) == []


def test_the_home_page_shows_responsibilities_with_due_dates_and_overdue(client, project, alice):
    _activity(
        project, "plan", responsible=alice, due_date=TODAY - timedelta(days=2), status="in_progress"
    )
    measure = Measure.objects.create(project=project, title="Automatisk SMS", responsible=alice)
    client.force_login(alice)
    page = client.get(reverse("home")).text
    assert "Mitt ansvar" in page
    assert "Aktivitet: Planlegg arbeidet" in page and "Forfalt" in page
    url = reverse("projects:matrix", args=[project.pk]) + f"#priority-{measure.pk}"
    assert f'href="{url}"' in page


def test_the_home_page_reads_the_same_number_of_queries_for_1_or_10_of_each(
    client, project, alice, sara
):
    Project.objects.filter(pk=project.pk).update(step="deliver")
    _responsibilities(project, alice, n=1)
    client.force_login(alice)
    few = count_queries(client, reverse("home"))
    _responsibilities(project, alice, n=10)
    _submit(BenefitPlan.objects.get(project=project), alice)
    assert count_queries(client, reverse("home")) == few


def test_my_responsibilities_are_kept_until_a_project_of_mine_changes(
    project, alice, django_assert_num_queries
):
    _responsibilities(project, alice)
    first = waiting.responsible_for(alice, today=TODAY)
    with django_assert_num_queries(1):  # the change stamps of the projects one sees
        assert waiting.responsible_for(alice, today=TODAY) == first
    Measure.objects.create(project=project, title="Nytt tiltak", responsible=alice)
    titles = {h.title for h in waiting.responsible_for(alice, today=TODAY)[0].items}
    assert "Nytt tiltak" in titles
