"""The step pages (hypothesis, goals, deliver solution), the stakeholder map and
user profiles, the prioritization matrix and the step gates.

Each page is built by one context function; the lists on it are `sections`
(see sections.py) served by three shared views, and the page's single texts
are "parts" of `ProjectFlow` saved by one view. An htmx request gets back only
the piece it changed; a plain form post gets the page again."""

import csv

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from projects import access, spreadsheets
from projects.access import Refused
from projects.decorators import project_view
from projects.models import GateDecision, JourneyStage, Measure, Membership, Project, ProjectFlow
from projects.responses import announce
from projects.services import StaleEdit, membership_change_role, row_update

from .. import charts, progress, quadrants
from ..forms import (
    BimodalForm,
    CriteriaForm,
    GateForm,
    HypothesisForm,
    ImplementationForm,
    MeasureScoreForm,
    SolutionOwnerForm,
)
from ..hypotheses import hypotheses_to_test
from ..sections import SECTIONS, Section
from ..services import (
    GateRefused,
    flow_for,
    flow_update,
    gate_decide,
    journey_move,
    row_create,
    row_delete,
)

STALE_TEXT = gettext_lazy(
    "Someone else saved this while you were editing. You now see their version; "
    "your changes were not saved and are shown below so you can copy them."
)


# --- building blocks --------------------------------------------------------


def section_context(section: Section, project, *, add_form=None, editing=None, notice=None):
    """What `_section.html` needs: the rows, the add form and, when one row is
    being edited, its form (`editing` = (pk, form))."""
    items = list(section.queryset(project)) if section.list_items else []
    # Links, ids and texts of each row are made here, most from one reversed
    # URL and one translation: per row in the template they cost more than
    # the rest of it.
    add_url = reverse("projects:section-add", args=[project.pk, section.slug])
    base = add_url[:-4]
    confirm = _("Delete “%(title)s”? It stays in the project's history.")
    editing_pk = editing[0] if editing else None
    rows = []
    for item, facts in zip(items, section.facts(items), strict=True):
        title = str(item)
        row = {
            "item": item,
            "title": title,
            "facts": facts,
            "anchor": f"{section.slug}-{item.pk}",
            "url": f"{base}{item.pk}/",
            "confirm": confirm % {"title": title},
            "editing": item.pk == editing_pk,
        }
        if section.model is JourneyStage:
            row["move_url"] = reverse("projects:stage-move", args=[project.pk, item.pk])
        rows.append(row)
    return {
        "section": section,
        "rows": rows,
        "count": len(items),
        "add_url": add_url,
        # The add form is rendered only when asked for (GET of the add URL) or
        # refused: forms are the costliest part of a page.
        "add_form": add_form,
        "edit_form": editing[1] if editing else None,
        "notice": notice,
        "moved": None,  # (stage pk, direction) after a journey stage was moved
    }


def _gate(project, form=None):
    return {"form": form or GateForm(initial={"step": project.step}), "open": project.step}


def _decisions(project):
    return list(project.gate_decisions.select_related("decided_by"))


def _flow_forms(project, flow, page, overrides):
    """The forms of the parts on `page` (see PARTS), `overrides` by part."""
    forms = {
        part: form_class(instance=flow, project=project, prefix=part)
        for part, (form_class, part_page, _saved) in PARTS.items()
        if part_page == page
    }
    forms.update(overrides)
    return forms


def criteria_summary(flow: ProjectFlow) -> dict:
    answers = [getattr(flow, key) for key, _label in ProjectFlow.CRITERIA]
    return {
        **progress.criteria_count(answers=answers),
        "rows": [
            (label, getattr(flow, key), getattr(flow, f"{key}_note"))
            for key, label in ProjectFlow.CRITERIA
        ],
    }


PLACEMENT_TEXT = {
    quadrants.ISLAND: (
        gettext_lazy("Island"),
        gettext_lazy("Little effect on mode 1 and low maturity: a safe, isolated place to start."),
    ),
    quadrants.EXTENSION: (
        gettext_lazy("Extension"),
        gettext_lazy(
            "Little effect on mode 1, high maturity: "
            "exploratory work that extends today's services."
        ),
    ),
    quadrants.SHIFT: (
        gettext_lazy("Shift"),
        gettext_lazy(
            "Great effect on mode 1, low maturity: demands a shift in how the "
            "organisation works — risky as a first project."
        ),
    ),
    quadrants.NEW_CORE: (
        gettext_lazy("New core"),
        gettext_lazy(
            "Great effect on mode 1, high maturity: the exploratory work builds a new core."
        ),
    ),
}


