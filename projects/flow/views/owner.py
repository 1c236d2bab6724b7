"""Step 3's solution owner, appointed from the team."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from projects import access
from projects.access import Refused
from projects.decorators import project_view
from projects.htmx import announce
from projects.models import Membership
from projects.services import membership_change_role

from ..forms import SolutionOwnerForm
from ..pages import owner_context, page_partial
from .steps import render_page

OWNER_PARTIAL = page_partial("projects:step-deliver", "owner")


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
            ctx = owner_context(project, owner_form=form)
            return render(request, OWNER_PARTIAL, {"project": project, **ctx})
        return render_page(request, project, "projects:step-deliver", owner_form=form)
    name = membership.user.get_full_name() or membership.user.username
    message = _("%(name)s is now the solution owner.") % {"name": name}
    if not request.htmx:
        messages.success(request, message)
        return redirect(reverse("projects:step-deliver", args=[project.pk]) + "#owner")
    ctx = owner_context(project)
    response = render(
        request,
        OWNER_PARTIAL,
        {"project": project, **ctx, "notice": {"kind": "success", "text": message}},
    )
    return announce(response, message)
