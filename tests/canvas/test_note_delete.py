import json

from django.urls import reverse

from canvas.models import Note

from .conftest import HTMX, make_note


def delete_url(note):
    return reverse("canvas:note-delete", args=[note.canvas.project_id, note.pk])


def restore_url(note):
    return reverse("canvas:note-restore", args=[note.canvas.project_id, note.pk])


def test_it_deletes_with_undo_and_restores(client, alice, canvas):
    make_note(canvas, text="stays")
    note = make_note(canvas, text="goes")
    client.force_login(alice)
    r = client.post(delete_url(note), headers=HTMX)
    assert r.status_code == 200 and Note.objects.get(pk=note.pk).deleted
    assert 'id="undo-value_propositions-button"' in r.text and "goes" in r.text
    assert json.loads(r["HX-Trigger-After-Settle"]) == {
        "canvasFocus": "undo-value_propositions-button"
    }
    r = client.post(restore_url(note), headers=HTMX)
    assert r.status_code == 200 and not Note.objects.get(pk=note.pk).deleted
    assert f'id="note-{note.pk}"' in r.text
    assert 'id="undo-value_propositions-button"' not in r.text
    assert json.loads(r["HX-Trigger"])["announce"] == "Lappen ble gjenopprettet."


def test_it_offers_undo_without_htmx_too(client, alice, note):
    client.force_login(alice)
    r = client.post(delete_url(note), follow=True)
    assert "Lappen ble slettet." in r.text and 'id="undo-value_propositions-button"' in r.text
    r = client.post(restore_url(note))
    assert r.status_code == 302 and not Note.objects.get().deleted


def test_deleting_a_deleted_note_confirms_it_without_a_change(client, alice, note):
    client.force_login(alice)
    client.post(delete_url(note), headers=HTMX)
    r = client.post(delete_url(note), headers=HTMX)
    assert r.status_code == 200 and 'id="undo-value_propositions-button"' in r.text
    assert Note.objects.get().version == 2


def test_it_refuses_viewers_and_outsiders(client, bob, charlie, note):
    for user, status in ((bob, 403), (charlie, 404)):
        client.force_login(user)
        assert client.post(delete_url(note), headers=HTMX).status_code == status
        assert client.post(restore_url(note), headers=HTMX).status_code == status
    assert not Note.objects.get().deleted
