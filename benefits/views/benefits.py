"""A benefit of the plan and its value in each year: add, edit, delete, clear."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from projects.decorators import project_view

from .. import services
from ..forms import ValueForm
from ..guidance_forms import PlanBenefitForm as BenefitForm
from ..models import Benefit
from .common import Editor, attempt, done, edit_page, plan_or_404, posted_version


def _benefit_editor(project, benefit: Benefit | None) -> Editor:
    if benefit is None:
        action = reverse("benefits:benefit-add", args=[project.pk])
        return Editor(title=_("New benefit"), action=action, target="benefit-new")
    return Editor(
        title=_("Edit benefit"),
        action=reverse("benefits:benefit-edit", args=[project.pk, benefit.pk]),
        target=f"benefit-{benefit.pk}",
        delete_url=reverse("benefits:benefit-delete", args=[project.pk, benefit.pk]),
    )


def _benefit_form(request, project, benefit: Benefit | None):
    """Add (`benefit` None) or change a benefit."""
    plan = plan_or_404(project)
    editor = _benefit_editor(project, benefit)
    form = BenefitForm(request.POST or None, instance=benefit, project=project)
    if request.method != "POST":
        key = form.fields_key(benefit=benefit, change_stamp=project.change_stamp)
        return edit_page(request, project, plan, form, editor, fields_key=key)
    if not form.is_valid():
        return edit_page(request, project, plan, form, editor)
    with attempt() as outcome:
        services.benefit_save(
            plan=plan,
            benefit=benefit,
            data=form.cleaned_data,
            version=form.cleaned_data["version"],
            by=request.user,
        )
    if outcome.ok:
        return done(request, project, _("The benefit was saved."), editor.target)
    if outcome.stale:
        form = BenefitForm(instance=outcome.current, project=project)
    return edit_page(request, project, plan, form, editor, error=outcome.error)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def benefit_add(request, project):
    return _benefit_form(request, project, None)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def benefit_edit(request, project, benefit_id: int):
    benefit = get_object_or_404(Benefit, pk=benefit_id, plan__project=project)
    return _benefit_form(request, project, benefit)


@project_view(methods=["POST"])
def benefit_delete(request, project, benefit_id: int):
    """Delete a benefit with its values and indicators (not one that is measured)."""
    benefit = get_object_or_404(Benefit, pk=benefit_id, plan__project=project)
    plan = plan_or_404(project)
    with attempt() as outcome:
        services.benefit_delete(
            plan=plan, benefit=benefit, version=posted_version(request), by=request.user
        )
    if outcome.ok:
        return done(request, project, _("The benefit was deleted."), "benefit-new")
    form = BenefitForm(instance=outcome.current or benefit, project=project)
    editor = _benefit_editor(project, benefit)
    return edit_page(request, project, plan, form, editor, error=outcome.error)


def _value_of(project, benefit_id: int, year: int):
    """The plan, the benefit and its value in `year` (None when not given yet)."""
    plan = plan_or_404(project)
    benefit = get_object_or_404(Benefit, pk=benefit_id, plan=plan)
    if year not in plan.years:
        raise Http404
    return plan, benefit, benefit.values.filter(year=year).first()


def _value_editor(project, benefit: Benefit, year: int, *, given: bool) -> Editor:
    args = [project.pk, benefit.pk, year]
    return Editor(
        title=_("%(benefit)s: value in %(year)s") % {"benefit": benefit.title, "year": year},
        action=reverse("benefits:value-edit", args=args),
        target=f"benefit-{benefit.pk}",
        clear_url=reverse("benefits:value-clear", args=args) if given else "",
    )


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def value_edit(request, project, benefit_id: int, year: int):
    plan, benefit, value = _value_of(project, benefit_id, year)
    editor = _value_editor(project, benefit, year, given=value is not None)
    form = ValueForm(request.POST or None, instance=value)
    if request.method != "POST" or not form.is_valid():
        return edit_page(request, project, plan, form, editor)
    with attempt() as outcome:
        services.value_save(
            plan=plan,
            benefit=benefit,
            year=year,
            data=form.cleaned_data,
            version=form.cleaned_data["version"],
            by=request.user,
        )
    if outcome.ok:
        return done(request, project, _("The value was saved."), editor.target)
    if outcome.stale:
        form = ValueForm(instance=outcome.current)
        editor = _value_editor(project, benefit, year, given=outcome.current is not None)
    return edit_page(request, project, plan, form, editor, error=outcome.error)


@project_view(methods=["POST"])
def value_clear(request, project, benefit_id: int, year: int):
    """Clear the benefit's value in `year`."""
    plan, benefit, value = _value_of(project, benefit_id, year)
    with attempt() as outcome:
        services.value_save(
            plan=plan,
            benefit=benefit,
            year=year,
            data=None,
            version=posted_version(request),
            by=request.user,
        )
    if outcome.ok:
        return done(request, project, _("The value was cleared."), f"benefit-{benefit.pk}")
    current = outcome.current if outcome.stale else value
    editor = _value_editor(project, benefit, year, given=current is not None)
    form = ValueForm(instance=current)
    return edit_page(request, project, plan, form, editor, error=outcome.error)
