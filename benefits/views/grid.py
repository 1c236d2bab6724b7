"""A benefit's values in every year of the plan, in one form."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from projects.decorators import project_view

from .. import services
from ..grid import ValueGrid
from ..models import Benefit
from .common import Editor, attempt, done, edit_page, plan_or_404


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def values_grid(request, project, benefit_id: int):
    plan = plan_or_404(project)
    benefit = get_object_or_404(Benefit, pk=benefit_id, plan=plan)
    editor = Editor(
        title=_("%(benefit)s: values per year") % {"benefit": benefit.title},
        action=reverse("benefits:values-grid", args=[project.pk, benefit.pk]),
        target=f"benefit-{benefit.pk}",
    )
    grid = ValueGrid(request.POST or None, plan=plan, benefit=benefit)
    if request.method != "POST" or not grid.is_valid():
        return edit_page(request, project, plan, None, editor, grid=grid)
    with attempt() as outcome:
        services.values_save(plan=plan, benefit=benefit, rows=grid.changes(), by=request.user)
    if outcome.ok:
        return done(request, project, _("The values were saved."), editor.target)
    error = outcome.error
    if outcome.stale:
        current = dict(benefit.values.values_list("year", "version"))
        grid = grid.with_current_versions(current)
        error = _(
            "Someone else changed these values while you were editing. Your values are "
            "kept below and the saved ones shown beside them; save again to replace them."
        )
    return edit_page(request, project, plan, None, editor, error=error, grid=grid)
