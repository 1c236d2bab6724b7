from django.urls import reverse

from canvas.models import Note
from canvas.services import snapshot_create

from .conftest import HTMX, make_note


def url(canvas):
    return reverse("canvas:compare", args=[canvas.project_id, canvas.pk])


def test_it_compares_a_snapshot_with_the_board_now(client, alice, canvas):
    kept = make_note(canvas, text="beholdt", block="channels")
    gone = make_note(canvas, text="fjernet", block="channels")
    snapshot = snapshot_create(canvas=canvas, name="V1", by=alice)
    Note.objects.filter(pk=kept.pk).update(text="beholdt, men endret")
    Note.objects.filter(pk=gone.pk).update(deleted=True)
    make_note(canvas, text="ny", block="key_partners")
    client.force_login(alice)
    r = client.get(url(canvas), {"a": snapshot.pk, "b": "current"})
    assert r.status_code == 200
    assert "Lagt til:</strong> ny" in r.text
    assert "Fjernet:</strong> <del>fjernet</del>" in r.text
    assert "<del>beholdt</del> → <ins>beholdt, men endret</ins>" in r.text


def test_it_compares_two_snapshots_for_htmx(client, alice, canvas):
    one = snapshot_create(canvas=canvas, name="V1", by=alice)
    make_note(canvas, text="ny")
    two = snapshot_create(canvas=canvas, name="V2", by=alice)
    client.force_login(alice)
    r = client.get(url(canvas), {"a": one.pk, "b": two.pk}, headers=HTMX)
    assert 'id="diff"' in r.text and "<html" not in r.text and "Lagt til" in r.text


def test_it_refuses_unknown_versions(client, alice, canvas):
    client.force_login(alice)
    r = client.get(url(canvas), {"a": "999", "b": "current"})
    assert r.status_code == 200 and "Velg to versjoner fra listene." in r.text
    assert client.get(url(canvas)).status_code == 200  # no choice yet: just the form


def test_it_lets_viewers_compare_and_hides_from_outsiders(client, bob, charlie, canvas):
    client.force_login(bob)
    assert client.get(url(canvas), {"a": "current", "b": "current"}).status_code == 200
    client.force_login(charlie)
    assert client.get(url(canvas)).status_code == 404


def test_a_snapshot_without_a_name_is_offered_by_its_time(alice, canvas):
    from django.utils import formats, timezone

    from canvas.forms import CompareForm
    from canvas.models import Snapshot

    nameless = Snapshot.objects.create(canvas=canvas, name=" ", created_by=alice)
    named = snapshot_create(canvas=canvas, name="V1", by=alice)
    form = CompareForm(snapshots=[named, nameless])
    when = formats.date_format(timezone.localtime(nameless.created_at), "SHORT_DATETIME_FORMAT")
    assert form.fields["a"].choices == [
        (str(named.pk), "V1"),
        (str(nameless.pk), when),
        ("current", "Lerretet nå"),
    ]
