"""The benefit map (gevinstkart): its page, adding a link, removing one."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from projects import access
from projects.decorators import project_view
from projects.htmx import respond
from projects.versioning import StaleEdit

from .. import benefit_map, maplinks
from ..map_forms import MapLinkForm
from ..models import MapLink
from ..selectors import digest
from .common import attempt, plan_or_404, posted_version


def map_context(project, plan, *, form=None, error=None, graph=None) -> dict:
    """The map drawn and listed, and for who may change it, the form."""
    graph = graph or maplinks.map_graph(plan)
    can_edit = plan.editable and access.plan_edit_refusal(project.actor) is None
    if can_edit and form is None:
        form = _form(project, plan, graph=graph)
    return {
        "project": project,
        "plan": plan,
        "graph": graph,
        # Drawn only when the page's cached drawing and list are missing; every
        # recorded change of the links, benefits, measures and goals renews the stamp.
        "map_key": digest((project.change_stamp,)),
        "layout": SimpleLazyObject(lambda: benefit_map.layout(graph.nodes, graph.edges)),
        "tree": SimpleLazyObject(lambda: benefit_map.tree(graph.nodes, graph.edges)),
        "can_edit": can_edit,
        "form": form if can_edit else None,
        "error": error,
    }


def _form(project, plan, *, graph, data=None) -> MapLinkForm:
    existing = {(edge.source, edge.target) for edge in graph.edges}
    choices = maplinks.map_choices(project, plan)
    return MapLinkForm(data, choices=choices, existing=existing)


def _answer(request, project, plan, *, message=None, error=None, form=None, status=200):
    if request.method == "POST":
        # A change (this one or another meanwhile) gave the project a new change
        # stamp, which keys the kept drawing and list; this request's copy may have the old.
        project.refresh_from_db(fields=["change_stamp"])
    context = map_context(project, plan, form=form, error=error)
    return respond(
        request,
        "benefits/map/page.html",
        context,
        partial="map-body",
        status=status,
        message=message or error,
        swap="#map-body",
    )


def _done(request, project, plan, message: str):
    if request.htmx:
        return _answer(request, project, plan, message=message)
    messages.success(request, message)
    return redirect(reverse("benefits:map", args=[project.pk]))


@project_view()
def map_page(request, project):
    plan = plan_or_404(project)
    return _answer(request, project, plan)


@project_view(methods=["POST"])
def map_link_add(request, project):
    plan = plan_or_404(project)
    form = _form(project, plan, graph=maplinks.map_graph(plan), data=request.POST)
    if not form.is_valid():
        return _answer(request, project, plan, form=form)
    with attempt() as outcome:
        maplinks.map_link_add(
            plan=plan,
            source=form.cleaned_data["source"],
            target=form.cleaned_data["target"],
            assumption=form.cleaned_data["assumption"],
            actor=project.actor,
        )
    if outcome.ok:
        return _done(request, project, plan, _("The link was added to the map."))
    return _answer(request, project, plan, form=form, error=outcome.error, status=409)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def map_link_delete(request, project, link_id: int):
    """GET asks to confirm; POST removes the link (as the version seen)."""
    plan = plan_or_404(project)
    link = MapLink.objects.filter(pk=link_id, plan=plan).first()
    if request.method == "GET":
        link = link or get_object_or_404(MapLink, pk=link_id, plan=plan)
        context = {"project": project, "plan": plan, "link": link}
        return respond(request, "benefits/map/delete.html", context, partial="confirm")
    version = posted_version(request)
    with attempt() as outcome:
        if link is None:
            raise StaleEdit(None)
        maplinks.map_link_delete(plan=plan, link=link, version=version, actor=project.actor)
    if outcome.ok:
        return _done(request, project, plan, _("The link was removed from the map."))
    error = outcome.error
    if outcome.stale:
        error = _(
            "Someone else changed or removed this link meanwhile. The map shows it as it is now."
        )
    return _answer(request, project, plan, error=error, status=409)
