from django.urls import path

from . import views
from .discussion import views as discussion
from .flow.views import gates, matrix, owner, sections, steps, texts

app_name = "projects"
urlpatterns = [
    path("new/", views.project_create_view, name="create"),
    path("<id:project_id>/", views.project_detail, name="detail"),
    path("<id:project_id>/edit/", views.project_edit, name="edit"),
    path("<id:project_id>/archive/", views.project_archive, name="archive"),
    path("<id:project_id>/members/", views.members, name="members"),
    path(
        "<id:project_id>/members/<id:membership_id>/role/",
        views.member_role,
        name="member-role",
    ),
    path(
        "<id:project_id>/members/<id:membership_id>/remove/",
        views.member_remove,
        name="member-remove",
    ),
    path("<id:project_id>/history/", views.project_history_view, name="history"),
    path("<id:project_id>/discussion/", discussion.discussion, name="discussion"),
    path(
        "<id:project_id>/comments/<slug:kind>/<id:item_id>/",
        discussion.comment_thread,
        name="comment-thread",
    ),
    path(
        "<id:project_id>/comment/<id:comment_id>/edit/",
        discussion.comment_edit,
        name="comment-edit",
    ),
    path(
        "<id:project_id>/comment/<id:comment_id>/delete/",
        discussion.comment_delete,
        name="comment-delete",
    ),
    # The three steps
    path("<id:project_id>/hypothesis/", steps.step_hypothesis, name="step-hypothesis"),
    path("<id:project_id>/goals/", steps.step_goals, name="step-goals"),
    path("<id:project_id>/deliver/", steps.step_deliver, name="step-deliver"),
    path("<id:project_id>/stakeholders/", steps.stakeholders, name="stakeholders"),
    path("<id:project_id>/matrix/", steps.matrix, name="matrix"),
    path("<id:project_id>/matrix.csv", matrix.matrix_csv, name="matrix-csv"),
    path(
        "<id:project_id>/matrix/<id:measure_id>/score/",
        matrix.measure_score,
        name="measure-score",
    ),
    path("<id:project_id>/texts/<slug:part>/", texts.flow_part, name="flow-part"),
    path("<id:project_id>/gate/", gates.gate, name="gate"),
    path("<id:project_id>/solution-owner/", owner.solution_owner, name="solution-owner"),
    path("<id:project_id>/lists/<slug:slug>/add/", sections.section_add, name="section-add"),
    path(
        "<id:project_id>/lists/<slug:slug>/<id:item_id>/",
        sections.section_item,
        name="section-item",
    ),
    path(
        "<id:project_id>/lists/<slug:slug>/<id:item_id>/delete/",
        sections.section_delete,
        name="section-delete",
    ),
    path(
        "<id:project_id>/journey/<id:stage_id>/move/",
        sections.stage_move,
        name="stage-move",
    ),
]
