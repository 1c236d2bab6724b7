"""Writes to projects and memberships; each keeps history and refuses stale edits."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils.translation import gettext as _

from . import access, responsibilities
from .access import Actor, Refused, check
from .models import Activity, Membership, Project
from .signals import roles_changed
from .versioning import bump, fields_of, save_versioned


@transaction.atomic
def project_create(*, data: dict, by: AbstractBaseUser) -> Project:
    project = Project.objects.create(**fields_of(data))
    Membership.objects.create(project=project, user=by, role=Membership.Role.TEAM_MEMBER)
    return project


@transaction.atomic
def row_update(*, row: models.Model, data: dict, version: int | None):
    """Save `data` onto `row` (a model with a `version`) unless someone saved it
    since `version`."""
    return save_versioned(row, data=data, version=version)


def project_update(*, project: Project, data: dict, version: int | None) -> Project:
    """Save `data` onto the project unless someone saved it since `version`."""
    return row_update(row=project, data=data, version=version)


@transaction.atomic
def project_set_archived(*, project: Project, archived: bool) -> Project:
    return save_versioned(project, data={"archived": archived})


# --- members: the rules are in projects.access, enforced here ---------------

# Appointing an owner replaces the one before, who stays in the project.
REPLACED_BY = {
    Membership.Role.SOLUTION_OWNER: Membership.Role.TEAM_MEMBER,
    Membership.Role.COMMISSIONING_OWNER: Membership.Role.VIEWER,
}


def _lock_members(project_id: int) -> list[Membership]:
    """The project's memberships, locked: two changes at once cannot both take
    the last editor or both appoint an owner. The project row is locked first:
    a membership added meanwhile has no row to wait on, and the read after the
    lock sees it (PostgreSQL reads each statement afresh)."""
    Project.objects.select_for_update().filter(pk=project_id).values_list("pk").first()
    return list(Membership.objects.select_for_update().filter(project=project_id).order_by("pk"))


def _keep_an_editor(members: list[Membership], *, changed: Membership, role: str | None) -> None:
    if not changed.is_editor or role in Membership.EDITOR_ROLES:
        return
    if not any(m.is_editor for m in members if m.pk != changed.pk):
        raise Refused(_("The project must keep at least one editor."))


def _appoint(
    members: list[Membership], *, role: str, project_id: int
) -> list[tuple[Membership, str]]:
    """Make room for a new owner in `role`; a new solution owner also completes
    step 3's first activity. The members moved aside, each with their old role."""
    moved = []
    for m in members:
        if m.role == role and role in REPLACED_BY:
            moved.append((m, m.role))
            m.role = REPLACED_BY[role]
            m.save()
    if role == Membership.Role.SOLUTION_OWNER:
        for activity in Activity.objects.filter(project=project_id, key="solution_owner").exclude(
            status=Activity.Status.DONE
        ):
            activity.status = Activity.Status.DONE
            bump(activity)
    return moved


@transaction.atomic
def membership_add(
    *, project: Project, user: AbstractBaseUser, role: str, actor: Actor
) -> Membership:
    members = _lock_members(project.pk)
    if any(m.user_id == user.pk for m in members):
        raise Refused(_("That person is already a member of this project."))
    check(access.membership_refusal(actor, user_id=user.pk, old=None, new=role))
    moved = _appoint(members, role=role, project_id=project.pk)
    membership = Membership.objects.create(project=project, user=user, role=role)
    roles_changed.send(Membership, changes=[*moved, (membership, None)], actor_id=actor.user_id)
    return membership


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, actor: Actor) -> Membership:
    members = _lock_members(membership.project_id)
    current = next((m for m in members if m.pk == membership.pk), None)
    if current is None:
        raise Refused(_("That person is no longer a member of this project."))
    if current.role == role:
        return current
    check(access.membership_refusal(actor, user_id=current.user_id, old=current.role, new=role))
    _keep_an_editor(members, changed=current, role=role)
    others = [m for m in members if m.pk != current.pk]
    moved = _appoint(others, role=role, project_id=current.project_id)
    old, current.role = current.role, role
    current.save()
    roles_changed.send(Membership, changes=[*moved, (current, old)], actor_id=actor.user_id)
    return current


@transaction.atomic
def membership_remove(*, membership: Membership, actor: Actor) -> int:
    """Remove the member; what they were responsible for in the project is left
    with no one responsible. The number of such items."""
    members = _lock_members(membership.project_id)
    current = next((m for m in members if m.pk == membership.pk), None)
    if current is None:
        return 0
    check(access.membership_refusal(actor, user_id=current.user_id, old=current.role, new=None))
    _keep_an_editor(members, changed=current, role=None)
    current.delete()
    return responsibilities.release(project_id=current.project_id, user=current.user)
