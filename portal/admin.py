from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .accounts import AdminLoginForm
from .models import UnitRating
from .services import user_pseudonymise

User = get_user_model()
admin.site.unregister(User)
# The admin's log-in counts and refuses attempts like the portal's own.
admin.site.login_form = AdminLoginForm


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    """Users are pseudonymised, never deleted: public bodies keep their project records."""

    actions = ["pseudonymise"]

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Pseudonymise the selected users (keeps their project records)"))
    def pseudonymise(self, request, queryset):
        for user in queryset:
            user_pseudonymise(user=user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext(
                "%(count)d user was pseudonymised.", "%(count)d users were pseudonymised.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(UnitRating)
class UnitRatingAdmin(admin.ModelAdmin):
    list_display = ["unit", "ambition", "capacity", "rated_by", "updated_at"]
    list_select_related = ["unit", "rated_by"]
