"""Three-way line merge of texts edited by two people at once."""

import pytest

from projects.textmerge import merge_fields, merge_text

BASE = "first\nsecond\nthird\nfourth"


CASES = {
    "changes to different lines are both kept": (
        "first\nSECOND\nthird\nfourth",
        "first\nsecond\nthird\nFOURTH",
        "first\nSECOND\nthird\nFOURTH",
    ),
    "changes to the same line clash": (
        "first\nmy second\nthird\nfourth",
        "first\ntheir second\nthird\nfourth",
        None,
    ),
    # Their order cannot be known, so neither is chosen.
    "different additions at the end clash": (BASE + "\nmine", BASE + "\ntheirs", None),
    "the same addition at the end counts once": (
        BASE + "\nfifth",
        BASE + "\nfifth",
        BASE + "\nfifth",
    ),
    "an addition at the end merges with a change above": (
        BASE + "\nfifth",
        "FIRST\nsecond\nthird\nfourth",
        "FIRST\nsecond\nthird\nfourth\nfifth",
    ),
    "identical changes merge": (
        "first\nsecond\nTHIRD\nfourth",
        "first\nsecond\nTHIRD\nfourth",
        "first\nsecond\nTHIRD\nfourth",
    ),
    "a deletion and a change elsewhere merge": (
        "second\nthird\nfourth",
        "first\nsecond\nthird\nFOURTH",
        "second\nthird\nFOURTH",
    ),
    "an insertion inside a changed range clashes": (
        "first\nsecond\nnew\nthird\nfourth",
        "first\n2 and 3\nfourth",
        None,
    ),
    "browser line endings are not changes": (
        "first\r\nsecond\r\nthird\r\nFOURTH",
        "FIRST\nsecond\nthird\nfourth",
        "FIRST\nsecond\nthird\nFOURTH",
    ),
}


@pytest.mark.parametrize(("mine", "theirs", "expected"), CASES.values(), ids=CASES.keys())
def test_merge_text(mine, theirs, expected):
    assert merge_text(base=BASE, mine=mine, theirs=theirs) == expected


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
