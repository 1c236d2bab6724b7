"""Reading notifications: only those of projects the person can still see."""

from django.db.models import QuerySet
from django.utils.translation import ngettext

from projects.selectors import projects_for_user

from .models import Notification


def notifications_for_user(user) -> QuerySet[Notification]:
    """The user's notifications of projects they may see (by
    `projects_for_user`), newest first."""
    return (
        Notification.objects.filter(recipient=user, project__in=projects_for_user(user))
        .select_related("project", "actor")
        .order_by("-created", "-pk")
    )


def unread_count(user) -> int:
    """One indexed count (notification_unread), the project check a subquery."""
    return Notification.objects.filter(
        recipient=user, read_at__isnull=True, project__in=projects_for_user(user)
    ).count()


def unread_label(count: int) -> str:
    """The inbox link's accessible name: "Notifications, 3 unread"."""
    return ngettext("Notifications, %(count)d unread", "Notifications, %(count)d unread", count) % {
        "count": count
    }
