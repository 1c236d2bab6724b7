from django.urls import path

from . import views, views_review

app_name = "benefits"
# Every page hangs under its project, so the URL walker sees `project_id`.
P = "<id:project_id>/benefits/"
urlpatterns = [
    path(P + "", views.plan_page, name="plan"),
    path(P + "settings/", views.plan_settings, name="plan-settings"),
    path(P + "adopt/", views.benefit_adopt, name="benefit-adopt"),
    path(P + "benefits/new/", views.benefit_add, name="benefit-add"),
    path(P + "benefits/<id:benefit_id>/", views.benefit_edit, name="benefit-edit"),
    path(P + "benefits/<id:benefit_id>/values/<int:year>/", views.value_edit, name="value-edit"),
    path(P + "benefits/<id:benefit_id>/indicators/new/", views.indicator_add, name="indicator-add"),
    path(P + "costs/new/", views.cost_add, name="cost-add"),
    path(P + "costs/<id:cost_id>/", views.cost_edit, name="cost-edit"),
    path(P + "indicators/<id:indicator_id>/", views.indicator_page, name="indicator"),
    path(P + "indicators/<id:indicator_id>/edit/", views.indicator_edit, name="indicator-edit"),
    path(
        P + "indicators/<id:indicator_id>/confirm/",
        views.indicator_confirm,
        name="indicator-confirm",
    ),
    path(
        P + "measurements/<id:measurement_id>/delete/",
        views.measurement_delete,
        name="measurement-delete",
    ),
    path(P + "submit/", views_review.plan_submit, name="plan-submit"),
    path(P + "approve/", views_review.plan_approve, name="plan-approve"),
    path(P + "return/", views_review.plan_return, name="plan-return"),
    path(P + "revise/", views_review.plan_revise, name="plan-revise"),
    path(P + "discard/", views_review.plan_discard, name="plan-discard"),
    path(P + "approved/<id:event_id>/", views_review.plan_approved, name="approved"),
    path(P + "export/", views.plan_export, name="export"),
    path(P + "import/", views.plan_import, name="import"),
]
