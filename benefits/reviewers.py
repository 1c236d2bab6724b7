"""Who reviews a benefit plan and what its review has recorded: who
submitted it last, who hold the owner roles, its last approval."""

from dataclasses import dataclass

from projects.models import Membership

from .models import BenefitPlan, PlanEvent
from .selectors import plan_events


def last_approval(plan: BenefitPlan) -> PlanEvent | None:
    return plan.events.filter(action=PlanEvent.Action.APPROVED).order_by("-pk").first()


def latest_event(events: list[PlanEvent], action: str) -> PlanEvent | None:
    """Of the plan's events already read (`plan_events`), the last with `action`."""
    return max((e for e in events if e.action == action), key=lambda e: e.pk, default=None)


@dataclass(frozen=True)
class Reviewers:
    """Who submitted the plan's current revision and who hold the owner roles."""

    submitted_by: int | None
    solution_owner: int | None
    commissioning_owner: int | None

    @property
    def decider(self) -> int | None:
        """Who decides the submitted plan: the solution owner, or the
        commissioning owner when the solution owner submitted it."""
        if self.submitted_by is not None and self.submitted_by == self.solution_owner:
            return self.commissioning_owner
        return self.solution_owner


def reviewers(plan: BenefitPlan, *, events: list[PlanEvent] | None = None) -> Reviewers:
    """Who reviews the plan; `events` are its events (`plan_events`), read
    here when not given."""
    submitted = latest_event(
        plan_events(plan) if events is None else events, PlanEvent.Action.SUBMITTED
    )
    owners = dict(
        Membership.objects.filter(
            project_id=plan.project_id,
            role__in=(Membership.Role.SOLUTION_OWNER, Membership.Role.COMMISSIONING_OWNER),
        )
        .order_by("pk")
        .values_list("role", "user_id")
    )
    return Reviewers(
        submitted_by=submitted.by_id if submitted is not None else None,
        solution_owner=owners.get(Membership.Role.SOLUTION_OWNER),
        commissioning_owner=owners.get(Membership.Role.COMMISSIONING_OWNER),
    )
