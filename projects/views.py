from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.pagecache import render_cached

from . import selectors_steps
from .decorators import project_view
from .forms import MemberAddForm, MemberRoleForm, ProjectForm
from .history import ProjectHistory
from .models import Membership
from .responses import announce
from .services import (
    MembershipRuleBroken,
    StaleEdit,
    membership_add,
    membership_change_role,
    membership_remove,
    project_create,
    project_set_archived,
    project_update,
)


@require_http_methods(["GET", "POST"])
def project_create_view(request):
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        project = project_create(data=form.cleaned_data, by=request.user)
        messages.success(request, _("The project was created. You are its first team member."))
        return redirect(project)
    return render(request, "projects/project_form.html", {"form": form, "project": None})


@project_view()
def project_detail(request, project):
    context = {"project": project, "overview": selectors_steps.Overview(project)}
    vary = (project.pk, project.revision, project.role, project.can_approve)
    return render_cached(request, "projects/project_detail.html", context, vary=vary)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def project_edit(request, project):
    form = ProjectForm(request.POST or None, instance=project)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            project = project_update(
                project=project, data=form.cleaned_data, version=form.cleaned_data["version"]
            )
        except StaleEdit as stale:
            # Show the current values; keep what the user typed visible beside them.
            status = 409
            form = ProjectForm(instance=stale.current)
            form.submitted = request.POST
            messages.error(
                request,
                _(
                    "Someone else saved this project while you were editing. "
                    "The form now shows their version; your text is shown above it."
                ),
            )
        else:
            messages.success(request, _("The project was saved."))
            return redirect(project)
    return render(
        request, "projects/project_form.html", {"form": form, "project": project}, status=status
    )


@project_view(methods=["POST"])
def project_archive(request, project):
    archived = request.POST.get("archived") == "true"
    project_set_archived(project=project, archived=archived)
    if archived:
        messages.success(request, _("The project was archived. It can be restored at any time."))
    else:
        messages.success(request, _("The project was restored from the archive."))
    return redirect(project)


@project_view(methods=["GET", "POST"])
def members(request, project):
    form = MemberAddForm(request.POST or None, project=project)
    message = None
    if request.method == "POST" and form.is_valid():
        membership = membership_add(
            project=project, user=form.cleaned_data["identifier"], role=form.cleaned_data["role"]
        )
        message = _("%(name)s was added as %(role)s.") % {
            "name": membership.user.get_full_name() or membership.user.username,
            "role": membership.get_role_display().lower(),
        }
        if not request.htmx:
            messages.success(request, message)
            return redirect("projects:members", project.pk)
        form = MemberAddForm(project=project)
    return _render_members(request, project, form=form, message=message)


def _render_members(request, project, *, form=None, message=None, error=None, status=200):
    context = {
        "project": project,
        "memberships": project.memberships.select_related("user"),
        "form": form or MemberAddForm(project=project),
        "role_form": MemberRoleForm(),
        "error": error,
    }
    template = "projects/members.html#members" if request.htmx else "projects/members.html"
    response = render(request, template, context, status=status)
    return announce(response, message or error) if (message or error) else response


@project_view(methods=["POST"])
def member_role(request, project, membership_id: int):
    membership = get_object_or_404(Membership, pk=membership_id, project=project)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        return _render_members(request, project, error=_("Choose one of the listed roles."))
    try:
        membership_change_role(membership=membership, role=form.cleaned_data["role"])
    except MembershipRuleBroken as broken:
        if not request.htmx:
            messages.error(request, str(broken))
            return redirect("projects:members", project.pk)
        return _render_members(request, project, error=str(broken))
    message = _("The role was changed.")
    if not request.htmx:
        messages.success(request, message)
        return redirect("projects:members", project.pk)
    return _render_members(request, project, message=message)


@project_view(methods=["GET", "POST"], write=["GET", "POST"])
def member_remove(request, project, membership_id: int):
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_id, project=project
    )
    if request.method == "GET":
        return render(
            request, "projects/member_remove.html", {"project": project, "membership": membership}
        )
    try:
        membership_remove(membership=membership)
    except MembershipRuleBroken as broken:
        messages.error(request, str(broken))
    else:
        messages.success(
            request,
            _("%(name)s is no longer a member of the project.")
            % {"name": membership.user.get_full_name() or membership.user.username},
        )
        if membership.user_id == request.user.pk:
            return redirect("home")  # they just left the project
    return redirect("projects:members", project.pk)


@project_view()
def project_history_view(request, project):
    page = Paginator(ProjectHistory(project.pk), 50).get_page(request.GET.get("page"))
    return render(request, "projects/history.html", {"project": project, "page": page})
