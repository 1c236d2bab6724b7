"""The plan's review: submitted complete, decided by someone other than the
submitter, and, once approved, changed only through a revision that is
approved in turn or discarded. Each step checks the rules in
`projects.access`, the plan's state and its version, and is recorded as a
`PlanEvent`; a refused step changes nothing."""

import json
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.translation import gettext as _

from projects import access
from projects.versioning import bump, lock

from . import restore, smarte
from .models import BenefitPlan, PlanEvent
from .reviewers import last_approval, reviewers
from .selectors import load_plan
from .services import ReviewRefused

Status = BenefitPlan.Status


class _Exact(DjangoJSONEncoder):
    """Keeps every microsecond of a confirmation's time (Django's encoder cuts
    them to milliseconds), so a discarded revision restores it exactly."""

    def default(self, o):
        return o.isoformat() if isinstance(o, datetime) else super().default(o)


def _record(plan: BenefitPlan, actor: access.Actor, action: str, **fields) -> None:
    bump(plan)
    PlanEvent.objects.create(
        plan=plan, action=action, by_id=actor.user_id, edition=plan.edition, **fields
    )


def submit_gaps(plan: BenefitPlan) -> list[str]:
    """What keeps the plan from being submitted (empty when nothing does)."""
    return smarte.plan_gaps(load_plan(plan).benefits)


def refusal_text(gaps: list[str]) -> str:
    return _("The plan cannot be submitted yet: %(gaps)s") % {"gaps": " ".join(gaps)}


@transaction.atomic
def plan_submit(*, plan: BenefitPlan, actor: access.Actor, version: int | None) -> BenefitPlan:
    access.check(access.plan_submit_refusal(actor))
    current = lock(BenefitPlan, version=version, pk=plan.pk)
    if not current.editable:
        raise ReviewRefused(_("Only a draft or a returned plan can be submitted."))
    if gaps := submit_gaps(current):
        raise ReviewRefused(refusal_text(gaps))
    current.status = Status.SUBMITTED
    _record(current, actor, PlanEvent.Action.SUBMITTED)
    return current


def _decide(*, plan, actor, version, status, action, comment="", snapshot=None) -> BenefitPlan:
    current = lock(BenefitPlan, version=version, pk=plan.pk)
    if current.status != Status.SUBMITTED:
        raise ReviewRefused(_("Only a submitted plan can be approved or returned."))
    people = reviewers(current)
    access.check(
        access.plan_decide_refusal(
            actor, submitted_by=people.submitted_by, solution_owner=people.solution_owner
        )
    )
    current.status = status
    _record(current, actor, action, comment=comment, snapshot=snapshot)
    return current


@transaction.atomic
def plan_approve(
    *, plan: BenefitPlan, actor: access.Actor, version, comment: str = ""
) -> BenefitPlan:
    """Approve the submitted plan and keep it as approved, in one transaction."""
    snapshot = json.loads(json.dumps(load_plan(plan).records(), cls=_Exact))
    return _decide(
        plan=plan,
        actor=actor,
        version=version,
        status=Status.APPROVED,
        action=PlanEvent.Action.APPROVED,
        comment=comment,
        snapshot=snapshot,
    )


@transaction.atomic
def plan_return(*, plan: BenefitPlan, actor: access.Actor, version, comment: str) -> BenefitPlan:
    if not comment.strip():
        raise ReviewRefused(_("Say what must change before the plan is returned."))
    return _decide(
        plan=plan,
        actor=actor,
        version=version,
        status=Status.RETURNED,
        action=PlanEvent.Action.RETURNED,
        comment=comment,
    )


@transaction.atomic
def plan_revise(*, plan: BenefitPlan, actor: access.Actor, version, reason: str) -> BenefitPlan:
    """Start a revision of the approved plan (edition n + 1), saying why. The approved plan
    stays the plan of record until the revision is approved."""
    access.check(access.plan_edit_refusal(actor))
    current = lock(BenefitPlan, version=version, pk=plan.pk)
    if current.status != Status.APPROVED:
        raise ReviewRefused(_("Only an approved plan can be revised."))
    if not reason.strip():
        raise ReviewRefused(_("Say why the plan is revised."))
    current.status = Status.DRAFT
    current.edition += 1
    _record(current, actor, PlanEvent.Action.REOPENED, comment=reason.strip())
    return current


@transaction.atomic
def plan_discard(*, plan: BenefitPlan, actor: access.Actor, version) -> BenefitPlan:
    """Throw the revision away: the plan returns to its approved content and
    status, every row as approved (row ids kept). Measurements are never
    deleted, so a revision whose new indicators have been measured is refused."""
    access.check(access.plan_edit_refusal(actor))
    current = lock(BenefitPlan, version=version, pk=plan.pk)
    approved = last_approval(current)
    if not current.editable or approved is None or approved.edition >= current.edition:
        raise ReviewRefused(_("Only a revision in draft or returned can be discarded."))
    if not restore.restorable(approved.snapshot):
        raise ReviewRefused(
            _(
                "The plan was approved before approved plans kept what is needed to "
                "restore them, so this revision cannot be discarded. Change it back by "
                "hand, or have it approved."
            )
        )
    discarded = current.edition
    restore.plan_restore(plan=current, records=approved.snapshot)
    current.status = Status.APPROVED
    current.edition = approved.edition
    bump(current)
    PlanEvent.objects.create(
        plan=current, action=PlanEvent.Action.DISCARDED, by_id=actor.user_id, edition=discarded
    )
    return current
