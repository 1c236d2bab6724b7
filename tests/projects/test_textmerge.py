"""Three-way line merge of texts edited by two people at once."""

from projects.textmerge import merge_fields, merge_text

BASE = "first\nsecond\nthird\nfourth"


def test_changes_to_different_lines_are_both_kept():
    mine = "first\nSECOND\nthird\nfourth"
    theirs = "first\nsecond\nthird\nFOURTH"
    assert merge_text(base=BASE, mine=mine, theirs=theirs) == "first\nSECOND\nthird\nFOURTH"


def test_changes_to_the_same_line_clash():
    mine = "first\nmy second\nthird\nfourth"
    theirs = "first\ntheir second\nthird\nfourth"
    assert merge_text(base=BASE, mine=mine, theirs=theirs) is None


def test_different_additions_at_the_end_clash():
    # Their order cannot be known, so neither is chosen.
    assert merge_text(base=BASE, mine=BASE + "\nmine", theirs=BASE + "\ntheirs") is None


def test_the_same_addition_at_the_end_counts_once():
    assert merge_text(base=BASE, mine=BASE + "\nfifth", theirs=BASE + "\nfifth") == (
        BASE + "\nfifth"
    )


def test_an_addition_at_the_end_merges_with_a_change_above():
    mine = BASE + "\nfifth"
    theirs = "FIRST\nsecond\nthird\nfourth"
    assert merge_text(base=BASE, mine=mine, theirs=theirs) == "FIRST\nsecond\nthird\nfourth\nfifth"


def test_identical_changes_merge():
    same = "first\nsecond\nTHIRD\nfourth"
    assert merge_text(base=BASE, mine=same, theirs=same) == same


def test_a_deletion_and_a_change_elsewhere_merge():
    mine = "second\nthird\nfourth"
    theirs = "first\nsecond\nthird\nFOURTH"
    assert merge_text(base=BASE, mine=mine, theirs=theirs) == "second\nthird\nFOURTH"


def test_an_insertion_inside_a_changed_range_clashes():
    mine = "first\nsecond\nnew\nthird\nfourth"
    theirs = "first\n2 and 3\nfourth"
    assert merge_text(base=BASE, mine=mine, theirs=theirs) is None


def test_browser_line_endings_are_not_changes():
    mine = "first\r\nsecond\r\nthird\r\nFOURTH"
    theirs = "FIRST\nsecond\nthird\nfourth"
    assert merge_text(base=BASE, mine=mine, theirs=theirs) == "FIRST\nsecond\nthird\nFOURTH"


def test_fields_merge_one_by_one():
    base = {"a": "one", "b": "two\nlines"}
    mine = {"a": "ONE", "b": "two\nlines\nmore"}
    theirs = {"a": "one", "b": "TWO\nlines"}
    assert merge_fields(base=base, mine=mine, theirs=theirs) == {
        "a": "ONE",
        "b": "TWO\nlines\nmore",
    }


def test_fields_clash_when_one_clashes_or_the_start_is_unknown():
    assert merge_fields(base={"a": "x"}, mine={"a": "y"}, theirs={"a": "z"}) is None
    assert merge_fields(base={}, mine={"a": "y"}, theirs={"a": "x"}) is None
