"""The Templates pages: the list, upload, download and removal of templates,
a new project from a template, and marking a project as one. The rules are
projects.access.template_refusal; the work is portal.blueprints."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from projects import access
from projects.decorators import project_view
from projects.selectors import user_is_leader

from . import blueprints
from .backup import ImportRefused
from .forms import TemplateMarkForm, TemplateUploadForm, TemplateUseForm
from .models import ProjectTemplate


def _actor(user) -> access.Actor:
    """The person as seen from no project in particular."""
    return access.Actor(
        user_id=user.pk,
        role=None,
        leader=user_is_leader(user),
        admin=user.is_staff or user.is_superuser,
    )


def _manager(user) -> access.Actor:
    """The person, if they manage templates (403 otherwise)."""
    actor = _actor(user)
    refusal = access.template_refusal(actor)
    if refusal is not None:
        raise PermissionDenied(refusal)
    return actor


@require_safe
def template_list(request):
    context = {
        "templates": ProjectTemplate.objects.all(),
        "may_manage": access.template_refusal(_actor(request.user)) is None,
    }
    return render(request, "portal/template_list.html", context)


@require_http_methods(["GET", "POST"])
def template_upload(request):
    actor = _manager(request.user)
    form = TemplateUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            template = blueprints.template_upload(
                data=form.cleaned_data["file"].read(), actor=actor, by=request.user
            )
        except ImportRefused as refused:
            form.add_error("file", str(refused))
        else:
            messages.success(
                request, _("The template “%(title)s” was added.") % {"title": template.title}
            )
            return redirect("template-list")
    limits = {"mb": settings.IMPORT_MAX_UPLOAD_MB, "rows": settings.IMPORT_MAX_ROWS}
    return render(request, "portal/template_upload.html", {"form": form, "limits": limits})


@require_safe
def template_download(request, template_id: int):
    template = get_object_or_404(ProjectTemplate, pk=template_id)
    response = HttpResponse(template.data, content_type="application/json; charset=utf-8")
    name = slugify(template.title) or "template"
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


@require_http_methods(["GET", "POST"])
def template_use(request, template_id: int):
    template = get_object_or_404(ProjectTemplate, pk=template_id)
    form = TemplateUseForm(request.POST or None, template=template)
    if request.method == "POST" and form.is_valid():
        try:
            project = blueprints.template_use(
                template=template, by=request.user, **form.cleaned_data
            )
        except ImportRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _("The project was created from the template. You are its first team member."),
            )
            return redirect(project)
    return render(request, "portal/template_use.html", {"form": form, "template": template})


@require_POST
def template_remove(request, template_id: int):
    actor = _manager(request.user)
    template = get_object_or_404(ProjectTemplate, pk=template_id)
    blueprints.template_remove(template=template, actor=actor)
    messages.success(
        request, _("The template “%(title)s” was removed.") % {"title": template.title}
    )
    return redirect("template-list")


@project_view(methods=["GET", "POST"], write=())
def project_template(request, project):
    refusal = access.template_refusal(project.actor)
    if refusal is not None:
        raise PermissionDenied(refusal)
    current = ProjectTemplate.objects.filter(project=project).first()
    initial = {"source": settings.ORGANISATION_NAME}
    if current:
        initial = {"description": current.description, "source": current.source}
    form = TemplateMarkForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        blueprints.template_mark(project=project, by=request.user, **form.cleaned_data)
        messages.success(request, _("The project is a template as it is now."))
        return redirect("template-list")
    context = {"project": project, "form": form, "current": current}
    return render(request, "portal/project_template.html", context)
