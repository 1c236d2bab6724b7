"""Who may see and change which project: the one place that decides. And what
a project's overview page shows."""

import logging
from collections.abc import Iterable
from datetime import date
from functools import cached_property

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from . import access
from .access import Actor
from .discussion.selectors import Counts, comment_counts
from .flow import progress
from .flow.selectors import flow_facts
from .history import ProjectHistory
from .models import Activity, GateDecision, Membership, Project

LEADERS_GROUP = "leaders"
security_log = logging.getLogger("portal.security")


def user_is_leader(user: AbstractBaseUser, *, in_group: bool | None = None) -> bool:
    """Leaders and superusers read every project. `in_group`: whether the user
    is in the leaders group, when already read; otherwise it is looked up."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_leader"):
        if in_group is None:
            in_group = user.groups.filter(name=LEADERS_GROUP).exists()
        user._is_leader = user.is_superuser or in_group
    return user._is_leader


def projects_for_user(user: AbstractBaseUser) -> QuerySet[Project]:
    """Projects the user may see: members see theirs, leaders see all."""
    if not user.is_authenticated:
        return Project.objects.none()
    if user_is_leader(user):
        return Project.objects.all()
    return Project.objects.filter(memberships__user=user)


def seen_by(user: AbstractBaseUser, *, project_field: str = "pk") -> Q:
    """The rule of `projects_for_user` as one condition on rows whose project
    is `project_field`, for counting them in a single query: the user's
    memberships, or every project for a leader or superuser."""
    if user.is_superuser or getattr(user, "_is_leader", False):
        return Q()
    member = Membership.objects.filter(project=OuterRef(project_field), user=user.pk)
    if hasattr(user, "_is_leader"):  # known not to be a leader
        return Q(Exists(member))
    leader = Group.objects.filter(user=user.pk, name=LEADERS_GROUP)
    return Q(Exists(member)) | Q(Exists(leader))


def users_who_see(*, project_id: int, user_ids: Iterable[int]) -> set[int]:
    """Of these people, those who may see the project, by the rule of
    `projects_for_user`: its members, the leaders and the superusers."""
    ids = set(user_ids)
    if not ids:
        return set()
    members = Membership.objects.filter(project=project_id, user__in=ids)
    leaders = get_user_model().objects.filter(
        Q(is_superuser=True) | Q(groups__name=LEADERS_GROUP), pk__in=ids
    )
    return set(members.values_list("user_id", flat=True)) | set(
        leaders.values_list("pk", flat=True)
    )


def project_for_user(
    user: AbstractBaseUser,
    project_id: int,
    *,
    write: bool = False,
    approve: bool = False,
    annotations: dict | None = None,
) -> Project:
    """The project, with `role`, `can_write` and `can_approve` set for this user.

    404 when the user may not see the project (its existence is not leaked);
    403 when they may see it but not write (`write`) or decide its gates (`approve`).
    `annotations` are read in the same query (e.g. what a poll compares).
    """
    project = None
    if user.is_authenticated:
        rows = _with_access(user).filter(pk=project_id).annotate(**(annotations or {}))
        project = next(iter(rows), None)
    leader = project is not None and user_is_leader(user, in_group=bool(project.in_leaders))
    if project is None or (project.my_role is None and not leader):
        security_log.warning("project refused: status=404 user=%s project=%s", user.pk, project_id)
        raise Http404
    project.role = project.my_role
    project.actor = Actor(
        user_id=user.pk, role=project.role, leader=leader, admin=user.is_staff or user.is_superuser
    )
    project.can_write = project.actor.editor
    # Whether the person decides the project's gates.
    project.can_approve = access.gate_refusal(project.actor) is None
    if (write and not project.can_write) or (approve and not project.can_approve):
        security_log.warning(
            "project refused: status=403 user=%s project=%s write=%s approve=%s",
            user.pk,
            project_id,
            write,
            approve,
        )
        raise PermissionDenied
    return project


def _with_access(user: AbstractBaseUser) -> QuerySet[Project]:
    """Projects with the user's role in each (`my_role`), whether they are a
    leader (`in_leaders`) and their unit: every project page asks this first,
    in one query.
    Unordered, as one row is read."""
    mine = Membership.objects.filter(project=OuterRef("pk"), user=user.pk).order_by()
    role = mine.values("role")[:1]
    leaders = Group.objects.filter(user=user.pk, name=LEADERS_GROUP)
    return (
        Project.objects.annotate(my_role=Subquery(role), in_leaders=Exists(leaders))
        .select_related("unit")  # every page's header names it
        .order_by()
    )


def projects_waiting_for_owner(user: AbstractBaseUser) -> QuerySet[Project]:
    """Open projects without a commissioning owner, for the leaders who appoint one."""
    if not user_is_leader(user):
        return Project.objects.none()
    return (
        Project.objects.filter(archived=False)
        .exclude(funnel_stage=Project.FunnelStage.STOPPED)
        .exclude(memberships__role=Membership.Role.COMMISSIONING_OWNER)
        .order_by("title")
    )


def activities_due(*, start: date, end: date) -> QuerySet[Activity]:
    """Step 3 activities still open whose due date falls from `start` to `end`."""
    return (
        Activity.objects.filter(
            responsible__isnull=False,
            # Someone who has left the project is not reminded of it.
            project__memberships__user=F("responsible"),
            due_date__range=(start, end),
            status__in=[Activity.Status.NOT_STARTED, Activity.Status.IN_PROGRESS],
        )
        .select_related("project", "responsible")
        .order_by("due_date", "pk")
    )


class Overview:
    """What the overview page shows of a project, read on first use: the page
    caches its rendering, and a cached page reads none of it."""

    def __init__(self, project: Project):
        self.project = project

    @cached_property
    def memberships(self) -> list:
        return list(self.project.memberships.select_related("user"))

    @cached_property
    def commissioning_owner(self) -> Membership | None:
        role = Membership.Role.COMMISSIONING_OWNER
        return next((m for m in self.memberships if m.role == role), None)

    @cached_property
    def steps(self) -> list:
        return progress.steps_for(self.project, self.memberships, flow_facts(self.project))

    @cached_property
    def decisions(self) -> list:
        return list(self.project.gate_decisions.select_related("decided_by"))

    @cached_property
    def comment_counts(self) -> Counts:
        return comment_counts(project_id=self.project.pk, models=[Project, GateDecision])

    @cached_property
    def latest(self) -> list:
        return ProjectHistory(self.project.pk)[:5]
