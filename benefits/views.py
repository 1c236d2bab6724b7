from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_htmx.http import reswap, retarget

from projects import access
from projects.decorators import project_view
from projects.ids import parse_id
from projects.responses import announce
from projects.services import StaleEdit

from . import excel, imports, services
from .forms import (
    BenefitForm,
    ConfirmForm,
    CostForm,
    DeleteForm,
    ImportForm,
    IndicatorForm,
    MeasurementForm,
    PlanForm,
    ValueForm,
)
from .models import Benefit, BenefitPlan, Cost, Indicator, Measurement
from .pages import indicator_context, plan_context
from .selectors import PEOPLE, load_plan, plan_for_project


def _plan(project) -> BenefitPlan:
    plan = plan_for_project(project)
    if plan is None:
        raise Http404
    return plan


def _plan_url(project, anchor: str = "") -> str:
    return reverse("benefits:plan", args=[project.pk]) + (f"#{anchor}" if anchor else "")


def _render_plan(request, project, plan, *, message=None, error=None, status=200):
    """The plan page, or for htmx its body, which every change re-renders (totals move)."""
    context = plan_context(project, plan, error=error)
    if not request.htmx:
        return render(request, "benefits/plan.html", context, status=status)
    response = render(request, "benefits/plan.html#plan-body", context, status=status)
    response = reswap(retarget(response, "#plan-body"), "outerHTML")
    return announce(response, message or error) if (message or error) else response


def _done(request, project, plan, message: str, anchor: str = ""):
    if request.htmx:
        # Read the plan again: the change may have moved its status or version.
        return _render_plan(request, project, _plan(project), message=message)
    messages.success(request, message)
    return redirect(_plan_url(project, anchor))


def _edit(
    request,
    project,
    plan,
    *,
    make_form: Callable,
    save: Callable,
    title: str,
    target: str,
    action: str,
    saved: str,
    delete_url: str = "",
):
    """One flow for every form on the plan: GET shows the form (in place with
    htmx), POST saves through `save(cleaned_data, version)`; a stale version or
    a locked plan answers 409 with the current values and says why."""
    form = make_form(data=request.POST or None)
    status, error = 200, None
    if request.method == "POST" and form.is_valid():
        try:
            # `save` may answer with a message of its own instead of `saved`.
            said = save(form.cleaned_data, form.cleaned_data.get("version"))
        except StaleEdit as stale:
            status = 409
            error = _(
                "Someone else changed this while you were editing. "
                "The form now shows the current values; enter your change again."
            )
            form = make_form(data=None, instance=stale.current)
        except access.Refused as refused:
            status, error = 409, str(refused)
        else:
            return _done(request, project, plan, said if isinstance(said, str) else saved, target)
    context = {
        "project": project,
        "plan": plan,
        "form": form,
        "title": title,
        "target": target,
        "action": action,
        "error": error,
        "delete_url": delete_url,
    }
    template = "benefits/edit.html#edit-form" if request.htmx else "benefits/edit.html"
    response = render(request, template, context, status=status)
    return announce(response, error) if error else response


@project_view()
def plan_page(request, project):
    plan = plan_for_project(project)
    if plan is None:
        context = {"project": project, "form": PlanForm(initial=_new_plan_initial(project))}
        return render(request, "benefits/plan_new.html", context)
    return _render_plan(request, project, plan)


def _new_plan_initial(project) -> dict:
    start = project.start_date or timezone.localdate()
    return {"first_year": start.year, "horizon": 10, "discount_rate": 4, "currency": "NOK"}


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def plan_settings(request, project):
    plan = plan_for_project(project)
    if plan is None:
        form = PlanForm(request.POST or None, initial=_new_plan_initial(project))
        if request.method == "POST" and form.is_valid():
            plan = services.plan_create(project=project, data=form.cleaned_data, by=request.user)
            messages.success(request, _("The benefit plan was created."))
            return redirect(_plan_url(project))
        return render(request, "benefits/plan_new.html", {"project": project, "form": form})

    def make_form(data=None, instance=None):
        return PlanForm(data, instance=instance or plan)

    def save(data, version):
        services.plan_update(plan=plan, data=data, version=version, by=request.user)

    return _edit(
        request,
        project,
        plan,
        make_form=make_form,
        save=save,
        title=_("Plan settings"),
        target="plan-settings",
        action=reverse("benefits:plan-settings", args=[project.pk]),
        saved=_("The plan settings were saved."),
    )


@project_view(methods=["POST"])
def benefit_adopt(request, project):
    plan = _plan(project)
    identified_id = parse_id(request.POST.get("identified_id"))
    if identified_id is None:
        raise BadRequest("identified_id is not an id")
    identified = get_object_or_404(project.identified_benefits, pk=identified_id)
    try:
        benefit = services.benefit_adopt(plan=plan, identified=identified, by=request.user)
    except access.Refused as refused:
        return _render_plan(request, project, plan, error=str(refused), status=409)
    return _done(
        request,
        project,
        plan,
        _("“%(title)s” was added to the plan.") % {"title": benefit.title},
        f"benefit-{benefit.pk}",
    )