def bimodal_context(flow: ProjectFlow) -> dict:
    here = quadrants.bimodal_placement(
        mode1_effect=flow.mode1_effect, maturity=flow.bimodal_maturity
    )
    # Top row: high effect on mode 1; left column: low maturity.
    cells = [
        (key, *PLACEMENT_TEXT[key], key == here)
        for key in (quadrants.SHIFT, quadrants.NEW_CORE, quadrants.ISLAND, quadrants.EXTENSION)
    ]
    return {"placement": here, "label": PLACEMENT_TEXT[here][0] if here else None, "cells": cells}


def earlier_wordings(project) -> list:
    """Earlier three-line hypotheses, newest first, from the recorded history."""
    rows = ProjectFlow.history.filter(project_id=project.pk).order_by("-history_date")
    wordings, seen = [], set()
    for row in rows.values(
        "hypothesis_project", "hypothesis_value", "hypothesis_measures", "history_date"
    ):
        key = (row["hypothesis_project"], row["hypothesis_value"], row["hypothesis_measures"])
        if any(key) and key not in seen:
            seen.add(key)
            wordings.append(row)
    return wordings[1:]  # the first is the current wording


# --- pages ------------------------------------------------------------------


def _sections(project, overrides: dict, slugs) -> dict:
    """Section contexts keyed for templates (no hyphens), `overrides` by slug."""
    return {
        slug.replace("-", "_"): overrides.get(slug) or section_context(SECTIONS[slug], project)
        for slug in slugs
    }


def _hypothesis(project, forms, sections):
    flow = forms["hypothesis"].instance
    return {
        "criteria": criteria_summary(flow),
        "bimodal": bimodal_context(flow),
        "earlier": earlier_wordings(project),
        "hypotheses_to_test": hypotheses_to_test(project),
        "sections": {
            "experiments": sections.get("experiments")
            or section_context(SECTIONS["experiments"], project)
        },
    }


def _goals(project, forms, sections):
    return {"sections": _sections(project, sections, ["goals", "principles", "benefits"])}


def _deliver(project, forms, sections, owner_form=None):
    slugs = (
        "activities",
        "suppliers",
        "dialogues",
        "touchpoints",
        "journey-today",
        "journey-future",
        "trials",
        "lessons",
    )
    built = _sections(project, sections, slugs)
    activities = [row["item"] for row in built["activities"]["rows"]]
    owner = (
        Membership.objects.filter(project=project, role=Membership.Role.SOLUTION_OWNER)
        .select_related("user")
        .first()
    )
    return {
        "sections": built,
        "progress": activity_progress(activities),
        "owner": owner,
        "may_appoint": access.membership_refusal(
            project.actor, user_id=None, old=None, new=Membership.Role.SOLUTION_OWNER
        )
        is None,
        "owner_form": owner_form
        or SolutionOwnerForm(project=project, initial={"user": owner.user_id if owner else None}),
    }


def activity_progress(activities) -> dict:
    return progress.activity_progress(statuses=[a.status for a in activities])


def stakeholder_map(people) -> dict:
    return {"chart_json": charts.as_json(charts.stakeholder_figure(people)), "people": people}


def _stakeholders(project, forms, sections):
    built = {
        slug: sections.get(slug) or section_context(SECTIONS[slug], project)
        for slug in ("stakeholders", "profiles")
    }
    people = [row["item"] for row in built["stakeholders"]["rows"]]
    return {"sections": built, **stakeholder_map(people)}


def matrix_context(project) -> dict:
    """The ordered table and the chart. Rows carry their values as ready
    strings and links are built from one reversed URL: with 200 measures, form
    widgets, localized numbers and a {% url %} per row cost more than the page's
    budget."""
    measures = quadrants.prioritized(SECTIONS["measures"].queryset(project))
    labels = charts.quadrant_labels()
    ordered = []
    for m in measures:
        key = quadrants.quadrant(benefit=m.benefit, effort=m.effort)
        ordered.append(
            {
                "pk": str(m.pk),
                "title": m.title,
                "benefit": str(m.benefit),
                "effort": str(m.effort),
                "version": str(m.version),
                "quadrant": key,
                "label": labels[key],
            }
        )
    return {
        "ordered": ordered,
        "measure_base": reverse("projects:section-add", args=[project.pk, "measures"])[:-4],
        "score_base": reverse("projects:matrix", args=[project.pk]),
        "chart_json": charts.as_json(charts.matrix_figure(measures)),
    }


