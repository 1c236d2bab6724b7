"""Who may see and change which project: the one place that decides."""

import logging
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from .models import Activity, Membership, Preference, Project

LEADERS_GROUP = "leaders"
security_log = logging.getLogger("portal.security")


def user_is_leader(user: AbstractBaseUser) -> bool:
    """Leaders and superusers read every project."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_leader"):
        user._is_leader = user.is_superuser or user.groups.filter(name=LEADERS_GROUP).exists()
    return user._is_leader


def projects_for_user(user: AbstractBaseUser) -> QuerySet[Project]:
    """Projects the user may see: members see theirs, leaders see all."""
    if not user.is_authenticated:
        return Project.objects.none()
    if user_is_leader(user):
        return Project.objects.all()
    return Project.objects.filter(memberships__user=user)


def project_for_user(
    user: AbstractBaseUser, project_id: int, *, write: bool = False, approve: bool = False
) -> Project:
    """The project, with `role`, `can_write` and `can_approve` set for this user.

    404 when the user may not see the project (its existence is not leaked);
    403 when they may see it but not write (`write`) or decide its gates (`approve`).
    """
    project = Project.objects.select_related("unit").filter(pk=project_id).first()
    membership = None
    if project is not None and user.is_authenticated:
        membership = Membership.objects.filter(project=project, user=user).first()
    leader = user_is_leader(user)
    if project is None or (membership is None and not leader):
        security_log.warning("project refused: status=404 user=%s project=%s", user.pk, project_id)
        raise Http404
    project.role = membership.role if membership else None
    project.can_write = membership is not None and membership.is_editor
    project.can_approve = leader or (
        membership is not None and membership.role == Membership.Role.COMMISSIONING_OWNER
    )
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


def language_of(user: AbstractBaseUser) -> str:
    """The language the user last chose in the portal, or the portal's default."""
    preference = Preference.objects.filter(user=user).first()
    return preference.language if preference else settings.LANGUAGE_CODE


def activities_due(*, start: date, end: date) -> QuerySet[Activity]:
    """Step 3 activities still open whose due date falls from `start` to `end`."""
    return (
        Activity.objects.filter(
            responsible__isnull=False,
            due_date__range=(start, end),
            status__in=[Activity.Status.NOT_STARTED, Activity.Status.IN_PROGRESS],
        )
        .select_related("project", "responsible")
        .order_by("due_date", "pk")
    )