def _deleting(request, obj) -> bool:
    return obj is not None and request.method == "POST" and request.POST.get("action") == "delete"


def _benefit_edit(request, project, benefit: Benefit | None):
    plan = _plan(project)
    deleting = _deleting(request, benefit)

    def make_form(data=None, instance=None):
        if deleting and data is not None:
            # Only the version matters when a benefit is deleted.
            data = {**data.dict(), "title": benefit.title, "kind": benefit.kind}
            data.update(gainer=benefit.gainer, quality_unit=benefit.quality_unit or "-")
        return BenefitForm(data, instance=instance or benefit, project=project)

    def save(data, version):
        if deleting:
            services.benefit_delete(plan=plan, benefit=benefit, version=version, by=request.user)
        else:
            services.benefit_save(
                plan=plan, benefit=benefit, data=data, version=version, by=request.user
            )

    return _edit(
        request,
        project,
        plan,
        make_form=make_form,
        save=save,
        title=_("Edit benefit") if benefit else _("New benefit"),
        target=f"benefit-{benefit.pk}" if benefit and not deleting else "benefit-new",
        action=reverse("benefits:benefit-edit", args=[project.pk, benefit.pk])
        if benefit
        else reverse("benefits:benefit-add", args=[project.pk]),
        saved=_("The benefit was deleted.") if deleting else _("The benefit was saved."),
        delete_url="delete" if benefit else "",
    )


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def benefit_add(request, project):
    return _benefit_edit(request, project, None)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def benefit_edit(request, project, benefit_id: int):
    benefit = get_object_or_404(Benefit, pk=benefit_id, plan__project=project)
    return _benefit_edit(request, project, benefit)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def value_edit(request, project, benefit_id: int, year: int):
    plan = _plan(project)
    benefit = get_object_or_404(Benefit, pk=benefit_id, plan=plan)
    if year not in plan.years:
        raise Http404
    value = benefit.values.filter(year=year).first()
    clearing = request.method == "POST" and request.POST.get("action") == "clear"

    def make_form(data=None, instance=None):
        if clearing and data is not None:
            # Only the version matters when a value is cleared.
            data = {**data.dict(), "basis": "direct", "a": "0"}
        return ValueForm(data, instance=instance or value)

    def save(data, version):
        services.value_save(
            plan=plan,
            benefit=benefit,
            year=year,
            data=None if clearing else data,
            version=version,
            by=request.user,
        )

    return _edit(
        request,
        project,
        plan,
        make_form=make_form,
        save=save,
        title=_("%(benefit)s: value in %(year)s") % {"benefit": benefit.title, "year": year},
        target=f"benefit-{benefit.pk}",
        action=reverse("benefits:value-edit", args=[project.pk, benefit.pk, year]),
        saved=_("The value was saved.") if not clearing else _("The value was cleared."),
        delete_url="clear" if value else "",
    )


def _cost_edit(request, project, cost: Cost | None):
    plan = _plan(project)
    deleting = _deleting(request, cost)

    def make_form(data=None, instance=None):
        if deleting and data is not None:
            data = {**data.dict(), "title": cost.title, "year": cost.year, "kind": cost.kind}
            data.update(expected=str(cost.expected).replace(".", ","), low="", high="")
        return CostForm(data, instance=instance or cost, plan=plan)

    def save(data, version):
        if deleting:
            services.cost_delete(plan=plan, cost=cost, version=version, by=request.user)
        else:
            services.cost_save(plan=plan, cost=cost, data=data, version=version, by=request.user)

    return _edit(
        request,
        project,
        plan,
        make_form=make_form,
        save=save,
        title=_("Edit cost") if cost else _("New cost"),
        target="costs",
        action=reverse("benefits:cost-edit", args=[project.pk, cost.pk])
        if cost
        else reverse("benefits:cost-add", args=[project.pk]),
        saved=_("The cost was deleted.") if deleting else _("The cost was saved."),
        delete_url="delete" if cost else "",
    )


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def cost_add(request, project):
    return _cost_edit(request, project, None)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def cost_edit(request, project, cost_id: int):
    cost = get_object_or_404(Cost, pk=cost_id, plan__project=project)
    return _cost_edit(request, project, cost)


