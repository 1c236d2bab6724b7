from html import escape  # the same escaping as Django's, without its lazy-string wrapper

from django import template
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

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
    items = "".join(
        f"<dt>{escape(label)}</dt><dd>{escaped_lines(text)}</dd>" for label, text in facts
    )
    return mark_safe(f'<dl class="flow-facts">{items}</dl>')  # noqa: S308 -- texts escaped


def escaped_lines(text: str) -> str:
    """`text` escaped, its line breaks as <br> (as the linebreaksbr filter does),
    for markup built in Python."""
    return escape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


ENTRY = (
    '<li><p class="history-entry"><time datetime="{iso}">{when}</time>\n  {sentence}</p>\n'
    "{changes}\n</li>"
)


@register.simple_tag
def history_entries(entries) -> SafeString:
    """Entries of a project's history (projects.history.Entry) as list items.
    Built here rather than as a template included per entry: the history page
    shows fifty, and the includes took half its time."""
    return mark_safe("".join(_history_entry(e) for e in entries))  # noqa: S308 -- escaped below


def _history_entry(entry) -> str:
    when = timezone.localtime(entry.when)
    words = {"who": entry.who, "verb": entry.verb, "what": entry.what, "label": entry.label}
    sentence = _("%(who)s %(verb)s %(what)s “%(label)s”") % _escaped(words)
    changes = "".join(
        "<li>{}</li>".format(
            _("%(name)s: %(old)s → %(new)s") % _escaped({"name": name, "old": old, "new": new})
        )
        for name, old, new in entry.changes
    )
    return ENTRY.format(
        iso=when.isoformat(timespec="seconds"),  # HTML allows at most milliseconds
        when=formats.date_format(when, "SHORT_DATETIME_FORMAT"),
        sentence=sentence,
        changes=f'<ul class="history-changes">{changes}</ul>' if changes else "",
    )


def _escaped(values: dict) -> dict:
    return {key: escape(str(value)) for key, value in values.items()}
