"""What each page of the flow shows: one context function per page (PAGES),
the lists on it (`section_context`, see sections.py) and the forms of its
single texts (PARTS, the parts of `ProjectFlow`)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects import access
from projects.models import JourneyStage, Membership, ProjectFlow

from . import charts, progress, quadrants
from .forms import (
    BimodalForm,
    CriteriaForm,
    GateForm,
    HypothesisForm,
    ImplementationForm,
    SolutionOwnerForm,
)
from .hypotheses import hypotheses_to_test
from .quadrants import PLACEMENT_TEXT
from .sections import SECTIONS, Section


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


def gate_context(project, form=None):
    return {"form": form or GateForm(initial={"step": project.step}), "open": project.step}


def decisions(project):
    return list(project.gate_decisions.select_related("decided_by"))


def flow_forms(project, flow, page, overrides):
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


def _sections(project, overrides: dict, slugs) -> dict:
    """Section contexts keyed for templates (no hyphens), `overrides` by slug."""
    return {
        slug.replace("-", "_"): overrides.get(slug) or section_context(SECTIONS[slug], project)
        for slug in slugs
    }


def hypothesis_page(project, forms, sections):
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


def goals_page(project, forms, sections):
    return {"sections": _sections(project, sections, ["goals", "principles", "benefits"])}


def deliver_page(project, forms, sections, owner_form=None):
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


def stakeholders_page(project, forms, sections):
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


def matrix_page(project, forms, sections):
    return {
        **matrix_context(project),
        "sections": {
            "measures": sections.get("measures") or section_context(SECTIONS["measures"], project)
        },
    }


PAGES = {
    "projects:step-hypothesis": ("projects/steps/hypothesis.html", hypothesis_page, "hypothesis"),
    "projects:step-goals": ("projects/steps/goals.html", goals_page, "goals"),
    "projects:step-deliver": ("projects/steps/deliver.html", deliver_page, "deliver"),
    "projects:stakeholders": ("projects/steps/stakeholders.html", stakeholders_page, None),
    "projects:matrix": ("projects/steps/matrix.html", matrix_page, None),
}


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
