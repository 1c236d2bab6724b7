"""Writes of the three steps: versioned saves, gate decisions, the journey's order."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects import history, history_words
from projects.access import Actor, Refused, check, gate_refusal
from projects.models import Activity, GateDecision, JourneyStage, Membership, Project, ProjectFlow
from projects.textmerge import merge_fields
from projects.versioning import StaleEdit, bump, fields_of, save_versioned


class GateRefused(Refused):
    """The gate decision breaks the flow's rules; the message says why."""


NOT_CURRENT_GATE = gettext_lazy(
    "This gate is not the project's current one. The page now shows where it stands."
)


@transaction.atomic
def row_create(*, model: type[models.Model], project: Project, data: dict, **fixed):
    return model.objects.create(project=project, **fixed, **fields_of(data))


def flow_for(project: Project) -> ProjectFlow:
    """The project's step texts; an unsaved blank row until first saved."""
    try:
        return project.flow
    except ProjectFlow.DoesNotExist:
        return ProjectFlow(project=project)


@transaction.atomic
def flow_update(
    *, project: Project, data: dict, part_digest: str | None, loaded: dict | None = None
) -> ProjectFlow:
    """Save one part of the step texts (the hypothesis, the criteria, …) unless
    someone changed that part since the user loaded it (`part_digest`, the
    digest of the fields that part's form edits). The parts are edited
    separately on one page, so a save of one part must not make the others
    stale. When the form carries its texts as `loaded`, a save someone
    overtook is merged line by line with theirs, and the flow returned names
    them in `merged_with` (their name, "" if unknown; None when not merged);
    StaleEdit when both changed the same lines, or the merged text is too
    long for its field."""
    ProjectFlow.objects.get_or_create(project=project)
    try:
        flow = save_versioned(ProjectFlow, data=data, digest=part_digest, project=project)
    except StaleEdit as stale:
        theirs = {name: getattr(stale.current, name) for name in data}
        merged = loaded is not None and merge_fields(base=loaded, mine=data, theirs=theirs)
        if not merged or any(
            len(text) > ProjectFlow._meta.get_field(name).max_length
            for name, text in merged.items()
        ):
            raise  # the same lines changed, or together too long for the field
        last = stale.current.history.first()
        user = last.history_user if last else None
        flow = save_versioned(stale.current, data=merged)
        flow.merged_with = (user.get_full_name() or user.username) if user else ""
        return flow
    flow.merged_with = None
    return flow


@transaction.atomic
def row_delete(*, row: models.Model) -> None:
    row.delete()


NEXT_STEP = {
    Project.Step.HYPOTHESIS: Project.Step.GOALS,
    Project.Step.GOALS: Project.Step.DELIVER,
    Project.Step.DELIVER: Project.Step.OPERATION,
}


def activities_seed(*, project: Project, cause: models.Model | None = None) -> None:
    """The eleven activities of step 3; those that exist are kept. `cause`,
    e.g. the gate decision that opened step 3, is recorded as their author."""
    have = set(Activity.objects.filter(project=project).values_list("key", flat=True))
    appointed = Membership.objects.filter(
        project=project, role=Membership.Role.SOLUTION_OWNER
    ).exists()
    done = {"solution_owner"} if appointed else set()
    history.create_recorded(
        Activity,
        [
            Activity(
                project=project,
                key=key,
                position=i,
                status=Activity.Status.DONE if key in done else Activity.Status.NOT_STARTED,
            )
            for i, (key, _label) in enumerate(Activity.KEYS)
            if key not in have
        ],
        project_id=project.pk,
        reason=history_words.cause_of(cause) if cause else None,
    )


@transaction.atomic
def gate_decide(
    *, project: Project, step: str, decision: str, comment: str, by: AbstractBaseUser, actor: Actor
) -> GateDecision:
    """Record the decision at the end of `step`, which must be the project's
    current step (steps cannot be skipped or decided twice). Go on moves the
    project to the next step; stop sets its funnel stage to stopped and keeps
    everything."""
    check(gate_refusal(actor))
    current = Project.objects.select_for_update().get(pk=project.pk)
    if current.funnel_stage == Project.FunnelStage.STOPPED:
        raise GateRefused(_("The project is stopped; no more gate decisions can be made."))
    if step != current.step or step not in NEXT_STEP:
        raise GateRefused(NOT_CURRENT_GATE)
    if (
        decision == GateDecision.Decision.GO_ON
        and step == Project.Step.DELIVER
        and not Membership.objects.filter(
            project=current, role=Membership.Role.SOLUTION_OWNER
        ).exists()
    ):
        raise GateRefused(_("Step 3 cannot be closed before a solution owner is appointed."))
    record = GateDecision.objects.create(
        project=current, step=step, decision=decision, comment=comment, decided_by=by
    )
    if decision == GateDecision.Decision.GO_ON:
        current.step = NEXT_STEP[step]
        if current.step == Project.Step.OPERATION:
            current.funnel_stage = Project.FunnelStage.OPERATION
        elif current.funnel_stage in (Project.FunnelStage.IDEA, Project.FunnelStage.MATCHING):
            current.funnel_stage = Project.FunnelStage.PROJECT
    elif decision == GateDecision.Decision.STOP:
        current.funnel_stage = Project.FunnelStage.STOPPED
    if decision != GateDecision.Decision.ITERATE:
        current._change_reason = history_words.cause_of(record)
        bump(current)
        if current.step == Project.Step.DELIVER:
            activities_seed(project=current, cause=record)
    return record


@transaction.atomic
def journey_move(
    *, stage: JourneyStage, offset: int = 0, to: int | None = None
) -> list[JourneyStage]:
    """Move the stage `offset` places (−1 earlier, +1 later) within its journey,
    or to place `to` (counted from 0, as a drop gives it), and number the
    journey's stages 0, 1, 2, … The journey in its new order."""
    stages = list(
        JourneyStage.objects.select_for_update()
        .filter(project=stage.project_id, journey=stage.journey)
        .order_by("position", "pk")
    )
    index = next(i for i, s in enumerate(stages) if s.pk == stage.pk)
    target = min(max(index + offset if to is None else to, 0), len(stages) - 1)
    stages.insert(target, stages.pop(index))
    for position, s in enumerate(stages):
        if s.position != position:
            s.position = position
            s.save(update_fields=["position"])
    return stages
