from django.urls import reverse

from canvas.models import Canvas

from .conftest import HTMX, make_canvas, make_note


def url(canvas):
    return reverse("canvas:board", args=[canvas.project_id, canvas.pk])


def test_it_shows_the_nine_blocks_questions_and_attribution(client, alice, canvas):
    client.force_login(alice)
    r = client.get(url(canvas))
    assert r.status_code == 200
    assert r.text.count('class="block block--') == 9
    assert "Hvem er våre viktigste partnere og leverandører?" in r.text
    assert r.text.count('href="#block-') == 9  # the blocks' shortcut list
    assert "Strategyzer AG" in r.text and "CC BY-SA 3.0" in r.text
    assert 'id="add-value_propositions"' in r.text  # editors get the add forms


def test_it_shows_notes_as_text_never_markup(client, alice, canvas):
    make_note(canvas, text="<script>alert(1)</script>")
    client.force_login(alice)
    r = client.get(url(canvas))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "<script>alert(1)" not in r.text


def test_it_returns_only_the_board_for_htmx(client, alice, note):
    client.force_login(alice)
    r = client.get(url(note.canvas), headers=HTMX)
    assert 'id="board"' in r.text and f'id="note-{note.pk}"' in r.text
    assert "<html" not in r.text


def test_it_shows_viewers_the_board_without_controls(client, bob, note):
    client.force_login(bob)
    r = client.get(url(note.canvas))
    assert r.status_code == 200 and note.text in r.text
    assert "add-note" not in r.text and "note__actions" not in r.text


def test_it_hides_the_board_from_outsiders(client, charlie, canvas):
    client.force_login(charlie)
    assert client.get(url(canvas)).status_code == 404


def test_it_hides_other_projects_canvases(client, alice, project):
    from tests.factories import make_project

    other = make_canvas(make_project())
    client.force_login(alice)
    r = client.get(reverse("canvas:board", args=[project.pk, other.pk]))
    assert r.status_code == 404


def test_board_queries_do_not_grow_with_notes(client, alice, canvas, django_assert_max_num_queries):
    client.force_login(alice)
    make_note(canvas)
    with django_assert_max_num_queries(8) as few:
        client.get(url(canvas))
    for i in range(40):
        make_note(canvas, block=["channels", "key_partners", "cost_structure"][i % 3])
    with django_assert_max_num_queries(len(few.captured_queries)):
        r = client.get(url(canvas))
    assert r.text.count('class="note note--') == 41


def test_it_keeps_deleted_notes_off_the_board(client, alice, note):
    note.deleted = True
    note.save()
    client.force_login(alice)
    assert f'id="note-{note.pk}"' not in client.get(url(note.canvas)).text
    assert Canvas.objects.count() == 1


def test_it_labels_colours_in_words_and_keeps_line_breaks(client, alice, canvas):
    make_note(canvas, text="Første linje\nandre <linje>", color="pink", hypothesis=True)
    client.force_login(alice)
    r = client.get(url(canvas))
    assert "Første linje<br>andre &lt;linje&gt;" in r.text
    assert '<span class="note__colour">Rosa</span>' in r.text
    assert '<span class="note__hypothesis">Hypotese å teste</span>' in r.text


def test_it_labels_revenue_streams_as_funding_and_value_streams(client, alice, canvas):
    client.force_login(alice)
    r = client.get(url(canvas))
    assert "Finansiering og verdistrømmer" in r.text
    assert "I originalversjonen: Inntektsstrømmer" in r.text


def test_it_speaks_every_interface_language(client, alice, note):
    client.force_login(alice)
    expected = {
        "nn": ("Brukargrupper", "Rettleiande spørsmål"),
        "sv": ("Användargrupper", "Vägledande frågor"),
        "en": ("User groups", "Guiding questions"),
    }
    for language, texts in expected.items():
        r = client.get(url(note.canvas), headers={"Accept-Language": language})
        assert all(text in r.text for text in texts), language


def test_it_ignores_odd_undo_and_change_count_numbers(client, alice, note):
    client.force_login(alice)
    for odd in ("²", "9" * 30, "-1", "x"):
        assert client.get(url(note.canvas), {"undo": odd}).status_code == 200
    add = reverse("canvas:note-add", args=[note.canvas.project_id, note.canvas_id])
    for odd in ("²", "9" * 30):
        r = client.post(
            add, {"block": "channels", "text": "a"}, headers={**HTMX, "X-Board-Change-Count": odd}
        )
        assert r.status_code == 200 and "X-Board-Change-Count" not in r
