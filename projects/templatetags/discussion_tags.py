"""`{% comments_link counts row %}`: an item's comment count, linking to its
thread. `counts` comes from `projects.discussion.selectors.comment_counts`,
read once for the page. `{{ comment.parts|comment_text }}`: a comment's text
as HTML; `{{ comment.created_at|machine_time }}`: its time for `<time datetime>`."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime

from projects.discussion import targets
from projects.discussion.selectors import Counts, thread_url
from projects.discussion.text import Part

register = template.Library()


@register.inclusion_tag("projects/discussion/_count.html")
def comments_link(counts: Counts | None, row) -> dict:
    if counts is None:
        return {}
    found = targets.of_model(type(row))
    return {
        "n": counts.of(row),
        "title": str(row),
        "url": thread_url(project_id=counts.project_id, kind=found.kind, item_id=row.pk),
    }


@register.filter
def comment_text(parts: list[Part]) -> SafeString:
    """The parts of a comment's text as HTML: links, mentions of members, and
    text with its line breaks. Written here rather than as a template loop: a
    page of 50 comments of some five parts each spent a quarter of the
    discussion page's time in that loop."""
    return mark_safe("".join(map(_part, parts)))  # noqa: S308 - each part escaped in _part


def _part(part: Part) -> str:
    if part.kind == "link":
        link = '<a class="ds-link" href="{}" rel="noopener noreferrer nofollow">{}</a>'
        return format_html(link, part.href, part.text)
    if part.kind == "mention":
        return format_html('<strong class="mention">@{}</strong>', part.name)
    if "\n" in part.text or "\r" in part.text:
        return linebreaksbr(part.text, autoescape=True)
    return escape(part.text)


@register.filter
def machine_time(moment) -> str:
    """Local time with its offset, as `date:"Y-m-d\\TH:i:sO"` gives it, at a
    fraction of the cost (a discussion page shows 50 of them)."""
    return localtime(moment).strftime("%Y-%m-%dT%H:%M:%S%z")
