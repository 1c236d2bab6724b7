"""The foundation's pages over a portfolio of 1,000 projects."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from bench.harness import request, timed
from projects import history
from projects.models import Activity, Experiment, Goal, Measure, Membership, Project, Unit
from projects.selectors import LEADERS_GROUP

PROJECTS = 1000
EDITS = 300  # recorded changes of the measured project: its overview shows the latest
RESPONSIBLE_PROJECTS = 10  # the busy person's projects, 20 items each: 200 in all
PAGE_MS = 50
FRAGMENT_MS = 20


def build(ctx: dict) -> None:
    users = get_user_model().objects
    member = users.create_user("bench-member", password="x")
    leader = users.create_user("bench-leader", password="x")
    leader.groups.add(Group.objects.get_or_create(name=LEADERS_GROUP)[0])
    units = Unit.objects.bulk_create([Unit(name=f"Enhet {i}") for i in range(10)])
    projects = Project.objects.bulk_create(
        [
            Project(
                title=f"Prosjekt {i:04d}",
                summary="Et prosjekt i benchmarken. " * 5,
                unit=units[i % len(units)],
                step=Project.Step.values[i % 4],
                funnel_stage=Project.FunnelStage.values[i % 5],
            )
            for i in range(PROJECTS)
        ]
    )
    colleagues = users.bulk_create([get_user_model()(username=f"kollega{i}") for i in range(20)])
    memberships = [Membership(project=p, user=member, role="team_member") for p in projects[:50]]
    memberships += [Membership(project=projects[0], user=c, role="team_member") for c in colleagues]
    Membership.objects.bulk_create(memberships)
    _edit_history(projects[0], member)
    busy = _responsibilities(projects[50 : 50 + RESPONSIBLE_PROJECTS], projects[60:70])
    ctx.update(member=member, leader=leader, busy=busy, project=projects[0], projects=projects)


def _responsibilities(projects, owned):
    """A person responsible for 200 items (measures, experiments, goals and
    activities, dated from overdue to next month) in their projects, and
    commissioning owner of ten more."""
    busy = get_user_model().objects.create_user("bench-busy", password="x")
    Membership.objects.bulk_create(
        [Membership(project=p, user=busy, role="team_member") for p in projects]
        + [Membership(project=p, user=busy, role="commissioning_owner") for p in owned]
    )
    today = date.today()
    rows = {Measure: [], Experiment: [], Goal: [], Activity: []}
    for p in projects:
        for i in range(5):
            mine = {"project": p, "responsible": busy}
            rows[Measure].append(Measure(title=f"Tiltak {i}", **mine))
            rows[Experiment].append(Experiment(title=f"Eksperiment {i}", date=today, **mine))
            rows[Goal].append(Goal(title=f"Mål {i}", level="user", **mine))
            due = today + timedelta(days=7 * i - 10)
            key = Activity.KEYS[i][0]
            rows[Activity].append(Activity(key=key, due_date=due, status="in_progress", **mine))
    for model, objects in rows.items():
        model.objects.bulk_create(objects)
    return busy


def rows(ctx: dict):
    client = Client()
    client.force_login(ctx["member"])
    pk = ctx["project"].pk
    yield timed("page: home (50 projects)", PAGE_MS, request(client, "get", "/"))
    busy = Client()
    busy.force_login(ctx["busy"])
    yield timed("page: home (200 responsibilities)", PAGE_MS, request(busy, "get", "/"))
    overview = request(client, "get", f"/projects/{pk}/")
    yield timed("page: project overview", PAGE_MS, overview)
    yield timed("page: project overview after a change", PAGE_MS, lambda: _changed(pk, overview))
    yield timed("page: members (21)", PAGE_MS, request(client, "get", f"/projects/{pk}/members/"))
    yield timed("page: history", PAGE_MS, request(client, "get", f"/projects/{pk}/history/"))
    yield timed("page: edit project", PAGE_MS, request(client, "get", f"/projects/{pk}/edit/"))
    yield timed(
        "fragment: members (htmx)",
        FRAGMENT_MS,
        request(client, "get", f"/projects/{pk}/members/", htmx=True),
    )
    yield timed("page: new project", PAGE_MS, request(client, "get", "/projects/new/"))
    yield timed("page: change password", PAGE_MS, request(client, "get", "/accounts/password/"))
    yield timed("page: accessibility statement", PAGE_MS, request(client, "get", "/accessibility/"))
    yield timed("page: log-in (signed out)", PAGE_MS, request(Client(), "get", "/accounts/login/"))


def _changed(project_id: int, call):
    """`call` right after a change: nothing cached of the project is current."""
    history.touch(project_id)
    return call()


def _edit_history(project: Project, user) -> None:
    """A busy year of edits on the measured project, recorded in its history."""
    statuses = Project.Status.values
    for i in range(EDITS):
        project.summary = f"Et prosjekt i benchmarken, versjon {i}."
        project.status = statuses[i % len(statuses)]
        project._history_user = user
        project.save()
