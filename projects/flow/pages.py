"""What each page of the flow shows: its template (PAGES), the lists on it
(the sections whose `page` it is, each with the piece of the page drawn from
it), the forms of its single texts (PARTS, the parts of `ProjectFlow`) and
what else a page adds (its `build`)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise, SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects import access
from projects.discussion import targets
from projects.discussion.selectors import comment_counts, thread_url
from projects.models import Activity, JourneyStage, Membership, ProjectFlow

from . import progress, quadrants
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
    being edited, its form (`editing` = (pk, form)). The rows and their count
    are read on first use: a page whose lists come from the cache reads none."""
    add_url = reverse("projects:section-add", args=[project.pk, section.slug])
    editing_pk = editing[0] if editing else None
    rows = SimpleLazyObject(lambda: _rows(section, project, add_url[:-4], editing_pk))
    return {
        "section": section,
        "rows": rows,
        "count": SimpleLazyObject(lambda: len(rows)),
        "add_url": add_url,
        # The add form is rendered only when asked for (GET of the add URL) or
        # refused: forms are the costliest part of a page.
        "add_form": add_form,
        "edit_form": editing[1] if editing else None,
        "notice": notice,
        "moved": None,  # (stage pk, direction) after a journey stage was moved
    }


def _rows(section: Section, project, base: str, editing_pk) -> list[dict]:
    items = list(section.queryset(project)) if section.list_items else []
    # Links, ids and texts of each row are made here, most from one reversed
    # URL and one translation: per row in the template they cost more than
    # the rest of it.
    confirm = _("Delete “%(title)s”? It stays in the project's history.")
    # Rows that members comment on show how many comments each has (one query).
    commented = targets.of_model(section.model) if items else None
    if commented:
        counts = comment_counts(project_id=project.pk, models=[section.model])
        threads = thread_url(project_id=project.pk, kind=commented.kind, item_id=0)[:-2]
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
        if commented:
            row["comments"] = {"n": counts.of(item), "url": f"{threads}{item.pk}/"}
        if section.model is JourneyStage:
            row["move_url"] = reverse("projects:stage-move", args=[project.pk, item.pk])
        rows.append(row)
    return rows


def gate_context(project, form=None):
    return {"form": form or GateForm(initial={"step": project.step}), "open": project.step}


def decisions(project):
    return list(project.gate_decisions.select_related("decided_by"))


def flow_forms(project, flow, page, overrides):
    """The forms of the parts on `page` (see PARTS), `overrides` by part."""
    forms = {
        slug: part.form(instance=flow, project=project, prefix=slug)
        for slug, part in PARTS.items()
        if part.page == page
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


def page_sections(project, page: str, overrides: dict) -> dict:
    """The section contexts of the lists on `page`, keyed for templates (no
    hyphens), `overrides` by slug; and the pieces of the page drawn from them."""
    context: dict = {"sections": {}}
    for section in SECTIONS.values():
        if section.page != page:
            continue
        built = overrides.get(section.slug) or section_context(section, project)
        context["sections"][section.slug.replace("-", "_")] = built
        if section.drawn:
            rows = [row["item"] for row in built["rows"]] if section.list_items else None
            context.update(section.drawn_context(project, rows))
    return context


def hypothesis_page(project, forms) -> dict:
    flow = forms["hypothesis"].instance
    return {
        "criteria": criteria_summary(flow),
        "bimodal": bimodal_context(flow),
        "earlier": earlier_wordings(project),
        "hypotheses_to_test": hypotheses_to_test(project),
    }


def owner_context(project, owner_form=None) -> dict:
    """Step 3's solution owner, and whether the user may appoint one; the
    owner and the form are read on first use (not when the part is cached)."""
    owner = SimpleLazyObject(
        lambda: (
            Membership.objects.filter(project=project, role=Membership.Role.SOLUTION_OWNER)
            .select_related("user")
            .first()
        )
    )
    return {
        "owner": owner,
        "may_appoint": access.membership_refusal(
            project.actor, user_id=None, old=None, new=Membership.Role.SOLUTION_OWNER
        )
        is None,
        "owner_form": owner_form
        or SimpleLazyObject(
            lambda: SolutionOwnerForm(
                project=project, initial={"user": owner.user_id if owner else None}
            )
        ),
    }


def deliver_page(project, forms, owner_form=None) -> dict:
    return {
        **owner_context(project, owner_form),
        # Before step 3 the activities are not yet rows; their titles are shown.
        "planned_activities": Activity.KEYS,
    }


@dataclass(frozen=True)
class Page:
    template: str
    step: str | None = None  # the step the page is for, with that step's gate
    # (project, forms, **extra) -> what the page shows besides its lists and texts
    build: Callable[..., dict] | None = None
    # Whether the page lists its sections with their item counts (step 3).
    counts_sections: bool = False


PAGES = {
    "projects:step-hypothesis": Page(
        "projects/steps/hypothesis.html", "hypothesis", build=hypothesis_page
    ),
    "projects:step-goals": Page("projects/steps/goals.html", "goals"),
    "projects:step-deliver": Page(
        "projects/steps/deliver.html", "deliver", build=deliver_page, counts_sections=True
    ),
    "projects:stakeholders": Page("projects/steps/stakeholders.html"),
    "projects:matrix": Page("projects/steps/matrix.html"),
}


def page_partial(page: str, name: str) -> str:
    """The template name of partial `name` of `page` (a URL name in PAGES)."""
    return f"{PAGES[page].template}#{name}"


@dataclass(frozen=True)
class Part:
    """One single text of a step page, edited and saved on its own; its slug
    names the form's prefix and the page's partial that shows it."""

    form: type
    page: str  # URL name of the page it is on
    saved: str | Promise  # the message after a save


PARTS = {
    "hypothesis": Part(
        HypothesisForm, "projects:step-hypothesis", gettext_lazy("The hypothesis was saved.")
    ),
    "criteria": Part(
        CriteriaForm,
        "projects:step-hypothesis",
        gettext_lazy("The selection criteria were saved."),
    ),
    "bimodal": Part(
        BimodalForm,
        "projects:step-hypothesis",
        gettext_lazy("The bimodal placement was saved."),
    ),
    "implementation": Part(
        ImplementationForm,
        "projects:step-deliver",
        gettext_lazy("The implementation status was saved."),
    ),
}
