from django.urls import path

from . import views, views_steps

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
    # The three steps
    path("<int:project_id>/hypothesis/", views_steps.step_hypothesis, name="step-hypothesis"),
    path("<int:project_id>/goals/", views_steps.step_goals, name="step-goals"),
    path("<int:project_id>/deliver/", views_steps.step_deliver, name="step-deliver"),
    path("<int:project_id>/stakeholders/", views_steps.stakeholders, name="stakeholders"),
    path("<int:project_id>/matrix/", views_steps.matrix, name="matrix"),
    path("<int:project_id>/matrix.csv", views_steps.matrix_csv, name="matrix-csv"),
    path(
        "<int:project_id>/matrix/<int:measure_id>/score/",
        views_steps.measure_score,
        name="measure-score",
    ),
    path("<int:project_id>/texts/<slug:part>/", views_steps.flow_part, name="flow-part"),
    path("<int:project_id>/gate/", views_steps.gate, name="gate"),
    path("<int:project_id>/solution-owner/", views_steps.solution_owner, name="solution-owner"),
    path("<int:project_id>/lists/<slug:slug>/add/", views_steps.section_add, name="section-add"),
    path(
        "<int:project_id>/lists/<slug:slug>/<int:item_id>/",
        views_steps.section_item,
        name="section-item",
    ),
    path(
        "<int:project_id>/lists/<slug:slug>/<int:item_id>/delete/",
        views_steps.section_delete,
        name="section-delete",
    ),
    path(
        "<int:project_id>/journey/<int:stage_id>/move/",
        views_steps.stage_move,
        name="stage-move",
    ),
]
