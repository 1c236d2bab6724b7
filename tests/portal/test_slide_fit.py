import re

from portal.slide_fit import fit_items, sentences, wrapped_lines

LONG = (
    "Brukere av hjemmetjenesten får beskjed om besøkstider digitalt. "
    "Færre ringer tjenesten, og flere besøk går som planlagt. "
    "Feil meldes i den vanlige brukerstøtten (avtalt til 1. kvartal). "
) * 10


def test_wrapping_counts_lines_at_word_boundaries():
    assert wrapped_lines("en to tre", width=3) == 3
    assert wrapped_lines("en to tre", width=6) == 2
    assert wrapped_lines("x" * 10, width=4) == 3
    assert wrapped_lines("", width=10) == 0


def test_sentences_stay_whole_around_ordinals_and_abbreviations():
    assert sentences("Start 1. mars. Slutt ca. 30 dager etter.") == [
        "Start 1. mars.",
        "Slutt ca. 30 dager etter.",
    ]


def test_everything_that_fits_is_kept_as_it_is():
    fit = fit_items(["  a  b ", "", "c"], budget=3, width=10)
    assert fit.lines == ["a b", "c"] and fit.complete


def test_a_long_text_shows_whole_leading_sentences_only():
    fit = fit_items([LONG], budget=6, width=44)
    (shown,) = fit.lines
    assert fit.partial == 1 and fit.hidden == 0
    assert LONG.startswith(shown) and shown.endswith(".")
    assert wrapped_lines(shown, width=44) <= 4  # two lines kept for the pointer


def test_items_after_the_room_runs_out_are_counted_not_cut():
    items = [f"Aktivitet nummer {n} med ansvarlig person" for n in range(30)]
    fit = fit_items(items, budget=8, width=44)
    assert fit.lines == items[: len(fit.lines)]
    assert fit.hidden == 30 - len(fit.lines) and fit.partial == 0


def test_a_sentence_longer_than_the_slide_is_never_cut():
    endless = "ord " * 400
    fit = fit_items([endless, "kort"], budget=8, width=44)
    assert fit.lines == [] and fit.hidden == 2


def test_no_line_ever_ends_in_a_cut_word():
    for budget in range(1, 12):
        for width in (20, 44, 60):
            fit = fit_items([LONG, LONG[:300], "Kort punkt."] * 3, budget=budget, width=width)
            for line in fit.lines:
                assert not re.search(r"\w…", line)
                assert line in (LONG.strip(), LONG[:300].strip(), "Kort punkt.") or line.endswith(
                    "."
                )
