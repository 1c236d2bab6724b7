from django.urls import path

from .views import boards, notes

app_name = "canvas"
urlpatterns = [
    path("<id:project_id>/canvas/", boards.canvas_list, name="list"),
    path("<id:project_id>/canvas/<id:canvas_id>/", boards.board, name="board"),
    path("<id:project_id>/canvas/<id:canvas_id>/changes/", boards.changes, name="changes"),
    path("<id:project_id>/canvas/<id:canvas_id>/notes/", notes.note_add_view, name="note-add"),
    path("<id:project_id>/canvas/<id:canvas_id>/snapshots/", boards.snapshots, name="snapshots"),
    path("<id:project_id>/canvas/<id:canvas_id>/compare/", boards.compare, name="compare"),
    path(
        "<id:project_id>/canvas/<id:canvas_id>/snapshots/<id:snapshot_id>/restore/",
        boards.snapshot_restore_view,
        name="snapshot-restore",
    ),
    path("<id:project_id>/canvas/<id:canvas_id>/pdf/", boards.canvas_pdf, name="pdf"),
    path("<id:project_id>/canvas/notes/<id:note_id>/", notes.note_detail, name="note"),
    path("<id:project_id>/canvas/notes/<id:note_id>/edit/", notes.note_edit, name="note-edit"),
    path("<id:project_id>/canvas/notes/<id:note_id>/move/", notes.note_move_view, name="note-move"),
    path(
        "<id:project_id>/canvas/notes/<id:note_id>/delete/", notes.note_delete, name="note-delete"
    ),
    path(
        "<id:project_id>/canvas/notes/<id:note_id>/restore/",
        notes.note_restore,
        name="note-restore",
    ),
]
