"""The gates between the steps: the commissioning owner decides to go on,
iterate or stop."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from projects import access
from projects.decorators import project_view
from projects.models import GateDecision, Project

from ..forms import GateForm
from ..services import GateRefused, gate_decide
from .steps import render_page

STEP_PAGES = {
    Project.Step.HYPOTHESIS: "projects:step-hypothesis",
    Project.Step.GOALS: "projects:step-goals",
    Project.Step.DELIVER: "projects:step-deliver",
    Project.Step.OPERATION: "projects:detail",
}


@project_view(methods=["POST"], write=())
def gate(request, project):
    if refusal := access.gate_refusal(project.actor):
        raise PermissionDenied(refusal)
    form = GateForm(request.POST)
    page = STEP_PAGES.get(request.POST.get("step"), STEP_PAGES[project.step])
    if page == "projects:detail":
        page = STEP_PAGES[project.step]
    if not form.is_valid():
        return render_page(request, project, page, gate={"form": form, "open": project.step})
    data = form.cleaned_data
    try:
        record = gate_decide(
            project=project,
            step=data["step"],
            decision=data["decision"],
            comment=data["comment"],
            by=request.user,
            actor=project.actor,
        )
    except GateRefused as refused:
        messages.error(request, str(refused))
        return redirect(STEP_PAGES[project.step], project.pk)
    texts = {
        GateDecision.Decision.GO_ON: _(
            "Decision recorded: go on. The project is now in the next step."
        ),
        GateDecision.Decision.ITERATE: _(
            "Decision recorded: iterate. The project stays in this step."
        ),
        GateDecision.Decision.STOP: _(
            "Decision recorded: stop. The project is stopped; all its work is kept."
        ),
    }
    messages.success(request, texts[record.decision])
    project.refresh_from_db()
    return redirect(STEP_PAGES[project.step], project.pk)
