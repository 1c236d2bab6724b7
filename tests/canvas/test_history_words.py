"""A canvas's history in the words of its pages: a note hidden or brought
back, and snapshots taken and restored."""

from django.urls import reverse

from canvas.models import Snapshot
from tests.factories import count_queries

from .conftest import make_note


def history_page(client, project) -> str:
    return client.get(reverse("projects:history", args=[project.pk])).text


def test_a_deleted_note_reads_as_deleted_and_restored(client, alice, canvas):
    note = make_note(canvas, text="Går bort")
    client.force_login(alice)
    client.post(reverse("canvas:note-delete", args=[canvas.project_id, note.pk]))
    client.post(reverse("canvas:note-restore", args=[canvas.project_id, note.pk]))
    page = history_page(client, canvas.project)
    assert "Alice Aas slettet lapp «Går bort»" in page
    assert "Alice Aas gjenopprettet lapp «Går bort»" in page
    assert "nei → ja" not in page and "ja → nei" not in page


def test_snapshots_taken_and_restored_are_in_the_history(client, alice, canvas):
    make_note(canvas, text="Med i bildet")
    client.force_login(alice)
    client.post(reverse("canvas:snapshots", args=[canvas.project_id, canvas.pk]), {"name": "V1"})
    snapshot = Snapshot.objects.get()
    client.post(
        reverse("canvas:snapshot-restore", args=[canvas.project_id, canvas.pk, snapshot.pk])
    )
    page = history_page(client, canvas.project)
    assert "Alice Aas opprettet øyeblikksbilde «V1»" in page
    assert "Alice Aas, fra øyeblikksbildet «V1», opprettet lerret «I dag (fra V1)»" in page
    assert "Alice Aas, fra øyeblikksbildet «V1», opprettet lapp «Med i bildet»" in page


def test_entries_made_from_a_snapshot_cost_no_query_each(client, alice, canvas):
    client.force_login(alice)
    url = reverse("projects:history", args=[canvas.project_id])

    def restore(n):
        for i in range(n):
            make_note(canvas, text=f"Lapp {n}-{i}")
        client.post(
            reverse("canvas:snapshots", args=[canvas.project_id, canvas.pk]), {"name": f"S{n}"}
        )
        snapshot = Snapshot.objects.get(name=f"S{n}")
        client.post(
            reverse("canvas:snapshot-restore", args=[canvas.project_id, canvas.pk, snapshot.pk])
        )

    restore(2)
    few = count_queries(client, url)
    restore(8)
    assert count_queries(client, url) == few
    assert "fra øyeblikksbildet «S8», opprettet lapp «Lapp 8-7»" in client.get(url).text
