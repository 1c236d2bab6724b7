from types import SimpleNamespace

from django.utils import translation

from canvas.blocks import BLOCKS, COLOURS, board_blocks, placed, reordered


def test_it_has_the_nine_blocks_in_canvas_order():
    assert [b.key for b in BLOCKS] == [
        "key_partners",
        "key_activities",
        "key_resources",
        "value_propositions",
        "customer_relationships",
        "channels",
        "customer_segments",
        "cost_structure",
        "revenue_streams",
    ]
    assert all(len(b.questions) >= 2 for b in BLOCKS)
    assert len(COLOURS) == 5


def test_it_translates_titles_and_questions_into_every_language():
    with translation.override("en"):
        english = {str(b.title) for b in BLOCKS} | {str(q) for b in BLOCKS for q in b.questions}
    for language in ("nb", "nn", "sv"):
        with translation.override(language):
            texts = {str(b.title) for b in BLOCKS} | {str(q) for b in BLOCKS for q in b.questions}
        assert not texts & english, language


def test_it_labels_revenue_streams_for_the_public_sector():
    with translation.override("en"):
        revenue = BLOCKS[-1]
        assert str(revenue.title) == "Funding and value streams"
        assert str(revenue.original) == "Revenue streams"


def test_it_groups_notes_by_block_in_order():
    notes = [SimpleNamespace(block=k, n=i) for i, k in enumerate(["channels", "key_partners"])]
    blocks = board_blocks(notes)
    assert [b.key for b in blocks] == [b.key for b in BLOCKS]
    assert [n.n for n in blocks[0].notes] == [1]
    assert [n.n for n in blocks[5].notes] == [0]
    only = board_blocks(notes, only=["channels"])
    assert [b.key for b in only] == ["channels"]


def test_it_reorders_one_step_and_stops_at_the_ends():
    assert reordered([1, 2, 3], moving=2, direction="up") == [2, 1, 3]
    assert reordered([1, 2, 3], moving=2, direction="down") == [1, 3, 2]
    assert reordered([1, 2, 3], moving=1, direction="up") == [1, 2, 3]
    assert reordered([1, 2, 3], moving=3, direction="down") == [1, 2, 3]


def test_paper_rows_place_every_block_once_on_ten_columns():
    from canvas.blocks import paper_rows

    rows = paper_rows(board_blocks([]))
    keys = [cell.block.key for row in rows for cell in row]
    assert sorted(keys) == sorted(b.key for b in BLOCKS)
    # Row 1 spans all ten columns; row 2 fills the gaps left by the tall blocks.
    assert sum(c.colspan for c in rows[0]) == 10
    tall = sum(c.colspan for c in rows[0] if c.rowspan == 2)
    assert sum(c.colspan for c in rows[1]) + tall == 10
    assert sum(c.colspan for c in rows[2]) == 10


def test_placed_puts_a_note_at_a_place_clamped_to_the_ends():
    assert placed([1, 2, 3], moving=1, index=2) == [2, 3, 1]
    assert placed([1, 2, 3], moving=3, index=0) == [3, 1, 2]
    assert placed([1, 2], moving=9, index=1) == [1, 9, 2]  # from another block
    assert placed([1, 2], moving=9, index=50) == [1, 2, 9]
    assert placed([1, 2], moving=9, index=-3) == [9, 1, 2]
