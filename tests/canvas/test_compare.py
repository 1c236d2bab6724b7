from canvas.compare import board_diff


def n(id, block="channels", text="a", color="yellow", hypothesis=False):
    return {"id": id, "block": block, "text": text, "color": color, "hypothesis": hypothesis}


def by_key(diffs):
    return {d.block.key: d for d in diffs}


def test_it_finds_added_removed_and_changed_notes_per_block():
    before = [n(1), n(2, text="b"), n(3, block="key_partners")]
    after = [n(1), n(2, text="b2"), n(4, block="key_partners", text="new")]
    diff = by_key(board_diff(before, after))
    assert diff["channels"].changed == [(n(2, text="b"), n(2, text="b2"))]
    assert diff["key_partners"].added == [n(4, block="key_partners", text="new")]
    assert diff["key_partners"].removed == [n(3, block="key_partners")]
    assert diff["cost_structure"].unchanged


def test_it_counts_a_move_as_removed_from_one_block_and_added_to_another():
    diff = by_key(board_diff([n(1)], [n(1, block="key_partners")]))
    assert diff["channels"].removed == [n(1)]
    assert diff["key_partners"].added == [n(1, block="key_partners")]


def test_it_sees_colour_and_hypothesis_changes():
    diff = by_key(board_diff([n(1)], [n(1, color="blue", hypothesis=True)]))
    assert len(diff["channels"].changed) == 1


def test_identical_versions_have_no_changes():
    assert all(d.unchanged for d in board_diff([n(1)], [n(1)]))
