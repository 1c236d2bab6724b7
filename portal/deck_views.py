from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from projects.decorators import project_view
from projects.ids import parse_id
from projects.selectors import projects_for_user

from .bundles import BundleLimit, bundle_request, bundles_delete_expired, live_bundles
from .deck_files import cached_deck, cached_slides, deck_filename
from .models import DeckBundle

MAX_BUNDLE = 30
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "handout": "application/pdf",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


@project_view()
def deck_present(request, project):
    slides = cached_slides(project)
    return render(request, "portal/deck_present.html", {"project": project, "slides": slides})


@project_view()
def deck_download(request, project, fmt: str):
    if fmt not in CONTENT_TYPES:
        raise Http404
    response = HttpResponse(cached_deck(project, fmt), content_type=CONTENT_TYPES[fmt])
    name = deck_filename(project, "pdf" if fmt == "handout" else fmt)
    if fmt == "handout":
        name = name.replace(".pdf", "-notater.pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def bundle_create(request):
    wanted = [pk for pk in map(parse_id, request.POST.getlist("project")) if pk is not None]
    visible = set(
        projects_for_user(request.user).filter(pk__in=wanted).values_list("pk", flat=True)
    )
    project_ids = [pk for pk in dict.fromkeys(wanted) if pk in visible]
    if not project_ids or len(project_ids) > MAX_BUNDLE:
        messages.error(
            request,
            _("Choose between 1 and %(max)d projects for a bundle.") % {"max": MAX_BUNDLE},
        )
        return redirect("portfolio")
    bundles_delete_expired()
    try:
        bundle = bundle_request(user=request.user, project_ids=project_ids, language=get_language())
    except BundleLimit as limit:
        messages.error(
            request,
            _(
                "You have started %(limit)d bundles in the last hour, as many as one "
                "person may. Download one you already have, or try again later."
            )
            % {"limit": limit.limit},
        )
        return redirect("portfolio")
    return redirect("bundle-detail", bundle.pk)


def bundle_detail(request, bundle_id: int):
    bundle = get_object_or_404(live_bundles().defer("pdf"), pk=bundle_id, requested_by=request.user)
    template = "portal/bundle.html#progress" if request.htmx else "portal/bundle.html"
    return render(request, template, {"bundle": bundle})


def bundle_download(request, bundle_id: int):
    bundle = get_object_or_404(
        live_bundles(), pk=bundle_id, requested_by=request.user, status=DeckBundle.Status.DONE
    )
    response = HttpResponse(bytes(bundle.pdf), content_type="application/pdf")
    stamp = bundle.created_at.date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="statusrapporter-{stamp}.pdf"'
    return response
