from django.urls import path

from . import views

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("count/", views.unread_badge, name="inbox-count"),
    path("read-all/", views.notifications_read_all, name="inbox-read-all"),
    path("<id:notification_id>/read/", views.notification_read, name="inbox-read"),
    path("<id:notification_id>/go/", views.notification_go, name="inbox-go"),
    path("settings/", views.notification_settings, name="notification-settings"),
]