def _indicator_edit(request, project, benefit: Benefit, indicator: Indicator | None):
    plan = _plan(project)
    deleting = _deleting(request, indicator)

    def make_form(data=None, instance=None):
        if deleting and data is not None:
            data = {**data.dict(), "name": indicator.name}
        return IndicatorForm(data, instance=instance or indicator, project=project)

    def save(data, version):
        if deleting:
            services.indicator_delete(
                plan=plan, indicator=indicator, version=version, by=request.user
            )
            return
        services.indicator_save(
            plan=plan,
            benefit=benefit,
            indicator=indicator,
            data=data,
            version=version,
            by=request.user,
        )

    return _edit(
        request,
        project,
        plan,
        make_form=make_form,
        save=save,
        title=_("Indicator for %(benefit)s") % {"benefit": benefit.title},
        target=f"benefit-{benefit.pk}",
        action=reverse("benefits:indicator-edit", args=[project.pk, indicator.pk])
        if indicator
        else reverse("benefits:indicator-add", args=[project.pk, benefit.pk]),
        saved=_("The indicator was deleted.") if deleting else _("The indicator was saved."),
        delete_url="delete" if indicator else "",
    )


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def indicator_add(request, project, benefit_id: int):
    benefit = get_object_or_404(Benefit, pk=benefit_id, plan__project=project)
    return _indicator_edit(request, project, benefit, None)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def indicator_edit(request, project, indicator_id: int):
    indicator = get_object_or_404(
        Indicator.objects.select_related("benefit"), pk=indicator_id, benefit__plan__project=project
    )
    return _indicator_edit(request, project, indicator.benefit, indicator)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def indicator_confirm(request, project, indicator_id: int):
    plan = _plan(project)
    indicator = get_object_or_404(
        Indicator.objects.select_related("benefit"), pk=indicator_id, benefit__plan=plan
    )
    criterion = request.POST.get("criterion") or request.GET.get("criterion") or "specific"

    def make_form(data=None, instance=None):
        current = instance or indicator
        key = criterion if criterion in ("specific", "accepted", "realistic") else "specific"
        initial = {
            "criterion": key,
            "reason": getattr(current, f"{key}_reason"),
            "version": current.version,
        }
        return ConfirmForm(data, initial=initial)

    def save(data, version):
        saved = services.indicator_confirm(
            plan=plan,
            indicator=indicator,
            criterion=data["criterion"],
            reason=data["reason"],
            version=version,
            actor=project.actor,
        )
        if getattr(saved, f"{data['criterion']}_by_id") is None:
            return _(
                "The justification was saved. Another member must confirm it: "
                "not the one who last changed the indicator."
            )
        return None

    return _edit(
        request,
        project,
        plan,
        make_form=make_form,
        save=save,
        title=_("Confirm a criterion for %(indicator)s") % {"indicator": indicator.name},
        target=f"benefit-{indicator.benefit_id}",
        action=reverse("benefits:indicator-confirm", args=[project.pk, indicator.pk]),
        saved=_("The criterion was confirmed."),
    )


@project_view(methods=["GET", "POST"])
def indicator_page(request, project, indicator_id: int):
    plan = _plan(project)
    indicator = get_object_or_404(
        Indicator.objects.select_related("benefit", *PEOPLE),
        pk=indicator_id,
        benefit__plan=plan,
    )
    form = MeasurementForm(request.POST or None)
    message = None
    if request.method == "POST" and form.is_valid():
        services.measurement_add(indicator=indicator, data=form.cleaned_data, by=request.user)
        message = _("The measurement was recorded.")
        if not request.htmx:
            messages.success(request, message)
            return redirect("benefits:indicator", project.pk, indicator.pk)
        form = MeasurementForm()
    context = indicator_context(project, plan, indicator, form=form)
    if request.htmx:
        response = render(request, "benefits/indicator.html#indicator-body", context)
        return announce(response, message) if message else response
    return render(request, "benefits/indicator.html", context)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def measurement_delete(request, project, measurement_id: int):
    """Ask, then delete one measurement of an indicator (kept in the history)."""
    plan = _plan(project)
    measurement = get_object_or_404(
        Measurement.objects.select_related("indicator"),
        pk=measurement_id,
        indicator__benefit__plan=plan,
    )
    indicator_url = reverse("benefits:indicator", args=[project.pk, measurement.indicator_id])
    form = DeleteForm(request.POST or None, initial={"version": measurement.version})
    status, error = 200, None
    if request.method == "POST" and form.is_valid():
        try:
            services.measurement_delete(
                measurement=measurement, version=form.cleaned_data["version"], by=request.user
            )
        except StaleEdit as stale:
            if stale.current is None:
                messages.info(request, _("The measurement was already deleted."))
                return redirect(indicator_url)
            measurement = stale.current
            form = DeleteForm(initial={"version": measurement.version})
            status = 409
            error = _("Someone changed the measurement meanwhile. Look at it again, then decide.")
        else:
            messages.success(request, _("The measurement was deleted."))
            return redirect(indicator_url)
    context = {
        "project": project,
        "measurement": measurement,
        "form": form,
        "error": error,
        "cancel_url": indicator_url,
    }
    return render(request, "benefits/measurement_delete.html", context, status=status)


@project_view()
def plan_export(request, project):
    plan = _plan(project)
    content = excel.workbook_bytes(load_plan(plan).records(), project=project)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    filename = f"{slugify(project.title) or 'plan'}-{_('benefit-plan')}-v{plan.revision}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def plan_import(request, project):
    plan = _plan(project)
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
                return redirect(_plan_url(project))
    context = {"project": project, "plan": plan, "form": form, "errors": errors}
    return render(request, "benefits/import.html", context, status=status)
