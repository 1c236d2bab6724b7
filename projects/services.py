"""Writes to projects and memberships; each keeps history and refuses stale edits."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils.translation import gettext as _

from .models import Membership, Project


class StaleEdit(Exception):
    """The object changed since the user loaded it; carries the current state."""

    def __init__(self, current):
        super().__init__("stale edit")
        self.current = current


class MembershipRuleBroken(Exception):
    """A change to the members would leave the project without an editor."""


@transaction.atomic
def project_create(*, data: dict, by: AbstractBaseUser) -> Project:
    data = {k: v for k, v in data.items() if k != "version"}
    project = Project.objects.create(**data)
    Membership.objects.create(project=project, user=by, role=Membership.Role.TEAM_MEMBER)
    return project


@transaction.atomic
def row_update(*, row: models.Model, data: dict, version: int | None):
    """Save `data` onto `row` (a model with a `version`) unless someone saved it
    since `version`."""
    current = type(row).objects.select_for_update().get(pk=row.pk)
    if version is not None and version != current.version:
        raise StaleEdit(current)
    for name, value in data.items():
        if name != "version":
            setattr(current, name, value)
    current.version += 1
    current.save()
    return current


def project_update(*, project: Project, data: dict, version: int | None) -> Project:
    """Save `data` onto the project unless someone saved it since `version`."""
    return row_update(row=project, data=data, version=version)


@transaction.atomic
def project_set_archived(*, project: Project, archived: bool) -> Project:
    current = Project.objects.select_for_update().get(pk=project.pk)
    current.archived = archived
    current.version += 1
    current.save()
    return current


def _editors_left(project: Project, *, without: Membership) -> int:
    return (
        Membership.objects.filter(project=project, role__in=Membership.EDITOR_ROLES)
        .exclude(pk=without.pk)
        .count()
    )


def membership_add(*, project: Project, user: AbstractBaseUser, role: str) -> Membership:
    return Membership.objects.create(project=project, user=user, role=role)


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str) -> Membership:
    # Lock the project's memberships so two concurrent changes cannot both
    # remove the last editor.
    list(Membership.objects.select_for_update().filter(project=membership.project_id))
    demoted = membership.is_editor and role not in Membership.EDITOR_ROLES
    if demoted and _editors_left(membership.project, without=membership) == 0:
        raise MembershipRuleBroken(_("The project must keep at least one editor."))
    membership.role = role
    membership.save()
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    list(Membership.objects.select_for_update().filter(project=membership.project_id))
    if membership.is_editor and _editors_left(membership.project, without=membership) == 0:
        raise MembershipRuleBroken(_("The last editor of a project cannot be removed."))
    membership.delete()
