from django import template
from django.utils import timezone

from benefits.selectors import overdue_indicators

register = template.Library()


@register.inclusion_tag("benefits/_overdue.html", takes_context=True)
def overdue_measurements(context):
    """The signed-in user's overdue measurements, for their home page."""
    user = context["request"].user
    return {"overdue": overdue_indicators(today=timezone.localdate(), user=user)}
