"""The gates between the steps: the commissioning owner decides to go on,
iterate or stop."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from projects import access
from projects.decorators import project_view
from projects.models import GateDecision

from .. import progress
from ..forms import GateForm
from ..services import NOT_CURRENT_GATE, GateRefused, gate_decide
from .steps import render_page


def _step_page(step: str) -> str:
    """The page of `step`; a project in operation is shown on its overview."""
    return progress.URL_NAMES.get(step, "projects:detail")


@project_view(methods=["POST"], write=())
def gate(request, project):
    if refusal := access.gate_refusal(project.actor):
        raise PermissionDenied(refusal)
    form = GateForm(request.POST)
    if not form.is_valid():
        # The page of the gate the form came from, else of the current step.
        page = progress.URL_NAMES.get(request.POST.get("step")) or progress.URL_NAMES.get(
            project.step
        )
        if page is None:  # in operation: no gate is open
            messages.error(request, NOT_CURRENT_GATE)
            return redirect("projects:detail", project.pk)
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
        return redirect(_step_page(project.step), project.pk)
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
    return redirect(_step_page(project.step), project.pk)
