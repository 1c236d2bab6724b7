"""An indicator of a benefit: add, edit, delete, confirm its S, A and R
criteria; its own page, where measurements are recorded and deleted."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from projects.decorators import project_view
from projects.htmx import respond
from projects.versioning import StaleEdit

from .. import services
from ..forms import ConfirmForm, DeleteForm, IndicatorForm, MeasurementForm
from ..models import Benefit, Indicator, Measurement
from ..pages import indicator_context
from ..selectors import PEOPLE
from .common import Editor, attempt, done, edit_page, plan_or_404, posted_version


def _indicator_of(project, indicator_id: int) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("benefit"), pk=indicator_id, benefit__plan__project=project
    )


def _indicator_editor(project, benefit: Benefit, indicator: Indicator | None) -> Editor:
    title = _("Indicator for %(benefit)s") % {"benefit": benefit.title}
    target = f"benefit-{benefit.pk}"
    if indicator is None:
        action = reverse("benefits:indicator-add", args=[project.pk, benefit.pk])
        return Editor(title=title, action=action, target=target)
    return Editor(
        title=title,
        action=reverse("benefits:indicator-edit", args=[project.pk, indicator.pk]),
        target=target,
        delete_url=reverse("benefits:indicator-delete", args=[project.pk, indicator.pk]),
    )


def _indicator_form(request, project, benefit: Benefit, indicator: Indicator | None):
    """Add (`indicator` None) or change an indicator of `benefit`."""
    plan = plan_or_404(project)
    editor = _indicator_editor(project, benefit, indicator)
    form = IndicatorForm(request.POST or None, instance=indicator, project=project)
    if request.method != "POST" or not form.is_valid():
        return edit_page(request, project, plan, form, editor)
    with attempt() as outcome:
        services.indicator_save(
            plan=plan,
            benefit=benefit,
            indicator=indicator,
            data=form.cleaned_data,
            version=form.cleaned_data["version"],
            by=request.user,
        )
    if outcome.ok:
        return done(request, project, _("The indicator was saved."), editor.target)
    if outcome.stale:
        form = IndicatorForm(instance=outcome.current, project=project)
    return edit_page(request, project, plan, form, editor, error=outcome.error)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def indicator_add(request, project, benefit_id: int):
    benefit = get_object_or_404(Benefit, pk=benefit_id, plan__project=project)
    return _indicator_form(request, project, benefit, None)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def indicator_edit(request, project, indicator_id: int):
    indicator = _indicator_of(project, indicator_id)
    return _indicator_form(request, project, indicator.benefit, indicator)


@project_view(methods=["POST"])
def indicator_delete(request, project, indicator_id: int):
    """Delete an indicator that has no measurements."""
    indicator = _indicator_of(project, indicator_id)
    plan = plan_or_404(project)
    with attempt() as outcome:
        services.indicator_delete(
            plan=plan, indicator=indicator, version=posted_version(request), by=request.user
        )
    editor = _indicator_editor(project, indicator.benefit, indicator)
    if outcome.ok:
        return done(request, project, _("The indicator was deleted."), editor.target)
    form = IndicatorForm(instance=outcome.current or indicator, project=project)
    return edit_page(request, project, plan, form, editor, error=outcome.error)


def _confirm_form(indicator: Indicator, criterion: str, data=None) -> ConfirmForm:
    key = criterion if criterion in ("specific", "accepted", "realistic") else "specific"
    initial = {
        "criterion": key,
        "reason": getattr(indicator, f"{key}_reason"),
        "version": indicator.version,
    }
    return ConfirmForm(data, initial=initial)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def indicator_confirm(request, project, indicator_id: int):
    """Justify (and, when the rules allow, confirm) one of the S, A and R criteria."""
    plan = plan_or_404(project)
    indicator = get_object_or_404(
        Indicator.objects.select_related("benefit"), pk=indicator_id, benefit__plan=plan
    )
    criterion = request.POST.get("criterion") or request.GET.get("criterion") or "specific"
    editor = Editor(
        title=_("Confirm a criterion for %(indicator)s") % {"indicator": indicator.name},
        action=reverse("benefits:indicator-confirm", args=[project.pk, indicator.pk]),
        target=f"benefit-{indicator.benefit_id}",
    )
    form = _confirm_form(indicator, criterion, request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return edit_page(request, project, plan, form, editor)
    data = form.cleaned_data
    with attempt() as outcome:
        saved = services.indicator_confirm(
            plan=plan,
            indicator=indicator,
            criterion=data["criterion"],
            reason=data["reason"],
            version=data["version"],
            actor=project.actor,
        )
    if not outcome.ok:
        if outcome.stale:
            form = _confirm_form(outcome.current, criterion)
        return edit_page(request, project, plan, form, editor, error=outcome.error)
    if getattr(saved, f"{data['criterion']}_by_id") is None:
        message = _(
            "The justification was saved. Another member must confirm it: "
            "not the one who last changed the indicator."
        )
    else:
        message = _("The criterion was confirmed.")
    return done(request, project, message, editor.target)


@project_view(methods=["GET", "POST"])
def indicator_page(request, project, indicator_id: int):
    """The indicator with its measurements; members record new ones here."""
    plan = plan_or_404(project)
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
    return respond(
        request, "benefits/indicator.html", context, partial="indicator-body", message=message
    )


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def measurement_delete(request, project, measurement_id: int):
    """Ask, then delete one measurement of an indicator (kept in the history)."""
    plan = plan_or_404(project)
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
