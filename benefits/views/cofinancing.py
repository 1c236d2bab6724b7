"""The plan's accountable owner, and the co-financing report with the
realised amounts it sets against the plan."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from projects.decorators import project_view

from .. import assumptions, reports, services
from ..guidance_forms import AccountableForm, RealisationForm
from ..selectors import load_plan
from .common import Editor, attempt, done, edit_page, plan_or_404


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def plan_owner(request, project):
    """Name the accountable owner of the plan's benefits (gevinsteier)."""
    plan = plan_or_404(project)
    editor = Editor(
        title=_("Benefit owner (accountable)"),
        action=reverse("benefits:plan-owner", args=[project.pk]),
        target="plan-owner",
    )
    form = AccountableForm(request.POST or None, instance=plan, project=project)
    if request.method != "POST" or not form.is_valid():
        return edit_page(request, project, plan, form, editor)
    with attempt() as outcome:
        services.accountable_save(
            plan=plan, data=form.cleaned_data, version=form.cleaned_data["version"], by=request.user
        )
    if outcome.ok:
        return done(request, project, _("The benefit owner was saved."), editor.target)
    if outcome.stale:
        form = AccountableForm(instance=outcome.current, project=project)
    return edit_page(request, project, plan, form, editor, error=outcome.error)


def _counted(loaded):
    return [b for b in loaded.benefits if b.counted]


@project_view(methods=["GET", "POST"], write=["POST"])
def cofinancing_report(request, project):
    """The co-financing report, printable; members record realised amounts here."""
    plan = plan_or_404(project)
    loaded = load_plan(plan, change_stamp=project.change_stamp)
    form = None
    if project.can_write:
        form = RealisationForm(
            request.POST if request.method == "POST" else None,
            benefits=_counted(loaded),
            years=plan.years,
        )
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        benefit = get_object_or_404(plan.benefits, pk=data["benefit"])
        with attempt() as outcome:
            services.realisation_save(
                benefit=benefit,
                year=data["year"],
                amount=data["amount"],
                note=data["note"],
                by=request.user,
            )
        if outcome.ok:
            messages.success(request, _("The realised amount was saved."))
            return redirect(reverse("benefits:cofinancing", args=[project.pk]))
        messages.error(request, outcome.error)
        status = 409
    records = loaded.records(measurements=False)
    context = {
        "project": project,
        "plan": plan,
        "records": records,
        **reports.page_context(reports.report_of(records)),
        "nonpriced": reports.nonpriced_rows(records["benefits"]),
        "fixed_prices": assumptions.fixed_prices(plan.first_year),
        "form": form,
    }
    return render(request, "benefits/cofinancing.html", context, status=status)
