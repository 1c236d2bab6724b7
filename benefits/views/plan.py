"""The plan as a whole: its page, its settings, benefits adopted from step 2,
and the plan as a workbook (export and import)."""

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from projects import access
from projects.decorators import project_view
from projects.ids import parse_id

from .. import assumptions, excel, imports, maplinks, services
from ..forms import ImportForm, PlanForm
from ..selectors import load_plan, plan_for_project
from .common import Editor, attempt, done, edit_page, plan_or_404, plan_response, plan_url


def _new_plan_initial(project) -> dict:
    start = project.start_date or timezone.localdate()
    return {
        "first_year": start.year,
        "horizon": 10,
        "discount_rate": assumptions.default_rate("NOK"),
        "currency": "NOK",
    }


def _new_plan_page(request, project, form):
    # The rate follows the currency chosen, until someone types their own (benefits.js).
    rates = {k: str(v) for k, v in assumptions.DEFAULT_RATES.items()}
    context = {"project": project, "form": form, "rate_defaults": rates}
    return render(request, "benefits/plan_new.html", context)


@project_view()
def plan_page(request, project):
    plan = plan_for_project(project)
    if plan is None:
        return _new_plan_page(request, project, PlanForm(initial=_new_plan_initial(project)))
    return plan_response(request, project, plan)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def plan_settings(request, project):
    """Create the plan, or change its settings (years, discount rate, currency)."""
    plan = plan_for_project(project)
    if plan is None:
        form = PlanForm(request.POST or None, initial=_new_plan_initial(project))
        if request.method == "POST" and form.is_valid():
            services.plan_create(project=project, data=form.cleaned_data, by=request.user)
            messages.success(request, _("The benefit plan was created."))
            return redirect(plan_url(project))
        return _new_plan_page(request, project, form)
    editor = Editor(
        title=_("Plan settings"),
        action=reverse("benefits:plan-settings", args=[project.pk]),
        target="plan-settings",
    )
    form = PlanForm(request.POST or None, instance=plan)
    if request.method != "POST" or not form.is_valid():
        return edit_page(request, project, plan, form, editor)
    with attempt() as outcome:
        services.plan_update(
            plan=plan, data=form.cleaned_data, version=form.cleaned_data["version"], by=request.user
        )
    if outcome.ok:
        return done(request, project, _("The plan settings were saved."), editor.target)
    if outcome.stale:
        form = PlanForm(instance=outcome.current)
    return edit_page(request, project, plan, form, editor, error=outcome.error)


@project_view(methods=["POST"])
def benefit_adopt(request, project):
    plan = plan_or_404(project)
    identified_id = parse_id(request.POST.get("identified_id"))
    if identified_id is None:
        raise BadRequest("identified_id is not an id")
    identified = get_object_or_404(project.identified_benefits, pk=identified_id)
    try:
        benefit = services.benefit_adopt(plan=plan, identified=identified, by=request.user)
    except access.Refused as refused:
        return plan_response(request, project, plan, error=str(refused), status=409)
    message = _("“%(title)s” was added to the plan.") % {"title": benefit.title}
    return done(request, project, message, f"benefit-{benefit.pk}")


@project_view()
def plan_export(request, project):
    plan = plan_or_404(project)
    extra = {_("Benefit map"): maplinks.map_frame(maplinks.map_graph(plan))}
    content = excel.workbook_bytes(
        load_plan(plan, change_stamp=project.change_stamp).records(), project=project, extra=extra
    )
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    filename = f"{slugify(project.title) or 'plan'}-{_('benefit-plan')}-v{plan.edition}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def plan_import(request, project):
    plan = plan_or_404(project)
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    errors, status = [], 200
    if request.method == "POST" and form.is_valid():
        users = {u.username: u for u in project.members.all()}
        records, errors = imports.read_workbook(
            form.cleaned_data["workbook"], project=project, users=users
        )
        if records is not None:
            try:
                services.plan_import(plan=plan, records=records, users=users, by=request.user)
            except access.Refused as refused:
                status, errors = 409, [str(refused)]
            else:
                messages.success(request, _("The workbook was imported."))
                return redirect(plan_url(project))
    context = {"project": project, "plan": plan, "form": form, "errors": errors}
    return render(request, "benefits/import.html", context, status=status)
