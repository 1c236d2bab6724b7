"""The home page's section on the indicators a person is responsible for."""

from django import template

from ..tracking import user_summary

register = template.Library()


@register.inclusion_tag("benefits/_my_progress.html", takes_context=True)
def my_indicator_progress(context):
    """The signed-in user's indicators counted by status, and those in deviation."""
    return {"summary": user_summary(context["request"].user)}
