from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("new/", views.project_create_view, name="create"),
    path("<int:project_id>/", views.project_detail, name="detail"),
    path("<int:project_id>/edit/", views.project_edit, name="edit"),
    path("<int:project_id>/archive/", views.project_archive, name="archive"),
    path("<int:project_id>/members/", views.members, name="members"),
    path(
        "<int:project_id>/members/<int:membership_id>/role/",
        views.member_role,
        name="member-role",
    ),
    path(
        "<int:project_id>/members/<int:membership_id>/remove/",
        views.member_remove,
        name="member-remove",
    ),
    path("<int:project_id>/history/", views.project_history_view, name="history"),
]
