"""The lists of the step pages (see flow/sections.py), all served by the same
views: the list with its add form, add, edit in place, delete, and moving a
stage of a service journey."""

from django.contrib import messages
from django.db.models import ProtectedError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_htmx.http import reswap, retarget

from projects.decorators import project_view
from projects.htmx import announce
from projects.ids import parse_id
from projects.models import JourneyStage
from projects.services import row_update
from projects.versioning import StaleEdit

from ..pages import PAGES, page_partial, section_context
from ..sections import SECTIONS, Section
from ..services import journey_move, row_create, row_delete
from .steps import STALE_TEXT, render_page, stale_notice


def _section(slug: str) -> Section:
    if slug not in SECTIONS:
        raise Http404
    return SECTIONS[slug]


def _section_response(request, project, section, ctx, *, message=None, status=200):
    if request.htmx:
        template, context = "projects/steps/_section.html", {"project": project, "s": ctx}
        # The page's section list shows the count, which comes along out of band.
        context["nav_count"] = PAGES[section.page].counts_sections
        if section.drawn and status == 200:
            # The piece of the page drawn from the list comes along, out of band.
            template = "projects/steps/_section_drawn.html"
            context["drawn"] = page_partial(section.page, section.drawn.partial)
            context.update(section.drawn_context(project))
        response = render(request, template, context, status=status)
        return announce(response, message)
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
        if request.htmx and section.list_items and "open" not in request.GET:
            # Nothing else of the list changes: the row alone becomes its form
            # (unless another form of the list is open, which the list closes).
            context = {"project": project, "section": section, "item": row, "form": form}
            response = render(request, "projects/steps/_edit_row.html", context)
            return reswap(retarget(response, f"#{prefix}"), "outerHTML")
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
        notice = stale_notice(current, request.POST)
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
    to = parse_id(request.POST.get("position"))  # a drop names the place
    section = SECTIONS[f"journey-{stage.journey}"]
    if offset is None and to is None:
        ctx = section_context(
            section, project, notice={"kind": "danger", "text": _("Choose earlier or later.")}
        )
        return _section_response(request, project, section, ctx, status=200)
    stages = journey_move(stage=stage, offset=offset or 0, to=to)
    position = next(i for i, s in enumerate(stages) if s.pk == stage.pk) + 1
    message = _("“%(title)s” is now stage %(position)s of %(count)s.") % {
        "title": stage.title,
        "position": position,
        "count": len(stages),
    }
    ctx = section_context(section, project)
    # Keep the keyboard where it was; at either end the other button takes it.
    direction = request.POST.get("direction") or "earlier"
    if position == 1 and direction == "earlier":
        direction = "later"
    elif position == len(stages) and direction == "later":
        direction = "earlier"
    ctx["moved"] = (stage.pk, direction)
    return _section_response(request, project, section, ctx, message=message)
