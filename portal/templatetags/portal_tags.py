from django import template

from benefits.calculations import format_amount

register = template.Library()


@register.filter
def kroner(value) -> str:
    """1 234 567 kr, the Norwegian way."""
    return format_amount(value)