def _matrix(project, forms, sections):
    return {
        **matrix_context(project),
        "sections": {
            "measures": sections.get("measures") or section_context(SECTIONS["measures"], project)
        },
    }


PAGES = {
    "projects:step-hypothesis": ("projects/steps/hypothesis.html", _hypothesis, "hypothesis"),
    "projects:step-goals": ("projects/steps/goals.html", _goals, "goals"),
    "projects:step-deliver": ("projects/steps/deliver.html", _deliver, "deliver"),
    "projects:stakeholders": ("projects/steps/stakeholders.html", _stakeholders, None),
    "projects:matrix": ("projects/steps/matrix.html", _matrix, None),
}


def render_page(
    request, project, page, *, forms=None, sections=None, gate=None, status=200, **extra
):
    """The whole page `page` (a URL name in PAGES); `forms`, `sections` and
    `gate` replace the fresh ones, e.g. to show a refused form's errors."""
    template, build, step = PAGES[page]
    flow = flow_for(project)
    forms = _flow_forms(project, flow, page, forms or {})
    context = {
        "project": project,
        "flow": flow,
        "forms": forms,
        "step_key": step,
        **build(project, forms, sections or {}, **extra),
    }
    if step:
        context["step_done"] = progress.step_state(step=step, current=project.step) == "done"
        context["gate"] = gate or _gate(project)
        context["decisions"] = [d for d in _decisions(project) if d.step == step]
    return render(request, template, context, status=status)


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


# --- the single texts (ProjectFlow parts) -----------------------------------

PARTS = {
    "hypothesis": (
        HypothesisForm,
        "projects:step-hypothesis",
        gettext_lazy("The hypothesis was saved."),
    ),
    "criteria": (
        CriteriaForm,
        "projects:step-hypothesis",
        gettext_lazy("The selection criteria were saved."),
    ),
    "bimodal": (
        BimodalForm,
        "projects:step-hypothesis",
        gettext_lazy("The bimodal placement was saved."),
    ),
    "implementation": (
        ImplementationForm,
        "projects:step-deliver",
        gettext_lazy("The implementation status was saved."),
    ),
}


@project_view(methods=["POST"])
def flow_part(request, project, part: str):
    if part not in PARTS:
        raise Http404
    form_class, page, saved = PARTS[part]
    flow = flow_for(project)
    form = form_class(request.POST, instance=flow, project=project, prefix=part)
    status, notice = 200, None
    if form.is_valid():
        try:
            fields = {name: form.cleaned_data[name] for name in form._meta.fields}
            flow_update(project=project, data=fields, fingerprint=form.cleaned_data["fingerprint"])
        except StaleEdit as stale:
            status = 409
            form = form_class(instance=stale.current, project=project, prefix=part)
            notice = {
                "kind": "danger",
                "text": STALE_TEXT,
                "submitted": _submitted(form, request.POST),
            }
        else:
            if not request.htmx:
                messages.success(request, saved)
                return redirect(reverse(page, args=[project.pk]) + f"#{part}")
            project.flow = ProjectFlow.objects.get(project=project)
            form = form_class(instance=project.flow, project=project, prefix=part)
            notice = {"kind": "success", "text": saved}
    if request.htmx:
        template, build, _step = PAGES[page]
        flow = form.instance
        context = {"project": project, "flow": flow, "forms": {part: form}, "notice": notice}
        if part == "criteria":
            context["criteria"] = criteria_summary(flow)
        if part == "bimodal":
            context["bimodal"] = bimodal_context(flow)
        if part == "hypothesis":
            context["earlier"] = earlier_wordings(project)
        response = render(request, f"{template}#{part}", context, status=status)
        return announce(response, notice["text"]) if notice else response
    if notice:
        messages.error(request, notice["text"])
    return render_page(request, project, page, forms={part: form}, status=status)


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


# --- the lists (sections) ----------------------------------------------------


def _section(slug: str) -> Section:
    if slug not in SECTIONS:
        raise Http404
    return SECTIONS[slug]


def _stakeholder_map(project) -> dict:
    return stakeholder_map(list(SECTIONS["stakeholders"].queryset(project)))


def _activity_progress(project) -> dict:
    return {"progress": activity_progress(list(SECTIONS["activities"].queryset(project)))}


