from django.urls import path

from . import views

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
    path(P + "submit/", views.plan_submit, name="plan-submit"),
    path(P + "approve/", views.plan_approve, name="plan-approve"),
    path(P + "return/", views.plan_return, name="plan-return"),
    path(P + "approved/<id:event_id>/", views.plan_approved, name="approved"),
    path(P + "export/", views.plan_export, name="export"),
    path(P + "import/", views.plan_import, name="import"),
]
