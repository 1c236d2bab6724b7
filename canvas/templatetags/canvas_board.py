"""The note card of the board, built in Python rather than as a template: a
board renders hundreds of them within its 50 ms budget, and the template took
about 0.5 ms a card (some 40 variable lookups each), this about 0.03 ms
(bench row "page: canvas board (200 notes)")."""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from canvas.models import Note
from projects.discussion.selectors import count_label

register = template.Library()

CARD = (
    '<li id="note-{id}" class="note note--{color}" tabindex="-1" data-note="{id}"'
    ' aria-labelledby="note-{id}-label">{alert}'
    '<p class="note__text" id="note-{id}-label">{text}</p>'
    '<p class="note__meta"><span class="note__colour">{colour}</span>{hypothesis}{bubble}</p>'
    "{actions}</li>"
)
ALERT = (
    '<div class="ds-alert note__alert" data-color="warning" data-size="sm">'
    '<p class="ds-paragraph" data-size="sm">{}</p></div>'
)
HYPOTHESIS = ' <span class="note__hypothesis">{}</span>'
# A note with comments (or one seen without the actions menu) shows their
# count as a small bubble; the menu always links to the thread, so an empty
# count takes no room on a full board.
BUBBLE = (
    '<a class="note__comments" href="{url}"><span aria-hidden="true">{count}</span>'
    '<span class="ds-sr-only">{label}</span></a>'
)
# The actions sit behind one button (a disclosure: <details> opens and closes
# without script too; canvas.js adds arrow keys and Escape).
ACTIONS = (
    '<details class="note__menu"><summary class="note__menu-button" data-focus="menu">'
    '<span aria-hidden="true">⋯</span><span class="ds-sr-only">{actions}: {short}</span>'
    "</summary>"
    '<form class="note__actions" method="post" action="{url}move/" hx-post="{url}move/"'
    ' hx-swap="none">'
    '<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">'
    '<input type="hidden" name="version" value="{version}">'
    '<input type="hidden" name="from" value="{block}">'
    '<a class="ds-button" data-variant="tertiary" data-size="sm" data-focus="edit"'
    ' href="{url}edit/" hx-get="{url}edit/" hx-target="#note-{id}" hx-swap="outerHTML">'
    "{edit}</a>"
    '<button class="ds-button" data-variant="tertiary" data-size="sm" data-focus="up"'
    ' type="submit" name="direction" value="up"><span aria-hidden="true">↑</span> {up}'
    "</button>"
    '<button class="ds-button" data-variant="tertiary" data-size="sm" data-focus="down"'
    ' type="submit" name="direction" value="down"><span aria-hidden="true">↓</span> {down}'
    "</button>"
    '<a class="ds-button" data-variant="tertiary" data-size="sm" data-focus="comments"'
    ' href="{comments_url}">{comments}</a>'
    '<span class="note__move"><label class="ds-sr-only" for="move-{id}">{move_to}</label>'
    '<select class="ds-input" data-size="sm" data-focus="block" id="move-{id}" name="block">'
    "{options}</select>"
    '<button class="ds-button" data-variant="tertiary" data-size="sm" data-focus="move"'
    ' type="submit">{move}</button></span>'
    '<button class="ds-button" data-variant="tertiary" data-size="sm" data-color="danger"'
    ' data-focus="delete" type="submit" formaction="{url}delete/" hx-post="{url}delete/">'
    "{delete}</button>"
    "</form></details>"
)


def escaped_lines(text: str) -> str:
    """`text` escaped, its line breaks as <br> (as the linebreaksbr filter does),
    for the card built here."""
    return escape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


# What varies from card to card; the rest of a card's actions is the same
# for every card of a board and is filled in once per rendering.
PER_CARD = ("id", "url", "version", "block", "short", "comments_url", "comments")


def _braced(text: str) -> str:
    """`text` kept as it is by a later str.format."""
    return text.replace("{", "{{").replace("}", "}}")


def _actions_template(context) -> str:
    """ACTIONS with the labels, CSRF token and move options filled in, worked
    out once per rendering (render_context lives as long as the template's
    rendering)."""
    cached = context.render_context.get(_actions_template)
    if cached is None:
        labels = {k: _braced(str(v)) for k, v in context["labels"].items() if k != "colours"}
        cached = ACTIONS.format(
            csrf=_braced(escape(str(context.get("csrf_token", "")))),
            options=_braced(str(context["move_options"])),
            **{name: "{" + name + "}" for name in PER_CARD},
            **labels,
        )
        context.render_context[_actions_template] = cached
    return cached


def _card(context, note, actions_template: str | None) -> str:
    labels = context["labels"]
    counts, threads = context["comments"]
    count = counts.of_pk(Note, note.pk)
    comments_url = f"{threads}{int(note.pk)}/"  # built by reverse()
    comments = escape(count_label(count))
    actions = ""
    if actions_template is not None:
        actions = actions_template.format(
            url=f"{context['notes_url']}{note.pk}/",  # built by reverse()
            version=int(note.version),
            block=escape(note.block),
            id=int(note.pk),
            short=escape(_short(note.text)),
            comments_url=comments_url,
            comments=comments,
        )
    bubble = ""
    if count or actions_template is None:
        bubble = BUBBLE.format(url=comments_url, count=count, label=comments)
    alert = ALERT.format(labels["moved_meanwhile"]) if context.get("conflict_id") == note.pk else ""
    return CARD.format(
        id=int(note.pk),
        color=escape(note.color),
        alert=alert,
        text=escaped_lines(note.text),
        colour=labels["colours"].get(note.color, ""),
        hypothesis=HYPOTHESIS.format(labels["hypothesis"]) if note.hypothesis else "",
        bubble=bubble,
        actions=actions,
    )


@register.simple_tag(takes_context=True)
def note_card(context, note) -> SafeString:
    """The note with its text, colour label, flag and (for editors) its actions.
    Needs `project`, `labels` (already escaped), `notes_url`, `move_options`,
    `comments` (the counts and the threads' URL prefix) and `csrf_token` in
    the context (see canvas.views.common.board_context). Only the note's text
    comes from users; it is escaped here."""
    actions = _actions_template(context) if context["project"].can_write else None
    return mark_safe(_card(context, note, actions))  # noqa: S308 - parts escaped in _card


@register.simple_tag(takes_context=True)
def note_cards(context, notes) -> SafeString:
    """`note_card` of every note of a block: one tag, where a template loop
    over a full board cost as much again as the cards themselves."""
    actions = _actions_template(context) if context["project"].can_write else None
    return mark_safe("".join(_card(context, note, actions) for note in notes))  # noqa: S308 - cards
