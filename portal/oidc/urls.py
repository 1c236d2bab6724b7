from django.urls import path

from . import provider, views

# Log-out, and the portal's login and callback views for allauth's
# openid_connect provider, under the names allauth reverses (none of allauth's
# own account pages: people neither sign up nor connect accounts themselves).
# The callback URL to register at a provider is
# https://<host>/accounts/oidc/<provider id>/login/callback/
CALLBACK = "oidc/<str:provider_id>/login/callback/"

urlpatterns = [
    path("logout/", views.logout, name="logout"),
    path("oidc/<str:provider_id>/login/", provider.login, name="openid_connect_login"),
    path(CALLBACK, provider.callback, name="openid_connect_callback"),
]
