from django import template
from django.urls import reverse

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
