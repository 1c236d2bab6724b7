from html import escape  # the same escaping as Django's, without its lazy-string wrapper

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from projects import navigation

register = template.Library()


@register.inclusion_tag("projects/_tabs.html", takes_context=True)
def project_tabs(context, project):
    current = context["request"].resolver_match
    here = f"{current.namespace}:{current.url_name}" if current else ""
    tabs = [
        {
            "label": tab.label,
            "url": reverse(tab.url_name, args=[project.pk]),
            "current": here == tab.url_name,
        }
        for tab in navigation.TABS
    ]
    return {"tabs": tabs, "project": project}


@register.filter
def fact_list(facts) -> str:
    """A list row's (label, text) facts (see Section.facts) as a description
    list, the texts keeping their line breaks. Built here rather than as a
    template loop: a step page shows a few hundred facts, and as template
    nodes they took a tenth of its time."""
    if not facts:
        return ""
    items = "".join(f"<dt>{escape(label)}</dt><dd>{_lines(text)}</dd>" for label, text in facts)
    return mark_safe(f'<dl class="flow-facts">{items}</dl>')  # every text is escaped


def _lines(text: str) -> str:
    """`text` escaped, its line breaks as <br> (as the linebreaksbr filter does)."""
    return escape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
