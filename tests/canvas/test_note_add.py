import json

from django.urls import reverse

from canvas.models import Canvas, Note

from .conftest import HTMX


def url(canvas):
    return reverse("canvas:note-add", args=[canvas.project_id, canvas.pk])


def test_it_adds_a_trimmed_note_at_the_end_of_the_block(client, alice, canvas):
    client.force_login(alice)
    client.post(url(canvas), {"block": "channels", "text": "  Første  "})
    r = client.post(url(canvas), {"block": "channels", "text": "Andre"})
    assert r.status_code == 302 and "#note-" in r["Location"]
    first, second = Note.objects.order_by("pk")
    assert first.text == "Første" and (first.position, second.position) == (0, 1)
    assert second.created_by == alice
    assert Canvas.objects.get().change_count == 2


def test_it_answers_htmx_with_the_block_and_a_fresh_form(client, alice, canvas):
    client.force_login(alice)
    r = client.post(url(canvas), {"block": "channels", "text": "SMS-varsel"}, headers=HTMX)
    assert r.status_code == 200
    assert 'id="notes-channels"' in r.text and 'hx-swap-oob="true"' in r.text
    assert "SMS-varsel" in r.text and 'id="add-channels"' in r.text
    assert "Kanaler" in json.loads(r["HX-Trigger"])["announce"]
    assert json.loads(r["HX-Trigger-After-Settle"]) == {"canvasFocus": "add-channels-text"}


def test_it_refuses_empty_and_too_long_text(client, alice, canvas):
    client.force_login(alice)
    r = client.post(url(canvas), {"block": "channels", "text": "   "}, headers=HTMX)
    assert r.status_code == 200 and "1–500 tegn" in r.text
    assert 'aria-invalid="true"' in r.text
    r = client.post(url(canvas), {"block": "channels", "text": "x" * 501}, headers=HTMX)
    assert "høyst 500 tegn" in r.text and 'value="' + "x" * 501 in r.text
    assert not Note.objects.exists()


def test_it_accepts_exactly_500_characters(client, alice, canvas):
    client.force_login(alice)
    client.post(url(canvas), {"block": "channels", "text": "x" * 500}, headers=HTMX)
    assert Note.objects.get().text == "x" * 500


def test_it_refuses_an_unknown_block(client, alice, canvas):
    client.force_login(alice)
    r = client.post(url(canvas), {"block": "nope", "text": "Hei"}, headers=HTMX)
    assert r.status_code == 302  # no such block to show the form in: back to the board
    assert not Note.objects.exists()


def test_it_refuses_bad_input_without_htmx_with_a_message(client, alice, canvas):
    client.force_login(alice)
    r = client.post(url(canvas), {"block": "channels", "text": ""}, follow=True)
    assert "1–500 tegn" in r.text
    assert not Note.objects.exists()


def test_it_refuses_viewers_and_outsiders(client, bob, charlie, canvas):
    for user, status in ((bob, 403), (charlie, 404)):
        client.force_login(user)
        r = client.post(url(canvas), {"block": "channels", "text": "x"}, headers=HTMX)
        assert r.status_code == status
    assert not Note.objects.exists()


def _fill(canvas, count: int) -> None:
    Note.objects.bulk_create(
        Note(canvas=canvas, block="channels", text=f"Lapp {i}", position=i) for i in range(count)
    )


def test_a_full_board_refuses_another_note_in_the_htmx_form(client, alice, canvas, settings):
    settings.CANVAS_MAX_NOTES = 3
    _fill(canvas, 3)
    client.force_login(alice)
    r = client.post(url(canvas), {"block": "key_partners", "text": "Én til"}, headers=HTMX)
    assert r.status_code == 200 and 'id="add-key_partners"' in r.text
    assert "allerede 3 lapper" in r.text and 'value="Én til"' in r.text
    assert 'aria-invalid="true"' in r.text
    assert "allerede 3 lapper" in json.loads(r["HX-Trigger"])["announce"]
    assert Note.objects.count() == 3 and Canvas.objects.get().change_count == 0


def test_a_full_board_refuses_another_note_without_htmx(client, alice, canvas, settings):
    settings.CANVAS_MAX_NOTES = 2
    _fill(canvas, 2)
    client.force_login(alice)
    r = client.post(url(canvas), {"block": "channels", "text": "Én til"}, follow=True)
    assert "This board" not in r.text and "allerede 2 lapper" in r.text
    assert Note.objects.count() == 2


def test_deleted_notes_do_not_count_and_restoring_one_onto_a_full_board_is_refused(
    client, alice, canvas, settings
):
    settings.CANVAS_MAX_NOTES = 2
    _fill(canvas, 2)
    deleted = Note.objects.first()
    client.force_login(alice)
    client.post(reverse("canvas:note-delete", args=[canvas.project_id, deleted.pk]))
    client.post(url(canvas), {"block": "channels", "text": "Ny plass"})
    assert Note.objects.filter(deleted=False).count() == 2
    restore = reverse("canvas:note-restore", args=[canvas.project_id, deleted.pk])
    r = client.post(restore, headers=HTMX)
    assert "allerede 2 lapper" in json.loads(r["HX-Trigger"])["announce"]
    assert 'id="undo-channels"' in r.text
    deleted.refresh_from_db()
    assert deleted.deleted and Note.objects.filter(deleted=False).count() == 2


def test_the_default_cap_is_500_notes(settings):
    assert settings.CANVAS_MAX_NOTES == 500
