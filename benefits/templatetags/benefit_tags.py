"""Tags of the benefit pages."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from benefits.selectors import name_of

register = template.Library()


@register.filter
def confirmation(indicator, key: str) -> str:
    """Who confirmed the indicator's criterion `key` and when, as a sentence
    (empty when nobody has)."""
    by, at = getattr(indicator, f"{key}_by", None), getattr(indicator, f"{key}_at", None)
    if by is None:
        return ""
    if at is None:
        return _("Confirmed by %(name)s.") % {"name": name_of(by)}
    when = date_format(timezone.localtime(at), "SHORT_DATETIME_FORMAT")
    return _("Confirmed by %(name)s, %(when)s.") % {"name": name_of(by), "when": when}
