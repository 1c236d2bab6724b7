from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from .sessions import end_sessions_of_inactive_user

        post_save.connect(
            end_sessions_of_inactive_user,
            sender=get_user_model(),
            dispatch_uid="portal.end_sessions_of_inactive_user",
        )