# Pieces of a page drawn from a list: sent along (out of band) when it changes.
DRAWN_FROM = {
    "activities": ("projects/steps/deliver.html#progress", _activity_progress),
    "measures": ("projects/steps/matrix.html#priorities", matrix_context),
    "stakeholders": ("projects/steps/stakeholders.html#map", _stakeholder_map),
}


def _section_response(request, project, section, ctx, *, message=None, status=200):
    if request.htmx:
        response = render(
            request, "projects/steps/_section.html", {"project": project, "s": ctx}, status=status
        )
        if section.slug in DRAWN_FROM and status == 200:
            template, build = DRAWN_FROM[section.slug]
            extra = render(request, template, {"project": project, "oob": True, **build(project)})
            response.content += extra.content
        return announce(response, message) if message else response
    if message and status < 400:
        messages.success(request, message)
        return redirect(reverse(section.page, args=[project.pk]) + f"#section-{section.slug}")
    if message:
        messages.error(request, message)
    return render_page(request, project, section.page, sections={section.slug: ctx}, status=status)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def section_add(request, project, slug: str):
    """GET: the list with its add form open. POST: add the row."""
    section = _section(slug)
    if not section.can_add:
        raise Http404
    if request.method == "GET":
        # A hypothesis offered for testing arrives as the new row's title.
        initial = {"title": request.GET["title"][:200]} if "title" in request.GET else None
        form = section.form(project=project, prefix=f"add-{slug}", initial=initial)
        for field in form.visible_fields()[:1]:
            field.field.widget.attrs["autofocus"] = True
        return _section_response(
            request, project, section, section_context(section, project, add_form=form)
        )
    form = section.form(request.POST, project=project, prefix=f"add-{slug}")
    if not form.is_valid():
        ctx = section_context(section, project, add_form=form)
        return _section_response(request, project, section, ctx)
    fields = {name: form.cleaned_data[name] for name in form._meta.fields}
    if section.model is JourneyStage:
        fields["position"] = section.queryset(project).count()
    row = row_create(model=section.model, project=project, data=fields, **section.fixed)
    message = _("“%(title)s” was added.") % {"title": row}
    return _section_response(
        request, project, section, section_context(section, project), message=message
    )


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def section_item(request, project, slug: str, item_id: int):
    """GET: the row's edit form in place. POST: save it."""
    section = _section(slug)
    row = get_object_or_404(section.queryset(project), pk=item_id)
    prefix = f"{slug}-{row.pk}"
    if request.method == "GET":
        form = section.form(instance=row, project=project, prefix=prefix)
        for field in form.visible_fields()[:1]:
            field.field.widget.attrs["autofocus"] = True
        return _section_response(
            request, project, section, section_context(section, project, editing=(row.pk, form))
        )
    form = section.form(request.POST, instance=row, project=project, prefix=prefix)
    if not form.is_valid():
        return _section_response(
            request, project, section, section_context(section, project, editing=(row.pk, form))
        )
    fields = {name: form.cleaned_data[name] for name in form._meta.fields}
    try:
        row = row_update(row=row, data=fields, version=form.cleaned_data["version"])
    except StaleEdit as stale:
        current = section.form(instance=stale.current, project=project, prefix=prefix)
        notice = {
            "kind": "danger",
            "text": STALE_TEXT,
            "submitted": _submitted(current, request.POST),
        }
        ctx = section_context(section, project, editing=(row.pk, current), notice=notice)
        return _section_response(
            request, project, section, ctx, message=str(STALE_TEXT), status=409
        )
    message = _("“%(title)s” was saved.") % {"title": row}
    return _section_response(
        request, project, section, section_context(section, project), message=message
    )


@project_view(methods=["POST"])
def section_delete(request, project, slug: str, item_id: int):
    section = _section(slug)
    if not section.can_delete:
        raise Http404
    row = get_object_or_404(section.queryset(project), pk=item_id)
    title = str(row)
    try:
        row_delete(row=row)
    except ProtectedError:
        # e.g. an identified benefit the benefit plan has adopted
        notice = {
            "kind": "danger",
            "text": _("“%(title)s” is in use elsewhere in the project and cannot be deleted.")
            % {"title": title},
        }
        ctx = section_context(section, project, notice=notice)
        return _section_response(request, project, section, ctx, message=notice["text"], status=409)
    message = _("“%(title)s” was deleted. It is kept in the project's history.") % {"title": title}
    return _section_response(
        request, project, section, section_context(section, project), message=message
    )


