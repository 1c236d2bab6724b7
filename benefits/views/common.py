"""What the benefit views share: the plan's answer after a change (through
`projects.htmx.respond`), the editor frame each form of the plan is shown in,
and how a refused change is answered."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from projects import access
from projects.htmx import respond
from projects.versioning import StaleEdit

from ..forms import DeleteForm
from ..models import BenefitPlan
from ..plan_page import plan_context
from ..selectors import plan_for_project


def plan_or_404(project) -> BenefitPlan:
    plan = plan_for_project(project)
    if plan is None:
        raise Http404
    return plan


def plan_url(project, anchor: str = "") -> str:
    return reverse("benefits:plan", args=[project.pk]) + (f"#{anchor}" if anchor else "")


def plan_response(request, project, plan, *, message=None, error=None, status=200):
    """The plan page, or for htmx its body, which every change re-renders (totals move)."""
    context = plan_context(project, plan, error=error)
    return respond(
        request,
        "benefits/plan.html",
        context,
        partial="plan-body",
        status=status,
        message=message or error,
        swap="#plan-body",
    )


def done(request, project, message: str, anchor: str = "") -> HttpResponse:
    """After a change: the plan read again (the change may have moved its
    status or version), or a redirect to it with `message`."""
    if request.htmx:
        # The change gave the project a new change stamp, which keys the
        # plan's cached cards and numbers; this request's copy still has the old.
        project.refresh_from_db(fields=["change_stamp"])
        return plan_response(request, project, plan_or_404(project), message=message)
    messages.success(request, message)
    return redirect(plan_url(project, anchor))


def posted_version(request) -> int | None:
    """The version a delete was asked from (a version-only form)."""
    form = DeleteForm(request.POST)
    if not form.is_valid():
        raise BadRequest("version is not a number")
    return form.cleaned_data["version"]


@dataclass(frozen=True)
class Editor:
    """The frame a form of the plan is shown in: its heading, where it posts,
    the plan's element it belongs to (Cancel goes back there), and the address
    that deletes (or clears) what it edits."""

    title: str
    action: str
    target: str
    delete_url: str = ""
    clear_url: str = ""


def edit_page(
    request,
    project,
    plan,
    form,
    editor: Editor,
    *,
    error: str | None = None,
    grid=None,
    fields_key: str | None = None,
):
    """The form (or the values `grid`) in its editor: in place for htmx, as a
    page otherwise; with `error` (a refused change) it answers 409 and says why.
    `fields_key` names all that an unbound form's visible fields show: they are
    then kept in the cache under it."""
    context = {"project": project, "plan": plan, "form": form, "error": error, "editor": editor}
    context["fields_key"] = fields_key
    context["grid"] = grid
    status = 409 if error else 200
    return respond(
        request, "benefits/edit.html", context, partial="edit-form", status=status, message=error
    )


@dataclass
class Outcome:
    """What became of a change: `error` says why it was refused; after a stale
    version, `stale` is set and `current` holds the row as it is now (None
    when it is gone)."""

    error: str | None = None
    stale: bool = False
    current: object = None

    @property
    def ok(self) -> bool:
        return self.error is None


@contextmanager
def attempt() -> Iterator[Outcome]:
    """Run a change; a stale version or a refusal by the plan's rules or the
    person's role is recorded in the outcome instead of raised."""
    outcome = Outcome()
    try:
        yield outcome
    except StaleEdit as stale:
        outcome.stale, outcome.current = True, stale.current
        outcome.error = _(
            "Someone else changed this while you were editing. "
            "The form now shows the current values; enter your change again."
        )
    except access.Refused as refused:
        outcome.error = str(refused)
