"""`{% comments_link counts row %}`: an item's comment count, linking to its
thread. `counts` comes from `projects.discussion.selectors.comment_counts`,
read once for the page."""

from django import template

from projects.discussion import targets
from projects.discussion.selectors import Counts, thread_url

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
