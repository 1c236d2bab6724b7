"""Choosing what a slide shows: whole items and whole sentences, never a cut word.

A slide has room for a number of lines of body text at 30 point; text wraps
at word boundaries. `fit_items` keeps the items that fit whole, may show the
first whole sentences of the item where the room runs out, and says how many
items it left out, so the slide can name them. The whole text always goes to
the speaker notes. Pure functions on strings, no Django."""

import math
import re
from dataclasses import dataclass

# A sentence ends with . ! or ? followed by space; "1. mars" and "ca. 30" stay
# whole because the next character must start a new sentence (a capital or a digit
# after a closing mark is not enough: only a capital letter or a quote counts).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅÄÖÉ«\"“])")


def clean(text: str) -> str:
    """The text on one line, runs of white space as single spaces."""
    return " ".join(str(text).split())


def sentences(text: str) -> list[str]:
    """The whole sentences of `text`, in order."""
    return [s for s in _SENTENCE_END.split(clean(text)) if s]


def wrapped_lines(text: str, *, width: int) -> int:
    """How many lines `text` takes when wrapped at spaces to `width`
    characters (a longer word takes as many lines as its length needs)."""
    lines, used = 0, 0
    for word in clean(text).split(" "):
        if not word:
            continue
        if used and used + 1 + len(word) <= width:
            used += 1 + len(word)
            continue
        lines += max(1, math.ceil(len(word) / width))
        used = len(word) % width or width
    return lines


@dataclass(frozen=True)
class Fit:
    """What a slide shows of its items."""

    lines: list[str]
    hidden: int = 0  # items left out whole
    partial: int = 0  # items shown by their first sentences only

    @property
    def complete(self) -> bool:
        return not self.hidden and not self.partial


def fit_items(items: list[str], *, budget: int, width: int, reserve: int = 2) -> Fit:
    """The items (in order) that fit in `budget` wrapped lines of `width`
    characters. When not all fit, `reserve` lines are kept free for a line
    naming what was left out; the item at which the room runs out is shown by
    its leading whole sentences when at least one fits (and it has more)."""
    items = [text for text in map(clean, items) if text]
    if sum(wrapped_lines(text, width=width) for text in items) <= budget:
        return Fit(lines=items)
    room = max(0, budget - reserve)
    kept: list[str] = []
    partial = 0
    for n, text in enumerate(items):
        need = wrapped_lines(text, width=width)
        if need <= room:
            kept.append(text)
            room -= need
            continue
        lead = _leading_sentences(text, room=room, width=width)
        if lead:
            kept.append(lead)
            partial = 1
            n += 1
        return Fit(lines=kept, hidden=len(items) - n, partial=partial)
    return Fit(lines=kept)


def _leading_sentences(text: str, *, room: int, width: int) -> str:
    """As many of the first whole sentences of `text` as fit in `room` lines
    (fewer than all of them), or ""."""
    parts = sentences(text)
    shown = ""
    for part in parts[:-1]:
        candidate = f"{shown} {part}".strip()
        if wrapped_lines(candidate, width=width) > room:
            break
        shown = candidate
    return shown
