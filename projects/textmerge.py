"""Three-way merge of texts line by line: two people edited the same text
from the same starting point (`base`); where they changed different lines,
both changes are kept. Pure functions, no database."""

from difflib import SequenceMatcher

Change = tuple[int, int, list[str]]  # base lines [start, end) replaced by these lines


def _changes(base: list[str], other: list[str]) -> list[Change]:
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [
        (i1, i2, other[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _clash(a: Change, b: Change) -> bool:
    """Whether two different changes touch the same lines of the base. An
    insertion clashes with an insertion at the same place (their order is
    unknown) and with a change of the lines around it."""
    (a1, a2, _), (b1, b2, _) = a, b
    if a1 == a2 and b1 == b2:
        return a1 == b1
    if a1 == a2:
        return b1 < a1 < b2
    if b1 == b2:
        return a1 < b1 < a2
    return a1 < b2 and b1 < a2


def merge_text(*, base: str, mine: str, theirs: str) -> str | None:
    """`base` with the changes of both `mine` and `theirs`, or None when they
    changed the same lines differently. Line endings come back as "\\n"."""
    lines = base.splitlines()
    own, other = _changes(lines, mine.splitlines()), _changes(lines, theirs.splitlines())
    only_other = [c for c in other if c not in own]  # a change both made counts once
    if any(_clash(a, b) for a in own for b in only_other):
        return None
    merged, at = [], 0
    for start, end, replacement in sorted(own + only_other, key=lambda c: (c[0], c[1])):
        merged += lines[at:start] + replacement
        at = end
    return "\n".join(merged + lines[at:])


def merge_fields(*, base: dict, mine: dict, theirs: dict) -> dict | None:
    """The texts of `mine` merged field by field with `theirs`, from `base`
    (all dicts by field name); None when any field clashes or `base` lacks
    one of the fields."""
    if any(name not in base for name in mine):
        return None
    merged = {}
    for name, text in mine.items():
        if _same(base[name], text):
            merged[name] = theirs[name]
        elif _same(base[name], theirs[name]):
            merged[name] = text
        else:
            merged[name] = merge_text(base=base[name], mine=text, theirs=theirs[name])
            if merged[name] is None:
                return None
    return merged


def _same(a: str, b: str) -> bool:
    return a.splitlines() == b.splitlines()
