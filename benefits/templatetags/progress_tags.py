"""The home page's section on the indicators a person is responsible for."""

from django import template
from django.core.cache import caches
from django.utils import timezone

from projects.models import Project

from ..selectors import digest
from ..tracking import user_summary

register = template.Library()

SUMMARY_SECONDS = 300  # as the plan page's cached parts


@register.inclusion_tag("benefits/_my_progress.html", takes_context=True)
def my_indicator_progress(context):
    """The signed-in user's indicators counted by status, and those in
    deviation. Kept per person and day for the projects they are a member
    of, each at its change stamp (replaced by every recorded change of its
    plan, indicators and measurements): one query when kept."""
    user = context["request"].user
    projects = Project.objects.filter(memberships__user=user, archived=False)
    stamps = tuple(projects.order_by("pk").values_list("pk", "change_stamp"))
    key = "my-progress:" + digest((user.pk, timezone.localdate(), stamps))
    summary = caches["pages"].get(key)
    if summary is None:
        summary = user_summary(user)
        caches["pages"].set(key, summary, SUMMARY_SECONDS)
    return {"summary": summary}
