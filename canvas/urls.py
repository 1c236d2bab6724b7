from django.urls import path

from . import views

app_name = "canvas"
urlpatterns = [
    path("<int:project_id>/canvas/", views.canvas_list, name="list"),
    path("<int:project_id>/canvas/<int:canvas_id>/", views.board, name="board"),
    path("<int:project_id>/canvas/<int:canvas_id>/changes/", views.changes, name="changes"),
    path("<int:project_id>/canvas/<int:canvas_id>/notes/", views.note_add_view, name="note-add"),
    path("<int:project_id>/canvas/<int:canvas_id>/snapshots/", views.snapshots, name="snapshots"),
    path("<int:project_id>/canvas/<int:canvas_id>/compare/", views.compare, name="compare"),
    path(
        "<int:project_id>/canvas/<int:canvas_id>/snapshots/<int:snapshot_id>/restore/",
        views.snapshot_restore_view,
        name="snapshot-restore",
    ),
    path("<int:project_id>/canvas/<int:canvas_id>/pdf/", views.canvas_pdf, name="pdf"),
    path("<int:project_id>/canvas/notes/<int:note_id>/", views.note_detail, name="note"),
    path("<int:project_id>/canvas/notes/<int:note_id>/edit/", views.note_edit, name="note-edit"),
    path(
        "<int:project_id>/canvas/notes/<int:note_id>/move/", views.note_move_view, name="note-move"
    ),
    path(
        "<int:project_id>/canvas/notes/<int:note_id>/delete/", views.note_delete, name="note-delete"
    ),
    path(
        "<int:project_id>/canvas/notes/<int:note_id>/restore/",
        views.note_restore,
        name="note-restore",
    ),
]