@project_view(methods=["POST"])
def stage_move(request, project, stage_id: int):
    stage = get_object_or_404(JourneyStage, pk=stage_id, project=project)
    offset = {"earlier": -1, "later": 1}.get(request.POST.get("direction"))
    section = SECTIONS[f"journey-{stage.journey}"]
    if offset is None:
        ctx = section_context(
            section, project, notice={"kind": "danger", "text": _("Choose earlier or later.")}
        )
        return _section_response(request, project, section, ctx, status=200)
    stages = journey_move(stage=stage, offset=offset)
    position = next(i for i, s in enumerate(stages) if s.pk == stage.pk) + 1
    message = _("“%(title)s” is now stage %(position)s of %(count)s.") % {
        "title": stage.title,
        "position": position,
        "count": len(stages),
    }
    ctx = section_context(section, project)
    # Keep the keyboard where it was; at either end the other button takes it.
    direction = request.POST["direction"]
    if position == 1 and direction == "earlier":
        direction = "later"
    elif position == len(stages) and direction == "later":
        direction = "earlier"
    ctx["moved"] = (stage.pk, direction)
    return _section_response(request, project, section, ctx, message=message)


# --- step 3: the solution owner ----------------------------------------------


@project_view(methods=["POST"], write=())
def solution_owner(request, project):
    # The commissioning owner or a leader appoints the solution owner (the
    # method says so); the rule is in projects.access.
    refusal = access.membership_refusal(
        project.actor, user_id=None, old=None, new=Membership.Role.SOLUTION_OWNER
    )
    if refusal:
        raise PermissionDenied(refusal)
    form = SolutionOwnerForm(request.POST, project=project)
    if form.is_valid():
        user = form.cleaned_data["user"]
        try:
            membership = membership_change_role(
                membership=Membership.objects.get(project=project, user=user),
                role=Membership.Role.SOLUTION_OWNER,
                actor=project.actor,
            )
        except Refused as refused:
            form.add_error("user", str(refused))
    if not form.is_valid():
        if request.htmx:
            ctx = _deliver(project, {}, {}, owner_form=form)
            return render(request, "projects/steps/deliver.html#owner", {"project": project, **ctx})
        return render_page(request, project, "projects:step-deliver", owner_form=form)
    name = membership.user.get_full_name() or membership.user.username
    message = _("%(name)s is now the solution owner.") % {"name": name}
    if not request.htmx:
        messages.success(request, message)
        return redirect(reverse("projects:step-deliver", args=[project.pk]) + "#owner")
    ctx = _deliver(project, {}, {})
    response = render(
        request,
        "projects/steps/deliver.html#owner",
        {"project": project, **ctx, "notice": {"kind": "success", "text": message}},
    )
    return announce(response, message)


# --- the prioritization matrix ---------------------------------------------


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
    context = {"project": project, **matrix_context(project), "notice": notice}
    response = render(request, "projects/steps/matrix.html#priorities", context, status=status)
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


# --- the gates --------------------------------------------------------------

STEP_PAGES = {
    Project.Step.HYPOTHESIS: "projects:step-hypothesis",
    Project.Step.GOALS: "projects:step-goals",
    Project.Step.DELIVER: "projects:step-deliver",
    Project.Step.OPERATION: "projects:detail",
}


@project_view(methods=["POST"], write=())
def gate(request, project):
    if refusal := access.gate_refusal(project.actor):
        raise PermissionDenied(refusal)
    form = GateForm(request.POST)
    page = STEP_PAGES.get(request.POST.get("step"), STEP_PAGES[project.step])
    if page == "projects:detail":
        page = STEP_PAGES[project.step]
    if not form.is_valid():
        return render_page(request, project, page, gate={"form": form, "open": project.step})
    data = form.cleaned_data
    try:
        record = gate_decide(
            project=project,
            step=data["step"],
            decision=data["decision"],
            comment=data["comment"],
            by=request.user,
            actor=project.actor,
        )
    except GateRefused as refused:
        messages.error(request, str(refused))
        return redirect(STEP_PAGES[project.step], project.pk)
    texts = {
        GateDecision.Decision.GO_ON: _(
            "Decision recorded: go on. The project is now in the next step."
        ),
        GateDecision.Decision.ITERATE: _(
            "Decision recorded: iterate. The project stays in this step."
        ),
        GateDecision.Decision.STOP: _(
            "Decision recorded: stop. The project is stopped; all its work is kept."
        ),
    }
    messages.success(request, texts[record.decision])
    project.refresh_from_db()
    return redirect(STEP_PAGES[project.step], project.pk)
