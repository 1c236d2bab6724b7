from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"

    def ready(self) -> None:
        from allauth.account.signals import user_logged_in as allauth_logged_in
        from axes.signals import user_locked_out
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_login_failed
        from django.db.models.signals import post_save

        from benefits.models import PlanEvent
        from projects.signals import made_responsible, mentioned, roles_changed

        from .accounts import log_locked_out, log_login_failed
        from .notifications.events import (
            comment_mentions_notify,
            made_responsible_told,
            plan_event_notify,
            roles_changed_notify,
        )
        from .oidc.accounts import on_social_login
        from .sessions import end_sessions_of_inactive_user

        post_save.connect(
            end_sessions_of_inactive_user,
            sender=get_user_model(),
            dispatch_uid="portal.end_sessions_of_inactive_user",
        )
        user_login_failed.connect(log_login_failed, dispatch_uid="portal.log_login_failed")
        user_locked_out.connect(log_locked_out, dispatch_uid="portal.log_locked_out")
        allauth_logged_in.connect(on_social_login, dispatch_uid="portal.oidc.on_social_login")
        post_save.connect(
            plan_event_notify, sender=PlanEvent, dispatch_uid="portal.notifications.plan"
        )
        roles_changed.connect(roles_changed_notify, dispatch_uid="portal.notifications.roles")
        mentioned.connect(comment_mentions_notify, dispatch_uid="portal.notifications.mentioned")
        made_responsible.connect(
            made_responsible_told, dispatch_uid="portal.notifications.responsible"
        )
