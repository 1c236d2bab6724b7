"""The plan's review on its page: submit, approve, return, start a revision,
discard it. The rules are enforced by `benefits.review`; a view answers a
refusal with the plan and the reason (403 for who may not, 409 for a plan
whose state or version does not allow it)."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from projects import access
from projects.decorators import project_view
from projects.versioning import StaleEdit

from .. import review, services
from ..models import PlanEvent
from ..pages import snapshot_context
from ..review_forms import DecisionForm, DiscardForm, RevisionForm
from ..selectors import plan_for_project
from .common import done, plan_or_404, plan_response, plan_url


def _review(request, project, act: Callable, message: str, *, form=None, rule=None):
    """Run `act(plan, data)` with the posted form's data; say why when refused.
    `rule(actor)`, when given, refuses with 403 whatever the plan."""
    if rule is not None and (refusal := rule(project.actor)) is not None:
        raise PermissionDenied(refusal)
    plan = plan_or_404(project)
    form = form or DecisionForm(request.POST)
    status = 409
    if not form.is_valid():
        error = " ".join(str(e) for errors in form.errors.values() for e in errors)
    else:
        try:
            act(plan, form.cleaned_data)
        except StaleEdit:
            error = _("The plan changed while you were reading it. Look at it again, then decide.")
        except services.Refused as refused:  # the plan's state
            error = str(refused)
        except access.Refused as refused:  # the person
            error, status = str(refused), 403
        else:
            return done(request, project, message, "review")
    if status == 409 and not request.htmx:
        messages.error(request, error)
        return redirect(plan_url(project, "review"))
    return plan_response(request, project, plan_for_project(project), error=error, status=status)


@project_view(methods=["POST"])
def plan_submit(request, project):
    def act(plan, data):
        review.plan_submit(plan=plan, actor=project.actor, version=data.get("version"))

    done = _("The plan was submitted for decision. It is locked until it is decided.")
    return _review(request, project, act, done)


def _decision(request, project, decide: Callable, message: str):
    def act(plan, data):
        decide(plan=plan, actor=project.actor, version=data.get("version"), comment=data["comment"])

    return _review(request, project, act, message, rule=access.plan_review_refusal)


# Not an editor's action: the commissioning owner decides when the solution
# owner submitted. `review` enforces who decides.
@project_view(methods=["POST"], write=())
def plan_approve(request, project):
    return _decision(request, project, review.plan_approve, _("The plan was approved."))


@project_view(methods=["POST"], write=())
def plan_return(request, project):
    return _decision(request, project, review.plan_return, _("The plan was returned to the team."))


@project_view(methods=["POST"])
def plan_revise(request, project):
    def act(plan, data):
        review.plan_revise(
            plan=plan, actor=project.actor, version=data.get("version"), reason=data["reason"]
        )

    done = _(
        "A revision was started. The approved plan stays the plan of record until "
        "the revision is approved."
    )
    return _review(request, project, act, done, form=RevisionForm(request.POST))


@project_view(methods=["POST"])
def plan_discard(request, project):
    def act(plan, data):
        review.plan_discard(plan=plan, actor=project.actor, version=data.get("version"))

    done = _("The revision was discarded. The plan is as it was approved.")
    return _review(request, project, act, done, form=DiscardForm(request.POST))


@project_view()
def plan_approved(request, project, event_id: int):
    event = get_object_or_404(
        PlanEvent.objects.select_related("by"),
        pk=event_id,
        plan__project=project,
        action=PlanEvent.Action.APPROVED,
        snapshot__isnull=False,
    )
    return render(request, "benefits/approved.html", snapshot_context(project, event))
