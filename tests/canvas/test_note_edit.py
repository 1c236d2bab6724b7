import json

from django.urls import reverse

from canvas.models import Note

from .conftest import HTMX


def url(note):
    return reverse("canvas:note-edit", args=[note.canvas.project_id, note.pk])


def data(note, **changes):
    return {"text": "Ny tekst", "color": "blue", "version": note.version, **changes}


def test_it_shows_the_form_in_place_for_htmx(client, alice, note):
    client.force_login(alice)
    r = client.get(url(note), headers=HTMX)
    assert r.status_code == 200 and "<html" not in r.text
    assert f'id="note-{note.pk}"' in r.text and f'id="note-{note.pk}-text"' in r.text
    assert json.loads(r["HX-Trigger-After-Settle"]) == {"canvasFocus": f"note-{note.pk}-text"}


def test_it_shows_a_page_without_htmx(client, alice, note):
    client.force_login(alice)
    r = client.get(url(note))
    assert r.status_code == 200 and "<html" in r.text and note.text in r.text


def test_it_saves_text_colour_and_flag_and_bumps_the_version(client, alice, note):
    client.force_login(alice)
    r = client.post(url(note), data(note, hypothesis="on"), headers=HTMX)
    assert r.status_code == 200 and "Ny tekst" in r.text and "note--blue" in r.text
    saved = Note.objects.get()
    assert (saved.text, saved.color, saved.hypothesis, saved.version) == (
        "Ny tekst",
        "blue",
        True,
        2,
    )
    assert json.loads(r["HX-Trigger"])["announce"] == "Lappen ble lagret."


def test_it_redirects_to_the_note_without_htmx(client, alice, note):
    client.force_login(alice)
    r = client.post(url(note), data(note))
    assert r.status_code == 302 and r["Location"].endswith(f"#note-{note.pk}")


def test_it_refuses_a_stale_version_with_409_and_keeps_the_text(client, alice, note):
    Note.objects.filter(pk=note.pk).update(text="Noen andres tekst", version=2)
    client.force_login(alice)
    r = client.post(url(note), data(note, text="Min tekst"), headers=HTMX)
    assert r.status_code == 409
    assert "Noen andres tekst" in r.text and "Min tekst" in r.text
    # Saving again applies on top of their version.
    assert f'value="2" id="note-{note.pk}-version"' in r.text
    assert "endret denne lappen" in json.loads(r["HX-Trigger"])["announce"]
    assert Note.objects.get().text == "Noen andres tekst"


def test_it_refuses_an_edit_of_a_note_deleted_meanwhile_and_offers_to_add_it(client, alice, note):
    Note.objects.filter(pk=note.pk).update(deleted=True, version=2)
    client.force_login(alice)
    # The note is gone for new requests, but an open editor still posts.
    r = client.post(url(note), data(note, text="Min tekst"), headers=HTMX)
    assert r.status_code == 409 and "slettet denne lappen" in r.text
    assert "Min tekst" in r.text and "Legg til som ny lapp" in r.text
    assert client.get(url(note), headers=HTMX).status_code == 404
    assert Note.objects.get().text != "Min tekst"


def test_it_refuses_bad_text(client, alice, note):
    client.force_login(alice)
    for text in ("", "   ", "x" * 501):
        r = client.post(url(note), data(note, text=text), headers=HTMX)
        assert r.status_code == 200 and 'aria-invalid="true"' in r.text
        assert "tegn" in json.loads(r["HX-Trigger"])["announce"]
    r = client.post(url(note), data(note, color="purple"), headers=HTMX)
    assert 'aria-invalid="true"' in r.text
    assert Note.objects.get().version == 1


def test_it_refuses_viewers_and_outsiders(client, bob, charlie, note):
    for user, status in ((bob, 403), (charlie, 404)):
        client.force_login(user)
        assert client.get(url(note), headers=HTMX).status_code == status
        assert client.post(url(note), data(note), headers=HTMX).status_code == status
    assert Note.objects.get().version == 1


def test_it_cancels_back_to_the_note(client, alice, charlie, note):
    client.force_login(alice)
    detail = reverse("canvas:note", args=[note.canvas.project_id, note.pk])
    r = client.get(detail, headers=HTMX)
    assert r.status_code == 200 and 'class="note note--yellow"' in r.text
    assert client.get(detail).status_code == 302
    client.force_login(charlie)
    assert client.get(detail, headers=HTMX).status_code == 404


def test_it_shows_errors_and_conflicts_on_the_page_without_htmx(client, alice, note):
    client.force_login(alice)
    r = client.post(url(note), data(note, text=""))
    assert r.status_code == 200 and "<html" in r.text and "1–500 tegn" in r.text
    Note.objects.filter(pk=note.pk).update(version=5)
    r = client.post(url(note), data(note, text="Min tekst"))
    assert r.status_code == 409 and "<html" in r.text and "Min tekst" in r.text


def test_viewers_see_a_note_but_nobody_sees_a_deleted_one(client, bob, note):
    detail = reverse("canvas:note", args=[note.canvas.project_id, note.pk])
    client.force_login(bob)
    r = client.get(detail, headers=HTMX)
    assert r.status_code == 200 and "note__actions" not in r.text
    Note.objects.filter(pk=note.pk).update(deleted=True)
    assert client.get(detail, headers=HTMX).status_code == 404
