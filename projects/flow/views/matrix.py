"""The prioritization matrix: a measure's benefit and effort scored in its
row, and the ordered table as CSV."""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from projects import spreadsheets
from projects.decorators import project_view
from projects.htmx import announce
from projects.models import Measure
from projects.services import row_update
from projects.versioning import StaleEdit

from .. import charts, quadrants
from ..forms import MeasureScoreForm
from ..pages import page_partial
from ..sections import SECTIONS
from .steps import STALE_TEXT, render_page


@project_view(methods=["POST"])
def measure_score(request, project, measure_id: int):
    measure = get_object_or_404(Measure, pk=measure_id, project=project)
    form = MeasureScoreForm(
        request.POST, instance=measure, project=project, prefix=f"score-{measure.pk}"
    )
    status, notice = 200, None
    if form.is_valid():
        try:
            measure = row_update(
                row=measure,
                data={
                    "benefit": form.cleaned_data["benefit"],
                    "effort": form.cleaned_data["effort"],
                },
                version=form.cleaned_data["version"],
            )
        except StaleEdit:
            status, notice = 409, {"kind": "danger", "text": STALE_TEXT}
        else:
            label = charts.quadrant_labels()[
                quadrants.quadrant(benefit=measure.benefit, effort=measure.effort)
            ]
            notice = {
                "kind": "success",
                "text": _(
                    "“%(title)s” now has benefit %(benefit)s and effort %(effort)s: %(quadrant)s."
                )
                % {
                    "title": measure.title,
                    "benefit": measure.benefit,
                    "effort": measure.effort,
                    "quadrant": label.lower(),
                },
            }
    else:
        notice = {
            "kind": "danger",
            "text": _("Benefit and effort must each be a whole number from 1 to 5."),
        }
    if not request.htmx:
        if status == 200 and form.is_valid():
            messages.success(request, notice["text"])
            return redirect(reverse("projects:matrix", args=[project.pk]) + "#priorities")
        messages.error(request, notice["text"])
        return render_page(request, project, "projects:matrix", status=status)
    section = SECTIONS["measures"]
    context = {"project": project, **section.drawn_context(project), "notice": notice}
    template = page_partial(section.page, section.drawn.partial)
    response = render(request, template, context, status=status)
    return announce(response, notice["text"])


@project_view()
def matrix_csv(request, project):
    labels = charts.quadrant_labels()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="prioritering-{project.pk}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the Norwegian letters right
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Quadrant"),
            _("Measure"),
            pgettext("prioritization", "Benefit"),
            _("Effort"),
            _("Status"),
            _("Goal"),
            _("Description"),
        ]
    )
    for m in quadrants.prioritized(SECTIONS["measures"].queryset(project)):
        row = [
            labels[quadrants.quadrant(benefit=m.benefit, effort=m.effort)],
            m.title,
            m.benefit,
            m.effort,
            m.get_status_display(),
            m.goal.title if m.goal else "",
            m.description,
        ]
        writer.writerow([spreadsheets.cell(v) for v in row])
    return response
