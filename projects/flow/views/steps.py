"""The flow's pages as a whole (steps 1–3, stakeholders and users, the
prioritization matrix), and what every view of the flow answers a stale save
with. An htmx request to the other views gets back only the piece it changed;
a plain form post gets the page again through `render_page`."""

from django import forms
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy

from projects.decorators import project_view
from projects.discussion.selectors import comment_counts
from projects.fragments import person_key
from projects.models import GateDecision

from .. import progress
from ..pages import PAGES, decisions, flow_forms, gate_context, page_sections
from ..services import flow_for

STALE_TEXT = gettext_lazy(
    "Someone else saved this while you were editing. You now see their version; "
    "your changes were not saved and are shown below so you can copy them."
)


def stale_notice(form, data) -> dict:
    """The notice beside the current version (`form`), with what the user typed."""
    return {"kind": "danger", "text": STALE_TEXT, "submitted": _submitted(form, data)}


def _submitted(form, data) -> list[tuple[str, str]]:
    """(label, text) of what the user typed, to show beside the current version."""
    result = []
    for name, field in form.fields.items():
        value = data.get(form.add_prefix(name), "")
        if not value or isinstance(field.widget, forms.HiddenInput):
            continue
        if isinstance(field, forms.ChoiceField) and not hasattr(field, "queryset"):
            value = dict(field.choices).get(value, value)
        result.append((str(field.label), str(value)))
    return result


def render_page(
    request, project, page, *, forms=None, sections=None, gate=None, status=200, **extra
):
    """The whole page `page` (a URL name in PAGES); `forms`, `sections` and
    `gate` replace the fresh ones, e.g. to show a refused form's errors."""
    step = PAGES[page].step
    # Parts are cached as rendered only on a page asked for and drawn as it stands.
    as_it_stands = request.method == "GET" and not (forms or sections or gate or extra)
    flow = flow_for(project)
    forms = flow_forms(project, flow, page, forms or {})
    context = {
        "project": project,
        "flow": flow,
        "forms": forms,
        "step_key": step,
        "page_key": person_key(request, project) if as_it_stands else None,
        **page_sections(project, page, sections or {}),
    }
    if PAGES[page].build:
        context.update(PAGES[page].build(project, forms, **extra))
    if step:
        context["step_done"] = progress.step_state(step=step, current=project.step) == "done"
        context["gate"] = gate or gate_context(project)
        context["decisions"] = SimpleLazyObject(
            lambda: [d for d in decisions(project) if d.step == step]
        )
        context["counts"] = SimpleLazyObject(
            lambda: comment_counts(project_id=project.pk, models=[GateDecision])
        )
    return render(request, PAGES[page].template, context, status=status)


@project_view()
def step_hypothesis(request, project):
    return render_page(request, project, "projects:step-hypothesis")


@project_view()
def step_goals(request, project):
    return render_page(request, project, "projects:step-goals")


@project_view()
def step_deliver(request, project):
    return render_page(request, project, "projects:step-deliver")


@project_view()
def stakeholders(request, project):
    return render_page(request, project, "projects:stakeholders")


@project_view()
def matrix(request, project):
    return render_page(request, project, "projects:matrix")
