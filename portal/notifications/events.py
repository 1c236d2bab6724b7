"""The events people are told of, and who hears of each. Every rule of who
may decide comes from `projects.access`; `notify` drops the actor and anyone
who cannot see the project."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from benefits.models import PlanEvent
from projects import access
from projects.access import Actor
from projects.discussion import targets
from projects.discussion.selectors import thread_url
from projects.flow import progress
from projects.flow.selectors import flow_facts
from projects.models import Membership, Project
from projects.selectors import LEADERS_GROUP

from .models import Kind, Notification
from .services import notify

Role = Membership.Role


def mentioned_notify(
    *, project: Project | int, recipients, actor, label: str, url: str
) -> list[Notification]:
    """Tell the people mentioned in a text (a comment's item is `label`)."""
    return notify(
        kind=Kind.MENTIONED,
        project=project,
        recipients=recipients,
        actor=actor,
        label=label,
        url=url,
    )


def made_responsible_notify(
    *, project: Project | int, user, actor, label: str, url: str
) -> list[Notification]:
    """Tell `user` they were made responsible for the item `label`."""
    return notify(
        kind=Kind.MADE_RESPONSIBLE,
        project=project,
        recipients=[user],
        actor=actor,
        label=label,
        url=url,
    )


def comment_mentions_notify(sender, *, comment, target, mentioned, actor_id: int, **kwargs) -> None:
    """projects.signals.mentioned: tell the members a comment mentions, with
    a link to its thread."""
    registered = targets.of_model(type(target))
    mentioned_notify(
        project=comment.project_id,
        recipients=mentioned,
        actor=actor_id,
        label=str(target),
        url=thread_url(
            project_id=comment.project_id, kind=registered.kind, item_id=comment.target_id
        ),
    )


def made_responsible_told(
    sender, *, row, user_id: int, project_id: int, url: str, actor_id: int | None, **kwargs
) -> None:
    """projects.signals.made_responsible: tell the person named."""
    made_responsible_notify(
        project=project_id, user=user_id, actor=actor_id, label=str(row), url=url
    )


# --- roles -----------------------------------------------------------------


def roles_changed_notify(sender, *, changes, actor_id: int, **kwargs) -> None:
    """projects.signals.roles_changed: tell each person their new role."""
    for membership, _old in changes:
        notify(
            kind=Kind.ROLE_CHANGED,
            project=membership.project_id,
            recipients=[membership.user_id],
            actor=actor_id,
            label=Role(membership.role).label,
            url=reverse("projects:members", args=[membership.project_id]),
        )


# --- the benefit plan --------------------------------------------------------


def plan_event_notify(sender, *, instance: PlanEvent, created: bool, **kwargs) -> None:
    """post_save of a PlanEvent: a submitted plan goes to whoever decides it
    (`access.plan_decide_refusal`); a decision goes to the submitter and the team."""
    if not created or instance.action not in PLAN_KINDS:
        return
    project_id = instance.plan.project_id
    members = list(Membership.objects.filter(project=project_id).values_list("user_id", "role"))
    if instance.action == PlanEvent.Action.SUBMITTED:
        owner = next((u for u, role in members if role == Role.SOLUTION_OWNER), None)
        recipients = [
            user_id
            for user_id, role in members
            if access.plan_decide_refusal(
                Actor(user_id=user_id, role=role, leader=False),
                submitted_by=instance.by_id,
                solution_owner=owner,
            )
            is None
        ]
    else:
        submitted = instance.plan.events.filter(action=PlanEvent.Action.SUBMITTED)
        submitter = submitted.order_by("-pk").values_list("by_id", flat=True).first()
        recipients = [submitter, *(u for u, role in members if role in access.EDITORS)]
    notify(
        kind=PLAN_KINDS[instance.action],
        project=project_id,
        recipients=recipients,
        actor=instance.by_id,
        label=_("Benefit plan"),
        url=reverse("benefits:plan", args=[project_id]) + "#review",
    )


PLAN_KINDS = {
    PlanEvent.Action.SUBMITTED: Kind.PLAN_SUBMITTED,
    PlanEvent.Action.APPROVED: Kind.PLAN_APPROVED,
    PlanEvent.Action.RETURNED: Kind.PLAN_RETURNED,
}


# --- made by the daily job -----------------------------------------------------


@dataclass(frozen=True)
class Due:
    """An item someone is responsible for, due within a week or overdue."""

    project_id: int
    label: str | Promise
    url: str
    due: date
    key: str  # the item: "activity:12"


def due_notify(*, user, today: date, due: Due) -> None:
    """Tell `user` of the item, once a day."""
    notify(
        kind=Kind.DUE,
        project=due.project_id,
        recipients=[user],
        label=due.label,
        url=due.url,
        due=due.due,
        key=f"{due.key}:{today.isoformat()}",
    )


def gate_deciders(*, memberships: list[Membership], leaders: list[int]) -> list[int]:
    """Who decides the project's gates: its commissioning owner; without one,
    the leaders `access.gate_refusal` lets decide (not those in the team)."""
    roles = {m.user_id: m.role for m in memberships}
    owners = [u for u, role in roles.items() if role == Role.COMMISSIONING_OWNER]
    candidates = owners or leaders
    return [
        u
        for u in candidates
        if access.gate_refusal(Actor(user_id=u, role=roles.get(u), leader=u in leaders)) is None
    ]


def gates_waiting_notify() -> int:
    """Tell the deciders of each open project whose current step has all
    done but the gate that the gate waits for them; once per gate and round
    (a decision to iterate opens a new round). The number of gates told of."""
    leaders = list(
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name=LEADERS_GROUP), is_active=True)
        .values_list("pk", flat=True)
        .distinct()
    )
    projects = (
        Project.objects.filter(archived=False, step__in=progress.STEPS)
        .exclude(funnel_stage=Project.FunnelStage.STOPPED)
        .annotate(decisions=Count("gate_decisions"))
        .prefetch_related(Prefetch("memberships", to_attr="member_rows"))
    )
    told = 0
    for project in projects:
        current = next(
            s
            for s in progress.steps_for(project, project.member_rows, flow_facts(project))
            if s.key == project.step
        )
        if len(current.missing) != 1 or current.missing[0] != str(_gate_text(project.step)):
            continue
        rows = notify(
            kind=Kind.GATE_WAITING,
            project=project,
            recipients=gate_deciders(memberships=project.member_rows, leaders=leaders),
            label=progress.LABELS[project.step],
            url=reverse(progress.URL_NAMES[project.step], args=[project.pk]),
            key=f"gate:{project.pk}:{project.step}:{project.decisions}",
        )
        told += bool(rows)
    return told


def _gate_text(step: str):
    """The checklist line of the step's gate (its last)."""
    return progress.CHECKLIST[step][-1][1]
