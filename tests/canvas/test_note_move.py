import json

from django.urls import reverse

from canvas.models import Canvas, Note

from .conftest import HTMX, make_note


def url(note):
    return reverse("canvas:note-move", args=[note.canvas.project_id, note.pk])


def order(canvas, block="value_propositions"):
    return list(
        Note.objects.filter(canvas=canvas, block=block, deleted=False)
        .order_by("position", "pk")
        .values_list("text", flat=True)
    )


def test_it_moves_a_note_up_and_down_within_its_block(client, alice, canvas):
    a, b, c = (make_note(canvas, text=t) for t in "abc")
    client.force_login(alice)
    r = client.post(
        url(c), {"version": c.version, "direction": "up", "from": c.block}, headers=HTMX
    )
    assert r.status_code == 200 and order(canvas) == ["a", "c", "b"]
    assert "plass 2" in json.loads(r["HX-Trigger"])["announce"]
    assert json.loads(r["HX-Trigger-After-Settle"]) == {"canvasFocus": f"note-{c.pk}"}
    client.post(url(a), {"version": a.version, "direction": "down"}, headers=HTMX)
    assert order(canvas) == ["c", "a", "b"]
    client.post(url(b), {"version": b.version, "direction": "down"}, headers=HTMX)
    assert order(canvas) == ["c", "a", "b"]  # already last


def test_it_moves_a_note_to_the_end_of_another_block(client, alice, canvas):
    make_note(canvas, block="channels", text="first")
    note = make_note(canvas, text="moving")
    client.force_login(alice)
    r = client.post(
        url(note), {"version": note.version, "block": "channels", "from": note.block}, headers=HTMX
    )
    assert r.status_code == 200
    assert 'id="notes-channels"' in r.text and 'id="notes-value_propositions"' in r.text
    assert order(canvas, "channels") == ["first", "moving"]
    assert Note.objects.get(pk=note.pk).version == 2
    assert "Kanaler" in json.loads(r["HX-Trigger"])["announce"]


def test_it_puts_a_dropped_note_at_its_place_within_its_block(client, alice, canvas):
    a, b, c, d = (make_note(canvas, text=t) for t in "abcd")
    client.force_login(alice)
    r = client.post(url(a), {"version": a.version, "position": 2, "from": a.block}, headers=HTMX)
    assert r.status_code == 200 and order(canvas) == ["b", "c", "a", "d"]
    assert "plass 3" in json.loads(r["HX-Trigger"])["announce"]
    assert Note.objects.get(pk=a.pk).version == a.version + 1
    assert not Note.history.filter(id=a.pk, history_type="~").exists()  # order is no history
    positions = Note.objects.filter(canvas=canvas).order_by("position")
    assert list(positions.values_list("position", flat=True)) == [0, 1, 2, 3]
    client.post(url(d), {"version": d.version, "position": 0}, headers=HTMX)
    assert order(canvas) == ["d", "b", "c", "a"]
    client.post(url(c), {"version": c.version, "position": 99}, headers=HTMX)
    assert order(canvas) == ["d", "b", "a", "c"]  # beyond the end: last


def test_it_puts_a_dropped_note_at_its_place_in_another_block(client, alice, canvas):
    for text in ("first", "second"):
        make_note(canvas, block="channels", text=text)
    note = make_note(canvas, text="moving")
    client.force_login(alice)
    data = {"version": note.version, "block": "channels", "position": 1, "from": note.block}
    r = client.post(url(note), data, headers=HTMX)
    assert r.status_code == 200 and order(canvas, "channels") == ["first", "moving", "second"]
    assert order(canvas) == []
    assert Note.history.filter(id=note.pk, block="channels").exists()


def test_it_redirects_without_htmx(client, alice, note):
    client.force_login(alice)
    r = client.post(url(note), {"version": 1, "block": "channels"})
    assert r.status_code == 302 and r["Location"].endswith(f"#note-{note.pk}")
    moved = Note.objects.get(pk=note.pk)
    assert (moved.block, moved.version) == ("channels", 2)


def test_it_refuses_a_stale_move_with_409_and_the_current_note(client, alice, note):
    Note.objects.filter(pk=note.pk).update(text="Endret av andre", version=2)
    client.force_login(alice)
    r = client.post(
        url(note), {"version": 1, "block": "channels", "from": note.block}, headers=HTMX
    )
    assert r.status_code == 409 and "Endret av andre" in r.text
    assert "ble den ikke flyttet" in r.text
    assert Note.objects.get().block == "value_propositions"
    assert Canvas.objects.get().change_count == 1


def test_it_refuses_bad_input(client, alice, note):
    client.force_login(alice)
    for bad in (
        {"version": 1},
        {"version": "x", "block": "channels"},
        {"version": 1, "block": "no"},
        {"version": 1, "position": -1},
        {"version": 1, "position": "first"},
    ):
        r = client.post(url(note), bad, headers=HTMX)
        assert r.status_code == 200
        assert json.loads(r["HX-Trigger"])["announce"] == "Velg hvor lappen skal flyttes."
    assert Note.objects.get().version == 1


def test_it_refuses_viewers_and_outsiders(client, bob, charlie, note):
    for user, status in ((bob, 403), (charlie, 404)):
        client.force_login(user)
        r = client.post(url(note), {"version": 1, "block": "channels"}, headers=HTMX)
        assert r.status_code == status
    assert Note.objects.get().block == "value_propositions"


def test_it_tells_about_a_stale_move_without_htmx(client, alice, note):
    Note.objects.filter(pk=note.pk).update(version=3)
    client.force_login(alice)
    r = client.post(url(note), {"version": 1, "block": "channels"}, follow=True)
    assert "ble den ikke flyttet" in r.text
    assert Note.objects.get().block == "value_propositions"


def test_it_refuses_to_move_a_note_deleted_meanwhile_with_409(client, alice, note):
    Note.objects.filter(pk=note.pk).update(deleted=True, version=2)
    client.force_login(alice)
    r = client.post(
        url(note), {"version": 1, "block": "channels", "from": note.block}, headers=HTMX
    )
    assert r.status_code == 409 and f'id="note-{note.pk}"' not in r.text
    assert "slettet denne lappen" in json.loads(r["HX-Trigger"])["announce"]
    assert Note.objects.get().block == "value_propositions"
