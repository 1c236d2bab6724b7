from canvas.selectors import hypothesis_notes
from canvas.services import note_move, note_update
from projects.history import ProjectHistory

from .conftest import make_canvas, make_note


def test_it_lists_canvas_and_note_changes_in_the_project_history(project):
    canvas = make_canvas(project, title="Framtiden")
    note = make_note(canvas, text="Chatbot for søknader")
    note = note_update(note=note, version=1, text="Chatbot", color="blue", hypothesis=True)
    note_move(note=note, version=2, block="channels")
    entries = ProjectHistory(project.pk)[:]
    labels = [(e.what.lower(), e.action, e.label) for e in entries]
    assert ("lerret", "+", "Framtiden") in labels
    assert ("lapp", "+", "Chatbot for søknader") in labels
    changes = [
        (name.lower(), old, new)
        for e in entries
        if e.what.lower() == "lapp" and e.action == "~"
        for name, old, new in e.changes
    ]
    assert ("tekst", "Chatbot for søknader", "Chatbot") in changes
    assert ("felt", "Verdiforslag", "Kanaler") in changes


def test_it_offers_hypothesis_notes_of_every_canvas_to_the_experiments_log(project):
    today, future = make_canvas(project, "I dag"), make_canvas(project, "Framtid")
    make_note(today, text="ikke merket")
    a = make_note(future, text="SMS gir færre anrop", hypothesis=True)
    b = make_note(today, text="Pårørende vil ha varsler", hypothesis=True)
    make_note(today, text="slettet", hypothesis=True, deleted=True)
    assert list(hypothesis_notes(project=project)) == [b, a]


def test_the_history_page_shows_note_changes(client, alice, project):
    from django.urls import reverse

    note = make_note(make_canvas(project), text="Ny kanal: chat")
    note_update(note=note, version=1, text="Ny kanal: chatbot", color="yellow", hypothesis=False)
    client.force_login(alice)
    r = client.get(reverse("projects:history", args=[project.pk]))
    assert r.status_code == 200 and "Ny kanal: chatbot" in r.text
