"""The plan's costs: add, edit, delete."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from projects.decorators import project_view

from .. import services
from ..forms import CostForm
from ..models import Cost
from .common import Editor, attempt, done, edit_page, plan_or_404, posted_version


def _cost_editor(project, cost: Cost | None) -> Editor:
    if cost is None:
        action = reverse("benefits:cost-add", args=[project.pk])
        return Editor(title=_("New cost"), action=action, target="costs")
    return Editor(
        title=_("Edit cost"),
        action=reverse("benefits:cost-edit", args=[project.pk, cost.pk]),
        target="costs",
        delete_url=reverse("benefits:cost-delete", args=[project.pk, cost.pk]),
    )


def _cost_form(request, project, cost: Cost | None):
    """Add (`cost` None) or change a cost."""
    plan = plan_or_404(project)
    editor = _cost_editor(project, cost)
    form = CostForm(request.POST or None, instance=cost, plan=plan)
    if request.method != "POST" or not form.is_valid():
        return edit_page(request, project, plan, form, editor)
    with attempt() as outcome:
        services.cost_save(
            plan=plan,
            cost=cost,
            data=form.cleaned_data,
            version=form.cleaned_data["version"],
            by=request.user,
        )
    if outcome.ok:
        return done(request, project, _("The cost was saved."), editor.target)
    if outcome.stale:
        form = CostForm(instance=outcome.current, plan=plan)
    return edit_page(request, project, plan, form, editor, error=outcome.error)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def cost_add(request, project):
    return _cost_form(request, project, None)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def cost_edit(request, project, cost_id: int):
    cost = get_object_or_404(Cost, pk=cost_id, plan__project=project)
    return _cost_form(request, project, cost)


@project_view(methods=["POST"])
def cost_delete(request, project, cost_id: int):
    cost = get_object_or_404(Cost, pk=cost_id, plan__project=project)
    plan = plan_or_404(project)
    with attempt() as outcome:
        services.cost_delete(plan=plan, cost=cost, version=posted_version(request), by=request.user)
    if outcome.ok:
        return done(request, project, _("The cost was deleted."), "costs")
    form = CostForm(instance=outcome.current or cost, plan=plan)
    return edit_page(request, project, plan, form, _cost_editor(project, cost), error=outcome.error)
