"""Differences between two versions of a board (snapshots or the current
notes), per block. Pure functions on plain dicts: no database."""

from dataclasses import dataclass, field

from .blocks import BLOCKS, Block


@dataclass
class BlockDiff:
    block: Block
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    # (before, after) pairs of the same note whose text, colour or flag changed.
    changed: list[tuple[dict, dict]] = field(default_factory=list)

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed)


def board_diff(before: list[dict], after: list[dict]) -> list[BlockDiff]:
    """Notes (dicts with id, block, text, color, hypothesis) added, removed and
    changed from `before` to `after`, per block in canvas order. A note moved to
    another block counts as removed from one and added to the other."""
    diffs = {block.key: BlockDiff(block) for block in BLOCKS}
    old = {n["id"]: n for n in before}
    new = {n["id"]: n for n in after}
    for note in after:
        was = old.get(note["id"])
        if was is None or was["block"] != note["block"]:
            diffs[note["block"]].added.append(note)
            if was is not None:
                diffs[was["block"]].removed.append(was)
        elif any(was[k] != note[k] for k in ("text", "color", "hypothesis")):
            diffs[note["block"]].changed.append((was, note))
    for note in before:
        if note["id"] not in new:
            diffs[note["block"]].removed.append(note)
    return list(diffs.values())
