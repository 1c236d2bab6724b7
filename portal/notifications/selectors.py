"""Reading notifications: only those of projects the person can still see."""

from django.db.models import QuerySet
from django.utils.translation import ngettext

from projects.selectors import seen_by

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
    """One query on the index notification_unread. The check of the projects
    the user may see is a plain join on their memberships when they are known
    not to be a leader (a membership is unique per project and person), and
    the general condition of `seen_by` otherwise."""
    unread = Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True)
    if hasattr(user, "_is_leader") and not (user._is_leader or user.is_superuser):
        return unread.filter(project__memberships__user_id=user.pk).count()
    return unread.filter(seen_by(user, project_field="project")).count()


def unread_label(count: int) -> str:
    """The inbox link's accessible name: "Notifications, 3 unread"."""
    return ngettext("Notifications, %(count)d unread", "Notifications, %(count)d unread", count) % {
        "count": count
    }
