from django.urls import path

from . import views

app_name = "canvas"
urlpatterns = [
    path("<id:project_id>/canvas/", views.canvas_list, name="list"),
    path("<id:project_id>/canvas/<id:canvas_id>/", views.board, name="board"),
    path("<id:project_id>/canvas/<id:canvas_id>/changes/", views.changes, name="changes"),
    path("<id:project_id>/canvas/<id:canvas_id>/notes/", views.note_add_view, name="note-add"),
    path("<id:project_id>/canvas/<id:canvas_id>/snapshots/", views.snapshots, name="snapshots"),
    path("<id:project_id>/canvas/<id:canvas_id>/compare/", views.compare, name="compare"),
    path(
        "<id:project_id>/canvas/<id:canvas_id>/snapshots/<id:snapshot_id>/restore/",
        views.snapshot_restore_view,
        name="snapshot-restore",
    ),
    path("<id:project_id>/canvas/<id:canvas_id>/pdf/", views.canvas_pdf, name="pdf"),
    path("<id:project_id>/canvas/notes/<id:note_id>/", views.note_detail, name="note"),
    path("<id:project_id>/canvas/notes/<id:note_id>/edit/", views.note_edit, name="note-edit"),
    path("<id:project_id>/canvas/notes/<id:note_id>/move/", views.note_move_view, name="note-move"),
    path(
        "<id:project_id>/canvas/notes/<id:note_id>/delete/", views.note_delete, name="note-delete"
    ),
    path(
        "<id:project_id>/canvas/notes/<id:note_id>/restore/",
        views.note_restore,
        name="note-restore",
    ),
]
