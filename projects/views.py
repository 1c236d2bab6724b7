from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from . import access, responsibilities
from .access import Refused
from .decorators import project_view
from .forms import MemberAddForm, MemberRoleForm, ProjectForm
from .fragments import person_key
from .history import ProjectHistory
from .htmx import respond
from .models import Membership
from .selectors import Overview
from .services import (
    membership_add,
    membership_change_role,
    membership_remove,
    project_create,
    project_set_archived,
    project_update,
)
from .versioning import StaleEdit


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
    context = {"project": project, "overview": Overview(project)}
    return render(request, "projects/project_detail.html", context)


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


def _may_manage(project) -> None:
    if not access.may_manage_members(project.actor):
        raise PermissionDenied(_("Your role in this project does not let you change its members."))


@project_view(methods=["GET", "POST"], write=())
def members(request, project):
    if request.method == "POST":
        _may_manage(project)
    form = MemberAddForm(request.POST or None, project=project, actor=project.actor)
    message = error = None
    if request.method == "POST" and form.is_valid():
        try:
            membership = membership_add(
                project=project,
                user=form.cleaned_data["identifier"],
                role=form.cleaned_data["role"],
                actor=project.actor,
            )
        except Refused as refused:
            error = str(refused)
        else:
            message = _("%(name)s was added as %(role)s.") % {
                "name": membership.user.get_full_name() or membership.user.username,
                "role": membership.get_role_display().lower(),
            }
            form = None
        if not request.htmx:
            messages.add_message(
                request, messages.ERROR if error else messages.SUCCESS, error or message
            )
            return redirect("projects:members", project.pk)
    return _render_members(request, project, form=form, message=message, error=error)


def _render_members(request, project, *, form=None, message=None, error=None, status=200):
    actor = project.actor
    context = {
        "project": project,
        "memberships": SimpleLazyObject(lambda: _member_rows(project)),
        "form": form or SimpleLazyObject(lambda: MemberAddForm(project=project, actor=actor)),
        "may_add": access.may_manage_members(actor) and bool(MemberAddForm.roles_for(actor)),
        "unassigned": SimpleLazyObject(lambda: responsibilities.unassigned(project.pk)),
        "error": error,
        # The list as it stands is cached as rendered (read above only when stale).
        "members_key": person_key(request, project) if request.method == "GET" else None,
    }
    return respond(
        request,
        "projects/members.html",
        context,
        partial="members",
        status=status,
        message=message or error,
    )


def _member_rows(project) -> list[Membership]:
    """The members, each with the roles the person may give them and whether
    they may remove them; names, links and labels made once here: per row in
    the template they cost more than the rest of it."""
    actor = project.actor
    memberships = list(project.memberships.select_related("user"))
    labels = dict(Membership.Role.choices)
    base = reverse("projects:members", args=[project.pk])
    role_of = _("Role of %(name)s")
    for m in memberships:
        offered = access.roles_offered(actor, user_id=m.user_id, old=m.role)
        m.role_choices = [(role, labels[role]) for role in offered]
        m.may_remove = (
            access.membership_refusal(actor, user_id=m.user_id, old=m.role, new=None) is None
        )
        m.name = m.user.get_full_name() or m.user.username
        m.role_label = role_of % {"name": m.name}
        m.url = f"{base}{m.pk}/"
    return memberships


@project_view(methods=["POST"], write=())
def member_role(request, project, membership_id: int):
    _may_manage(project)
    membership = get_object_or_404(Membership, pk=membership_id, project=project)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        return _render_members(request, project, error=_("Choose one of the listed roles."))
    try:
        membership_change_role(
            membership=membership, role=form.cleaned_data["role"], actor=project.actor
        )
    except Refused as refused:
        if not request.htmx:
            messages.error(request, str(refused))
            return redirect("projects:members", project.pk)
        return _render_members(request, project, error=str(refused))
    message = _("The role was changed.")
    if not request.htmx:
        messages.success(request, message)
        return redirect("projects:members", project.pk)
    return _render_members(request, project, message=message)


@project_view(methods=["GET", "POST"], write=())
def member_remove(request, project, membership_id: int):
    membership = get_object_or_404(
        Membership.objects.select_related("user"), pk=membership_id, project=project
    )
    refusal = access.membership_refusal(
        project.actor, user_id=membership.user_id, old=membership.role, new=None
    )
    if refusal and not access.may_manage_members(project.actor):
        raise PermissionDenied(refusal)
    if request.method == "GET":
        if refusal:
            messages.error(request, refusal)
            return redirect("projects:members", project.pk)
        return render(
            request, "projects/member_remove.html", {"project": project, "membership": membership}
        )
    try:
        released = membership_remove(membership=membership, actor=project.actor)
    except Refused as refused:
        messages.error(request, str(refused))
        return redirect("projects:members", project.pk)
    name = membership.user.get_full_name() or membership.user.username
    if released:
        messages.warning(
            request,
            ngettext(
                "%(name)s is no longer a member of the project. One thing they were "
                "responsible for now has no one responsible; it is listed below.",
                "%(name)s is no longer a member of the project. %(count)d things they were "
                "responsible for now have no one responsible; they are listed below.",
                released,
            )
            % {"name": name, "count": released},
        )
    else:
        messages.success(
            request, _("%(name)s is no longer a member of the project.") % {"name": name}
        )
    if membership.user_id == request.user.pk:
        return redirect("home")  # they just left the project
    return redirect("projects:members", project.pk)


@project_view()
def project_history_view(request, project):
    number = request.GET.get("page")
    # Read only when the page's cached entries (see the template) are stale.
    page = SimpleLazyObject(lambda: Paginator(ProjectHistory(project.pk), 50).get_page(number))
    return render(
        request, "projects/history.html", {"project": project, "page": page, "number": number}
    )
