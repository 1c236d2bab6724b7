from django.urls import path

from .views import benefits, cofinancing, costs, grid, indicators, map, plan, review

app_name = "benefits"
# Every page hangs under its project, so the URL walker sees `project_id`.
P = "<id:project_id>/benefits/"
B = P + "benefits/<id:benefit_id>/"
urlpatterns = [
    path(P + "", plan.plan_page, name="plan"),
    path(P + "settings/", plan.plan_settings, name="plan-settings"),
    path(P + "owner/", cofinancing.plan_owner, name="plan-owner"),
    path(P + "cofinancing/", cofinancing.cofinancing_report, name="cofinancing"),
    path(P + "adopt/", plan.benefit_adopt, name="benefit-adopt"),
    path(P + "benefits/new/", benefits.benefit_add, name="benefit-add"),
    path(B, benefits.benefit_edit, name="benefit-edit"),
    path(B + "delete/", benefits.benefit_delete, name="benefit-delete"),
    path(B + "values/", grid.values_grid, name="values-grid"),
    path(B + "values/<int:year>/", benefits.value_edit, name="value-edit"),
    path(B + "values/<int:year>/clear/", benefits.value_clear, name="value-clear"),
    path(B + "indicators/new/", indicators.indicator_add, name="indicator-add"),
    path(P + "costs/new/", costs.cost_add, name="cost-add"),
    path(P + "costs/<id:cost_id>/", costs.cost_edit, name="cost-edit"),
    path(P + "costs/<id:cost_id>/delete/", costs.cost_delete, name="cost-delete"),
    path(P + "indicators/<id:indicator_id>/", indicators.indicator_page, name="indicator"),
    path(
        P + "indicators/<id:indicator_id>/edit/", indicators.indicator_edit, name="indicator-edit"
    ),
    path(
        P + "indicators/<id:indicator_id>/delete/",
        indicators.indicator_delete,
        name="indicator-delete",
    ),
    path(
        P + "indicators/<id:indicator_id>/confirm/",
        indicators.indicator_confirm,
        name="indicator-confirm",
    ),
    path(
        P + "measurements/<id:measurement_id>/delete/",
        indicators.measurement_delete,
        name="measurement-delete",
    ),
    path(P + "submit/", review.plan_submit, name="plan-submit"),
    path(P + "approve/", review.plan_approve, name="plan-approve"),
    path(P + "return/", review.plan_return, name="plan-return"),
    path(P + "revise/", review.plan_revise, name="plan-revise"),
    path(P + "discard/", review.plan_discard, name="plan-discard"),
    path(P + "approved/<id:event_id>/", review.plan_approved, name="approved"),
    path(P + "export/", plan.plan_export, name="export"),
    path(P + "import/", plan.plan_import, name="import"),
    path(P + "map/", map.map_page, name="map"),
    path(P + "map/links/new/", map.map_link_add, name="map-link-add"),
    path(P + "map/links/<id:link_id>/delete/", map.map_link_delete, name="map-link-delete"),
]
