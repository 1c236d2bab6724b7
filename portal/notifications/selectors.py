"""Reading notifications: only those of projects the person can still see."""

from django.db.models import QuerySet
from django.utils.translation import ngettext

from projects.selectors import seen_by, user_is_leader

from .models import Notification


def notifications_for_user(user) -> QuerySet[Notification]:
    """The user's notifications of projects they may see (the rule of
    `projects_for_user`), newest first."""
    return (
        Notification.objects.filter(seen_by(user, project_field="project"), recipient=user)
        .select_related("project", "actor")
        .order_by("-created", "-pk")
    )


def unread_count(user) -> int:
    """One query on the index notification_unread, once it is known whether
    the user is a leader (`user_is_leader`: read once per request, and most
    pages already know). A leader or superuser sees every project, so all
    their unread notifications count; anyone else's count is a plain join on
    their memberships (a membership is unique per project and person). The
    rule of `seen_by`, without its correlated subqueries, which cost more to
    build and to run than the two plain queries."""
    unread = Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True)
    if user_is_leader(user):
        return unread.count()
    return unread.filter(project__memberships__user_id=user.pk).count()


def unread_label(count: int) -> str:
    """The inbox link's accessible name: "Notifications, 3 unread"."""
    return ngettext("Notifications, %(count)d unread", "Notifications, %(count)d unread", count) % {
        "count": count
    }
