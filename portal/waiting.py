"""What the home page shows a person of their work: what waits for them
(decisions, reviews, due and overdue work) and what they are responsible for.

Each source of "Waiting for you" is a function (user, today) -> items, with
one query or a few, however many rows; another source is a function added
to SOURCES."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import caches
from django.db.models import F, OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from benefits.models import BenefitPlan, PlanEvent
from benefits.selectors import digest, indicators_due
from projects import access, responsibilities
from projects.flow import progress
from projects.flow.selectors import flow_facts_of
from projects.models import Membership, Project
from projects.selectors import activities_due, projects_for_user, user_is_leader

from .notifications.models import Kind
from .notifications.selectors import notifications_for_user

SOON = timedelta(days=7)  # due within a week counts as waiting
RESPONSIBLE_SECONDS = 300  # as the plan page's cached parts


@dataclass(frozen=True)
class Item:
    label: str  # what kind of thing waits: "Gate decision", "Activity"
    title: str
    project: str  # the project's title
    url: str
    why: str  # why it waits for this person, in their language
    due: date | None = None
    overdue: bool = False


def _actor(user: AbstractBaseUser, role: str | None) -> access.Actor:
    return access.Actor(
        user_id=user.pk,
        role=role,
        leader=user_is_leader(user),
        admin=user.is_staff or user.is_superuser,
    )


def gates(user: AbstractBaseUser, *, today: date) -> list[Item]:
    """Gates of the person's projects whose step's work is done, where the
    access rules let them decide: at most three queries, however many projects."""
    memberships = list(
        Membership.objects.filter(
            user=user, project__archived=False, project__step__in=progress.STEPS
        )
        .exclude(project__funnel_stage=Project.FunnelStage.STOPPED)
        .select_related("project")
        .order_by("project__title", "project_id")
    )
    mine = [m for m in memberships if access.gate_refusal(_actor(user, m.role)) is None]
    if not mine:
        return []
    roles: dict[int, list[str]] = {}
    for project_id, role in Membership.objects.filter(
        project__in=[m.project_id for m in mine]
    ).values_list("project_id", "role"):
        roles.setdefault(project_id, []).append(role)
    # What the members and the project's own fields tell is known already:
    # the step's work is read only where it may be done.
    mine = [
        m
        for m in mine
        if progress.gate_ready(
            step=m.project.step,
            facts=progress.step_facts(m.project, roles[m.project_id]),
            unknown=True,
        )
    ]
    if not mine:
        return []
    needed = progress.gate_facts({m.project.step for m in mine})
    facts = flow_facts_of(Project.objects.filter(pk__in=[m.project_id for m in mine]), needed)
    items = []
    for m in mine:
        p = m.project
        if progress.gate_ready(step=p.step, facts=progress.step_facts(p, roles[p.pk], facts[p.pk])):
            items.append(
                Item(
                    label=_("Gate decision"),
                    title=str(progress.LABELS[p.step]),
                    project=p.title,
                    url=reverse(progress.URL_NAMES[p.step], args=[p.pk]) + "#gate",
                    why=_("The step's work is done; the gate waits for your decision."),
                )
            )
    return items


def plans(user: AbstractBaseUser, *, today: date) -> list[Item]:
    """Benefit plans submitted for this person to decide (never their own
    submission): one query."""
    submitted = PlanEvent.objects.filter(
        plan=OuterRef("pk"), action=PlanEvent.Action.SUBMITTED
    ).order_by("-pk")
    owner = Membership.objects.filter(
        project=OuterRef("project"), role=Membership.Role.SOLUTION_OWNER
    ).order_by("pk")
    rows = (
        BenefitPlan.objects.filter(
            status=BenefitPlan.Status.SUBMITTED,
            project__archived=False,
            project__memberships__user=user,
            project__memberships__role__in=access.OWNERS,
        )
        .annotate(
            my_role=F("project__memberships__role"),
            submitted_by=Subquery(submitted.values("by_id")[:1]),
            solution_owner=Subquery(owner.values("user_id")[:1]),
        )
        .select_related("project")
        .order_by("project__title", "pk")
    )
    return [
        Item(
            label=_("Benefit plan"),
            title=_("Version %(n)s") % {"n": plan.edition},
            project=plan.project.title,
            url=reverse("benefits:plan", args=[plan.project_id]) + "#review",
            why=_("Submitted for your review: approve it or return it."),
        )
        for plan in rows
        if access.plan_decide_refusal(
            _actor(user, plan.my_role),
            submitted_by=plan.submitted_by,
            solution_owner=plan.solution_owner,
        )
        is None
    ]


def _why(due: date, today: date) -> str:
    return _("Overdue") if due < today else _("Due within a week")


def activities(user: AbstractBaseUser, *, today: date) -> list[Item]:
    """Open activities of step 3 the person is responsible for, overdue or
    due within a week: one query."""
    rows = activities_due(start=date.min, end=today + SOON).filter(responsible=user)
    return [
        Item(
            label=_("Activity"),
            title=a.title,
            project=a.project.title,
            url=reverse("projects:step-deliver", args=[a.project_id]) + "#activity-progress",
            why=_why(a.due_date, today),
            due=a.due_date,
            overdue=a.due_date < today,
        )
        for a in rows
    ]


def measurements(user: AbstractBaseUser, *, today: date) -> list[Item]:
    """Measurements the person is to make, by each indicator's frequency,
    overdue or due within a week: one query."""
    return [
        Item(
            label=_("Measurement"),
            title=i.name,
            project=i.benefit.plan.project.title,
            url=reverse("benefits:indicator", args=[i.benefit.plan.project_id, i.pk]),
            why=_why(i.due, today),
            due=i.due,
            overdue=i.due < today,
        )
        for i in indicators_due(before=today + SOON + timedelta(days=1), user=user)
    ]


def mentions(user: AbstractBaseUser, *, today: date) -> list[Item]:
    """Comments that mention the person, not yet read in the inbox (the link
    marks them read): one query."""
    unread = notifications_for_user(user).filter(kind=Kind.MENTIONED, read_at__isnull=True)
    return [
        Item(
            label=_("Comment"),
            title=n.label,
            project=n.project.title,
            url=reverse("inbox-go", args=[n.pk]),
            why=str(Kind.MENTIONED.label),
        )
        for n in unread[:MAX_MENTIONS]
    ]


MAX_MENTIONS = 20  # the rest wait in the inbox

SOURCES: tuple[Callable[..., list[Item]], ...] = (
    gates,
    plans,
    mentions,
    activities,
    measurements,
)


def waiting_for(user: AbstractBaseUser, *, today: date) -> list[Item]:
    """What waits for the person: decisions and reviews first, then work by due date."""
    items = [item for source in SOURCES for item in source(user, today=today)]
    return sorted(items, key=lambda item: (item.due is not None, item.due or date.min))


@dataclass(frozen=True)
class ProjectWork:
    project_id: int
    title: str
    items: list[responsibilities.Held]


def responsible_for(user: AbstractBaseUser, *, today: date) -> list[ProjectWork]:
    """What the person is responsible for in the projects they can see, by
    project, the dated first by date: one query per kind of item, or one
    when kept. Kept per person, language and day for the projects they see,
    each at its change stamp (replaced by every recorded change of its rows,
    its members among them)."""
    visible = projects_for_user(user).filter(archived=False)
    stamps = tuple(visible.order_by("pk").values_list("pk", "change_stamp"))
    key = "responsible:" + digest((user.pk, get_language(), today, stamps))
    work = caches["pages"].get(key)
    if work is None:
        work = _responsible_for(user, project_ids=visible.values("pk"))
        caches["pages"].set(key, work, RESPONSIBLE_SECONDS)
    return work


def _responsible_for(user: AbstractBaseUser, *, project_ids) -> list[ProjectWork]:
    held = responsibilities.held(user=user, project_ids=project_ids)
    held.sort(key=lambda h: (h.project_title, h.project_id, h.due is None, h.due or date.min))
    return [
        ProjectWork(
            project_id=project_id,
            title=title,
            items=list(rows),
        )
        for (project_id, title), rows in groupby(
            held, key=lambda h: (h.project_id, h.project_title)
        )
    ]
