import json

from django.urls import reverse

from canvas.models import Canvas, Note, Snapshot

from .conftest import HTMX, make_note


def url(canvas):
    return reverse("canvas:snapshots", args=[canvas.project_id, canvas.pk])


def test_it_saves_a_named_snapshot_of_the_live_notes(client, alice, canvas):
    make_note(canvas, text="med")
    make_note(canvas, text="uten", deleted=True)
    client.force_login(alice)
    r = client.post(url(canvas), {"name": "Før workshop"})
    assert r.status_code == 302
    snapshot = Snapshot.objects.get()
    assert snapshot.name == "Før workshop" and snapshot.created_by == alice
    assert [n["text"] for n in snapshot.notes] == ["med"]
    r = client.get(url(canvas))
    assert "Før workshop" in r.text and "Gjenopprett som nytt lerret" in r.text


def test_it_answers_htmx_with_the_list(client, alice, canvas):
    client.force_login(alice)
    r = client.post(url(canvas), {"name": "Etter"}, headers=HTMX)
    assert r.status_code == 200 and 'id="snapshots"' in r.text and "<html" not in r.text
    assert "Etter" in json.loads(r["HX-Trigger"])["announce"]


def test_it_refuses_a_snapshot_without_a_name(client, alice, canvas):
    client.force_login(alice)
    r = client.post(url(canvas), {"name": " "}, headers=HTMX)
    assert r.status_code == 200 and "Gi øyeblikksbildet et navn." in r.text
    assert not Snapshot.objects.exists()


def test_it_lets_viewers_read_but_not_save(client, bob, charlie, canvas):
    client.force_login(bob)
    assert client.get(url(canvas)).status_code == 200
    assert client.post(url(canvas), {"name": "x"}).status_code == 403
    client.force_login(charlie)
    assert client.get(url(canvas)).status_code == 404
    assert not Snapshot.objects.exists()


def restore_url(snapshot):
    return reverse(
        "canvas:snapshot-restore",
        args=[snapshot.canvas.project_id, snapshot.canvas_id, snapshot.pk],
    )


def test_it_restores_a_snapshot_as_a_new_canvas(client, alice, canvas):
    make_note(canvas, text="a", block="channels")
    make_note(canvas, text="b", block="channels", hypothesis=True)
    client.force_login(alice)
    client.post(url(canvas), {"name": "V1"})
    Note.objects.all().delete()
    r = client.post(restore_url(Snapshot.objects.get()))
    restored = Canvas.objects.exclude(pk=canvas.pk).get()
    assert r.status_code == 302 and r["Location"] == restored.get_absolute_url()
    assert restored.title == "I dag (fra V1)"
    notes = list(restored.notes.order_by("position"))
    assert [(n.text, n.position, n.hypothesis) for n in notes] == [("a", 0, False), ("b", 1, True)]
    assert not canvas.notes.exists()  # the original is left as it is


def test_it_restores_for_htmx_by_redirecting(client, alice, canvas):
    client.force_login(alice)
    client.post(url(canvas), {"name": "V1"})
    r = client.post(restore_url(Snapshot.objects.get()), headers=HTMX)
    assert r["HX-Redirect"] == Canvas.objects.latest("pk").get_absolute_url()


def test_it_refuses_restore_to_viewers_outsiders_and_wrong_canvas(client, bob, charlie, canvas):
    snapshot = Snapshot.objects.create(canvas=canvas, name="V1")
    for user, status in ((bob, 403), (charlie, 404)):
        client.force_login(user)
        assert client.post(restore_url(snapshot)).status_code == status
    other = Canvas.objects.create(project=canvas.project, title="Annet")
    client.force_login(canvas.project.memberships.get(role="team_member").user)
    wrong = reverse("canvas:snapshot-restore", args=[canvas.project_id, other.pk, snapshot.pk])
    assert client.post(wrong).status_code == 404
    assert Canvas.objects.count() == 2
