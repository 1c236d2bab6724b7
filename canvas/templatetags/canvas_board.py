"""The note card of the board, built in Python rather than as a template: a
board renders hundreds of them within its 50 ms budget, and the template took
about 0.5 ms a card (some 40 variable lookups each), this about 0.03 ms
(bench row "page: canvas board (200 notes)")."""

from html import escape
from string import Formatter

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


def _pieces(pattern: str) -> tuple[tuple[str, str | None], ...]:
    """`pattern` as (literal text, name of the value that follows) pairs: a
    card joins these, where str.format would parse the whole pattern again for
    each card."""
    return tuple((literal, name) for literal, name, _spec, _conv in Formatter().parse(pattern))


CARD_PIECES = _pieces(CARD)


def _filled(pieces, values: dict) -> str:
    return "".join([literal + values[name] if name else literal for literal, name in pieces])


class _Cards:
    """What every card of one rendering shares, worked out once: the labels,
    the actions with the CSRF token and move options filled in, the comment
    counts by note."""

    def __init__(self, context):
        labels = context["labels"]
        counts, self.threads = context["comments"]
        self.counts = counts.of_model(Note)
        self.notes_url = context["notes_url"]
        self.conflict_id = context.get("conflict_id")
        self.colours = labels["colours"]
        self.alert = ALERT.format(labels["moved_meanwhile"])
        self.hypothesis = HYPOTHESIS.format(labels["hypothesis"])
        self.count_labels: dict[int, str] = {}
        self.actions = None
        if context["project"].can_write:
            fixed = {k: _braced(str(v)) for k, v in labels.items() if k != "colours"}
            self.actions = _pieces(
                ACTIONS.format(
                    csrf=_braced(escape(str(context.get("csrf_token", "")))),
                    options=_braced(str(context["move_options"])),
                    **{name: "{" + name + "}" for name in PER_CARD},
                    **fixed,
                )
            )

    @classmethod
    def of(cls, context) -> "_Cards":
        """Kept in the context's `card_parts` (a dict of its own to each
        rendering): render_context starts afresh in each partial, and the
        board's answer to a poll renders nine."""
        parts = context["card_parts"]
        cards = parts.get(cls)
        if cards is None:
            cards = parts[cls] = cls(context)
        return cards

    def label(self, count: int) -> str:
        """The escaped "n comments", translated once per number."""
        label = self.count_labels.get(count)
        if label is None:
            label = self.count_labels[count] = escape(count_label(count))
        return label

    def card(self, note) -> str:
        pk = int(note.pk)
        count = self.counts.get(pk, 0)
        comments_url = f"{self.threads}{pk}/"  # built by reverse()
        comments = self.label(count)
        actions = ""
        if self.actions is not None:
            actions = _filled(
                self.actions,
                {
                    "url": f"{self.notes_url}{pk}/",  # built by reverse()
                    "version": str(int(note.version)),
                    "block": escape(note.block),
                    "id": str(pk),
                    "short": escape(_short(note.text)),
                    "comments_url": comments_url,
                    "comments": comments,
                },
            )
        bubble = ""
        if count or self.actions is None:
            bubble = BUBBLE.format(url=comments_url, count=count, label=comments)
        return _filled(
            CARD_PIECES,
            {
                "id": str(pk),
                "color": escape(note.color),
                "alert": self.alert if self.conflict_id == note.pk else "",
                "text": escaped_lines(note.text),
                "colour": self.colours.get(note.color, ""),
                "hypothesis": self.hypothesis if note.hypothesis else "",
                "bubble": bubble,
                "actions": actions,
            },
        )


@register.simple_tag(takes_context=True)
def note_card(context, note) -> SafeString:
    """The note with its text, colour label, flag and (for editors) its actions.
    Needs `project`, `labels` (already escaped), `notes_url`, `move_options`,
    `comments` (the counts and the threads' URL prefix), `card_parts` and `csrf_token` in
    the context (see canvas.views.common.board_context). Only the note's text
    comes from users; it is escaped here."""
    return mark_safe(_Cards.of(context).card(note))  # noqa: S308 - parts escaped in card()


@register.simple_tag(takes_context=True)
def note_cards(context, notes) -> SafeString:
    """`note_card` of every note of a block: one tag, where a template loop
    over a full board cost as much again as the cards themselves."""
    card = _Cards.of(context).card
    return mark_safe("".join([card(note) for note in notes]))  # noqa: S308 - cards
