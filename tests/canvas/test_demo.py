from django.core.management import call_command

from canvas.models import Canvas, Note, Snapshot


def test_it_seeds_demo_canvases_once(db):
    call_command("seed_demo", force=True)
    counts = (Canvas.objects.count(), Note.objects.count(), Snapshot.objects.count())
    assert counts[0] == 3 and counts[1] > 20 and counts[2] == 3
    assert Note.objects.filter(hypothesis=True).exists()
    call_command("seed_demo", force=True)
    assert (Canvas.objects.count(), Note.objects.count(), Snapshot.objects.count()) == counts
