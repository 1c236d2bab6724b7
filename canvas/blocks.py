"""The nine blocks of the Business Model Canvas, their guiding questions and the
note colours. Plain data and pure functions: no database.

The canvas is "Business Model Canvas" by Strategyzer AG, CC BY-SA 3.0; every
board and export shows that attribution. For the public sector the revenue
streams block is labelled as funding and value streams."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Block:
    key: str
    title: str | Promise
    questions: tuple[str | Promise, ...]
    # What the block is called in the original canvas, when we call it otherwise.
    original: str | Promise = ""


BLOCKS: tuple[Block, ...] = (
    Block(
        "key_partners",
        _("Key partners"),
        (
            _("Who are our key partners and suppliers?"),
            _("Which key resources do we get from partners?"),
            _("Which key activities do partners perform?"),
        ),
    ),
    Block(
        "key_activities",
        _("Key activities"),
        (
            _("What key activities do our value propositions require?"),
            _("What do our channels, user relationships and funding require of us?"),
        ),
    ),
    Block(
        "key_resources",
        _("Key resources"),
        (
            _("What key resources do our value propositions require?"),
            _("Which people, knowledge, data, technology and premises do we need?"),
        ),
    ),
    Block(
        "value_propositions",
        _("Value propositions"),
        (
            _("What value do we deliver to the users?"),
            _("Which of their problems are we helping to solve?"),
            _("Which needs are we meeting?"),
        ),
    ),
    Block(
        "customer_relationships",
        _("User relationships"),
        (
            _("What kind of relationship does each user group expect from us?"),
            _("How does it fit with the rest of our services?"),
        ),
        original=_("Customer relationships"),
    ),
    Block(
        "channels",
        _("Channels"),
        (
            _("Through which channels do our users want to be reached?"),
            _("How do we reach them now, and which channels work best?"),
        ),
    ),
    Block(
        "customer_segments",
        _("User groups"),
        (
            _("For whom are we creating value?"),
            _("Who are our most important users?"),
        ),
        original=_("Customer segments"),
    ),
    Block(
        "cost_structure",
        _("Cost structure"),
        (
            _("What are the most important costs of the service?"),
            _("Which key resources and activities cost the most?"),
        ),
    ),
    Block(
        "revenue_streams",
        _("Funding and value streams"),
        (
            _("Who funds the service, and how?"),
            _("What value does it create (costs avoided, time saved, quality), and for whom?"),
        ),
        original=_("Revenue streams"),
    ),
)

BLOCKS_BY_KEY = {block.key: block for block in BLOCKS}
BLOCK_CHOICES = [(block.key, block.title) for block in BLOCKS]


@dataclass(frozen=True)
class Colour:
    key: str
    label: str | Promise


# Each colour also has its own label and border pattern (see canvas.css), so
# notes are told apart without seeing colour.
COLOURS: tuple[Colour, ...] = (
    Colour("yellow", _("Yellow")),
    Colour("blue", _("Blue")),
    Colour("green", _("Green")),
    Colour("pink", _("Pink")),
    Colour("orange", _("Orange")),
)
COLOUR_CHOICES = [(colour.key, colour.label) for colour in COLOURS]


@dataclass
class BoardBlock:
    """One block as the board shows it: its definition and its notes in order."""

    block: Block
    notes: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.block.key


def board_blocks(notes: Iterable, *, only: Iterable[str] | None = None) -> list[BoardBlock]:
    """Group notes (objects with `block`, already in board order) into the nine
    blocks in canvas order; `only` keeps just the named blocks."""
    wanted = set(only) if only is not None else None
    blocks = {b.key: BoardBlock(b) for b in BLOCKS if wanted is None or b.key in wanted}
    for note in notes:
        if note.block in blocks:
            blocks[note.block].notes.append(note)
    return list(blocks.values())


def reordered(ids: list[int], *, moving: int, direction: str) -> list[int]:
    """`ids` with `moving` one step "up" (earlier) or "down" (later); unchanged
    at either end."""
    order = list(ids)
    i = order.index(moving)
    j = i - 1 if direction == "up" else i + 1
    if 0 <= j < len(order):
        order[i], order[j] = order[j], order[i]
    return order


def placed(ids: list[int], *, moving: int, index: int) -> list[int]:
    """`ids` with `moving` (taken out first if it is there) at `index`,
    clamped to the list's ends."""
    order = [pk for pk in ids if pk != moving]
    order.insert(min(max(index, 0), len(order)), moving)
    return order


# The classic layout as table rows of (block key, colspan, rowspan) on ten
# columns, for paper (see canvas/pdf.html).
PAPER_ROWS: tuple[tuple[tuple[str, int, int], ...], ...] = (
    (
        ("key_partners", 2, 2),
        ("key_activities", 2, 1),
        ("value_propositions", 2, 2),
        ("customer_relationships", 2, 1),
        ("customer_segments", 2, 2),
    ),
    (("key_resources", 2, 1), ("channels", 2, 1)),
    (("cost_structure", 5, 1), ("revenue_streams", 5, 1)),
)


@dataclass(frozen=True)
class PaperCell:
    block: BoardBlock
    colspan: int
    rowspan: int


def paper_rows(blocks: list[BoardBlock]) -> list[list[PaperCell]]:
    """The board's blocks placed in the classic layout's table rows."""
    by_key = {b.key: b for b in blocks}
    return [[PaperCell(by_key[key], cols, rows) for key, cols, rows in row] for row in PAPER_ROWS]
