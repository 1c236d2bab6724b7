"""Who may do what in a project: every rule of roles and decisions lives here.

`project_for_user` (projects.selectors) decides who may see a project at all
and gives the project an `Actor`: the person asking, with their role in it.
The rules below take that actor and answer with `None` when the action is
allowed, or the reason it is not, in the person's language. Services enforce
them (a refused action raises `Refused` and changes nothing); pages ask the
same rules to offer only what the person may do.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import Membership

Role = Membership.Role
EDITORS = Membership.EDITOR_ROLES
OWNERS = frozenset({Role.SOLUTION_OWNER, Role.COMMISSIONING_OWNER})
# How much a role may do; leaving the project (None) is the least.
RANK = {None: 0, Role.VIEWER: 1, Role.TEAM_MEMBER: 2, Role.SOLUTION_OWNER: 3}
RANK[Role.COMMISSIONING_OWNER] = 4


class Refused(Exception):
    """An action the rules do not allow; the message says why."""


@dataclass(frozen=True)
class Actor:
    """A signed-in person as seen from one project."""

    user_id: int
    role: str | None  # their membership's role; None when not a member
    leader: bool  # leaders and administrators see every project
    admin: bool = False

    @property
    def editor(self) -> bool:
        return self.role in EDITORS

    @property
    def governs(self) -> bool:
        """Leaders and administrators appoint and remove the owners."""
        return self.leader or self.admin


def check(refusal: str | None) -> None:
    """Raise `Refused` with the reason, if there is one."""
    if refusal is not None:
        raise Refused(refusal)


# --- members ---------------------------------------------------------------


def membership_refusal(
    actor: Actor, *, user_id: int | None, old: str | None, new: str | None
) -> str | None:
    """Whether `actor` may move the person `user_id` from role `old` to `new`.

    `old` None adds a new member; `new` None removes one (or lets them leave)."""
    if old == new:
        return None
    if user_id == actor.user_id and RANK[new] > RANK[old]:
        return _("Nobody can raise their own role.")
    if Role.COMMISSIONING_OWNER in (old, new):
        if not actor.governs:
            return _(
                "Only a leader or an administrator appoints, replaces or removes "
                "the commissioning owner."
            )
        return None
    if new == Role.SOLUTION_OWNER:
        if not (actor.governs or actor.role == Role.COMMISSIONING_OWNER):
            return _("Only the commissioning owner or a leader appoints the solution owner.")
        return None
    if old == Role.SOLUTION_OWNER:
        if not actor.governs:
            return _("Only a leader demotes or removes the solution owner.")
        return None
    if new is None and user_id == actor.user_id:
        return None  # anyone but an owner may leave
    if actor.editor:
        return None
    return _("Only team members add, change and remove team members and viewers.")


def roles_offered(actor: Actor, *, user_id: int | None, old: str | None) -> list[str]:
    """The roles `actor` may give the person (`old` None: a new member)."""
    return [
        role
        for role in Role.values
        if role == old or membership_refusal(actor, user_id=user_id, old=old, new=role) is None
    ]


def may_manage_members(actor: Actor) -> bool:
    """Whether the Members page offers `actor` any change at all."""
    return actor.editor or actor.governs or actor.role == Role.COMMISSIONING_OWNER


# --- decisions -------------------------------------------------------------


def gate_refusal(actor: Actor) -> str | None:
    """A gate is decided by the commissioning owner, or a leader who does not
    work on the project."""
    if actor.role == Role.COMMISSIONING_OWNER or (actor.governs and not actor.editor):
        return None
    if actor.governs:
        return _("A leader who works on the project cannot decide its gates.")
    return _("Only the commissioning owner or a leader decides the gates.")


def plan_submit_refusal(actor: Actor) -> str | None:
    if actor.editor:
        return None
    return _("Only team members and the solution owner submit the benefit plan.")


def plan_decide_refusal(
    actor: Actor, *, submitted_by: int | None, solution_owner: int | None
) -> str | None:
    """The solution owner decides a submitted plan; when the solution owner
    submitted it, the commissioning owner does. Never the person who submitted."""
    if submitted_by is not None and submitted_by == actor.user_id:
        return _("You submitted the plan; someone else must approve or return it.")
    if submitted_by is not None and submitted_by == solution_owner:
        if actor.role == Role.COMMISSIONING_OWNER:
            return None
        return _("The solution owner submitted the plan, so the commissioning owner decides it.")
    if actor.role == Role.SOLUTION_OWNER:
        return None
    return _("Only the solution owner approves or returns the benefit plan.")


def confirm_refusal(actor: Actor, *, changed_by: int | None) -> str | None:
    """S, A and R are confirmed by a member other than the one who last changed
    the indicator."""
    if not actor.editor:
        return _("Only team members and the solution owner confirm criteria.")
    if changed_by is not None and changed_by == actor.user_id:
        return _("You changed this indicator last; another member must confirm its criteria.")
    return None


def plan_edit_refusal(actor: Actor) -> str | None:
    """Writing the plan's content, importing it included."""
    if actor.editor:
        return None
    return _("Only team members and the solution owner change the benefit plan.")


def plan_review_refusal(actor: Actor) -> str | None:
    """Whether `actor` may ever decide the benefit plan: only the owners do
    (which of them decides a submission is `plan_decide_refusal`'s answer)."""
    if actor.role in OWNERS:
        return None
    return _(
        "Only the solution owner, or the commissioning owner when the solution owner "
        "submitted it, approves or returns the benefit plan."
    )


# --- templates -------------------------------------------------------------


def template_refusal(actor: Actor) -> str | None:
    """Leaders and administrators make a project a template, upload templates
    from other installations and remove templates. (Anyone signed in may
    start a project from a template, as they may start any project.)"""
    if actor.governs:
        return None
    return _("Only a leader or an administrator makes, uploads or removes templates.")


# --- comments --------------------------------------------------------------


def comment_refusal(actor: Actor) -> str | None:
    """Every member comments, viewers and the commissioning owner included:
    it is how they take part. Leaders who are not members read."""
    if actor.role is not None:
        return None
    return _("Only members of the project comment.")


def comment_change_refusal(actor: Actor, *, author_id: int | None) -> str | None:
    """A comment is edited or deleted by its author while a member, by nobody else."""
    if actor.role is not None and author_id is not None and author_id == actor.user_id:
        return None
    return _("Only the author edits or deletes a comment.")
