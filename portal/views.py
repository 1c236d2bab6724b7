from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from projects.selectors import projects_for_user


def home(request):
    projects = (
        projects_for_user(request.user)
        .filter(memberships__user=request.user, archived=False)
        .select_related("unit")
        .order_by("-updated_at")
    )
    return render(request, "portal/home.html", {"projects": projects})


@login_not_required
def accessibility(request):
    return render(request, "portal/accessibility.html")


@login_not_required
@require_safe
def health(request):
    """For load balancers and the benchmark: the app server answers. Touches no database."""
    return HttpResponse("ok", content_type="text/plain")
