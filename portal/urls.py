from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import blueprint_views, deck_views, views
from .accounts import LoginView, set_language

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("portfolio/", views.portfolio_view, name="portfolio"),
    path("portfolio/export.<str:fmt>", views.portfolio_export, name="portfolio-export"),
    path("portfolio/units/", views.unit_ratings, name="unit-ratings"),
    path("portfolio/units/<id:unit_id>/", views.unit_rating_edit, name="unit-rating-edit"),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/", include("portal.oidc.urls")),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("projects/<id:project_id>/deck/", deck_views.deck_present, name="deck-present"),
    path("projects/<id:project_id>/deck.<str:fmt>", deck_views.deck_download, name="deck-download"),
    path(
        "projects/<id:project_id>/deck-handout.pdf",
        deck_views.deck_download,
        {"fmt": "handout"},
        name="deck-handout",
    ),
    path("decks/bundles/", deck_views.bundle_create, name="bundle-create"),
    path("decks/bundles/<id:bundle_id>/", deck_views.bundle_detail, name="bundle-detail"),
    path(
        "decks/bundles/<id:bundle_id>/download/",
        deck_views.bundle_download,
        name="bundle-download",
    ),
    path("templates/", blueprint_views.template_list, name="template-list"),
    path("templates/upload/", blueprint_views.template_upload, name="template-upload"),
    path(
        "templates/<id:template_id>/new-project/",
        blueprint_views.template_use,
        name="template-use",
    ),
    path(
        "templates/<id:template_id>/download/",
        blueprint_views.template_download,
        name="template-download",
    ),
    path(
        "templates/<id:template_id>/remove/",
        blueprint_views.template_remove,
        name="template-remove",
    ),
    path(
        "projects/<id:project_id>/template/",
        blueprint_views.project_template,
        name="project-template",
    ),
    path("i18n/setlang/", set_language, name="set_language"),
    path("inbox/", include("portal.notifications.urls")),
    path("projects/", include("projects.urls")),
    path("projects/", include("benefits.urls")),
    path("projects/", include("canvas.urls")),
    path("admin/", admin.site.urls),
]
