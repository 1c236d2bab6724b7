"""A comment's text cut into parts: links (http and https only) and mentions
of members; no database."""

from projects.discussion.text import Part, mentioned, parts

MEMBERS = {"kari": "Kari Nordmann", "per.olsen": "Per Olsen"}


def test_it_marks_a_mention_of_a_member_with_their_name():
    assert parts("Hei @kari!", members=MEMBERS) == [
        Part("text", "Hei "),
        Part("mention", "@kari", name="Kari Nordmann"),
        Part("text", "!"),
    ]


def test_mentions_ignore_case_and_keep_dots_inside_a_username():
    found = parts("@KARI og @per.olsen.", members=MEMBERS)
    assert [p.name for p in found if p.kind == "mention"] == ["Kari Nordmann", "Per Olsen"]
    assert found[-1] == Part("text", ".")


def test_a_mention_of_a_non_member_or_unknown_name_stays_text():
    assert parts("Spør @ola og @ukjent", members=MEMBERS) == [Part("text", "Spør @ola og @ukjent")]


def test_an_email_address_is_no_mention():
    assert mentioned("Skriv til kari@example.no eller post.kari@example.no") == []
    assert parts("kari@example.no", members=MEMBERS) == [Part("text", "kari@example.no")]


def test_mentioned_gives_each_username_once_lower_cased_in_order():
    assert mentioned("@Per.Olsen, @kari og @kari igjen, @a-b_c+d") == [
        "per.olsen",
        "kari",
        "a-b_c+d",
    ]


def test_a_lone_at_sign_is_no_mention():
    assert mentioned("Møte @ 10 og @.") == []


def test_links_are_http_and_https_only_without_the_punctuation_after_them():
    found = parts("Se https://example.no/a?b=1&c=2). Og (http://x.no).", members={})
    links = [p.href for p in found if p.kind == "link"]
    assert links == ["https://example.no/a?b=1&c=2", "http://x.no"]
    assert "".join(p.text for p in found) == "Se https://example.no/a?b=1&c=2). Og (http://x.no)."


def test_other_schemes_are_never_links():
    text = "javascript:alert(1) data:text/html,<b> ftp://x.no <script>alert(1)</script>"
    assert parts(text, members=MEMBERS) == [Part("text", text)]


def test_a_link_stops_at_quotes_and_angle_brackets():
    found = parts('https://x.no/"onmouseover="alert(1)', members={})
    assert found[0] == Part("link", "https://x.no/", href="https://x.no/")


def test_the_parts_render_escaped_with_their_line_breaks():
    from projects.templatetags.discussion_tags import comment_text

    text = "Linje <1>\nSe https://example.no/?a=1&b=2 & spør @ola"
    html = comment_text(parts(text, members={"ola": "Ola <Nord>"}))
    assert html == (
        "Linje &lt;1&gt;<br>Se "
        '<a class="ds-link" href="https://example.no/?a=1&amp;b=2" rel="noopener noreferrer '
        'nofollow">https://example.no/?a=1&amp;b=2</a> &amp; spør '
        '<strong class="mention">@Ola &lt;Nord&gt;</strong>'
    )


def test_a_comments_machine_time_reads_as_the_date_filter_would_write_it():
    from datetime import UTC, datetime

    from django.template import Context, Template
    from django.utils import timezone

    from projects.templatetags.discussion_tags import machine_time

    by_filter = Template(r'{{ moment|date:"Y-m-d\TH:i:sO" }}')
    winter, summer = (
        datetime(2026, 1, 5, 23, 30, tzinfo=UTC),
        datetime(2026, 7, 1, 9, 5, 7, tzinfo=UTC),
    )
    with timezone.override("Europe/Oslo"):
        for moment in (winter, summer):
            assert machine_time(moment) == by_filter.render(Context({"moment": moment}))
        assert machine_time(winter) == "2026-01-06T00:30:00+0100"
        assert machine_time(summer) == "2026-07-01T11:05:07+0200"
