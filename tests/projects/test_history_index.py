"""The index of each project's history: every recorded row of the project,
however it was written, and built again the same from the history tables."""

from canvas.services import canvas_create, note_add, note_update
from projects import history, history_words
from projects.flow.services import activities_seed
from projects.history import ProjectHistory
from projects.models import Measure, RecordedChange
from tests.factories import make_project


def _recorded(project_id: int) -> set[tuple[str, int]]:
    """(model, history id) of every recorded row that reaches the project,
    read from the history tables themselves."""
    return {
        (source.model._meta.label_lower, history_id)
        for source in history._sources
        for history_id in source.model.history.model.objects.filter(
            **{source.project_lookup: project_id}
        ).values_list("history_id", flat=True)
    }


def _indexed(project_id: int) -> set[tuple[str, int]]:
    return set(
        RecordedChange.objects.filter(project_id=project_id).values_list("source", "history_id")
    )


def _busy(project, alice):
    """Changes of every kind of writing: a plain save, a row reached through its
    parent (a note through its board), rows made in bulk (the step-3 activities)."""
    project.title = "Endret tittel"
    project.save()
    measure = Measure.objects.create(project=project, title="SMS-varsel", benefit=4, effort=2)
    measure.delete()
    canvas = canvas_create(project=project, title="Tavle")
    note = note_add(canvas=canvas, block="channels", text="Første lapp", by=alice)
    note_update(note=note, version=note.version, text="Endret lapp", color="blue", hypothesis=False)
    activities_seed(project=project)


def test_every_recorded_change_is_indexed_under_its_own_project(project, alice, unit):
    other = make_project(title="Annet prosjekt", unit=unit)
    _busy(project, alice)
    recorded = _recorded(project.pk)
    assert {"canvas.note", "projects.activity", "projects.measure"} <= {m for m, _ in recorded}
    assert _indexed(project.pk) == recorded
    assert _indexed(other.pk) == _recorded(other.pk)
    assert not _indexed(project.pk) & _indexed(other.pk)


def test_a_save_that_changed_nothing_shown_is_not_indexed(project):
    before = RecordedChange.objects.count()
    project.save()
    assert RecordedChange.objects.count() == before


def test_rebuilding_the_index_gives_the_same_history(project, alice, unit):
    make_project(title="Annet prosjekt", unit=unit)
    _busy(project, alice)
    shown = [(e.sentence, e.change_lines) for e in ProjectHistory(project.pk)[:50]]
    everything = set(RecordedChange.objects.values_list("project_id", "source", "history_id"))
    stamp = type(project).objects.get(pk=project.pk).change_stamp

    history.reindex(project.pk)  # one project's, as after a restore
    assert _indexed(project.pk) == _recorded(project.pk)
    assert type(project).objects.get(pk=project.pk).change_stamp != stamp
    RecordedChange.objects.all().delete()
    history.reindex(None)  # every project's, as the index's migration does
    assert set(RecordedChange.objects.values_list("project_id", "source", "history_id")) == (
        everything
    )
    assert [(e.sentence, e.change_lines) for e in ProjectHistory(project.pk)[:50]] == shown


def test_bulk_made_rows_are_told_with_their_cause(project, alice):
    from projects.models import GateDecision

    decision = GateDecision.objects.create(
        project=project, step="goals", decision="go_on", comment="Videre", decided_by=alice
    )
    activities_seed(project=project, cause=decision)
    entries = ProjectHistory(project.pk)[:20]
    seeded = [e for e in entries if e.source.model._meta.label_lower == "projects.activity"]
    assert len(seeded) == 11
    assert {e.row.history_change_reason for e in seeded} == {history_words.cause_of(decision)}


def test_reindexing_the_tables_written_keeps_the_rest_of_the_index(project, alice):
    _busy(project, alice)
    before = _indexed(project.pk)
    RecordedChange.objects.filter(project_id=project.pk, source="canvas.note").delete()
    history.reindex(project.pk, written={"canvas.historicalnote"})
    assert _indexed(project.pk) == before
    RecordedChange.objects.filter(project_id=project.pk, source="canvas.note").delete()
    history.reindex(project.pk, written=set())  # nothing written: nothing read again
    assert _indexed(project.pk) == {key for key in before if key[0] != "canvas.note"}
