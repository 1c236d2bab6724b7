from django import template

from portal.notifications.selectors import unread_count

register = template.Library()


@register.inclusion_tag("notifications/_badge.html", takes_context=True)
def unread_badge(context):
    """The header's inbox link; counts only when a page draws the header."""
    request = context["request"]
    return {"unread": unread_count(request.user), "request": request}
