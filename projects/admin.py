from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Membership, Project, Unit


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    search_fields = ["name"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["title", "unit", "step", "status", "funnel_stage", "archived"]
    list_filter = ["step", "status", "funnel_stage", "archived", "unit"]
    list_select_related = ["unit"]
    search_fields = ["title", "summary"]
    inlines = [MembershipInline]
    exclude = ["version"]

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1  # so forms opened before this save are refused
        super().save_model(request, obj, form, change)


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["project", "user", "role"]
    list_filter = ["role"]
    list_select_related = ["project", "user"]
    autocomplete_fields = ["user", "project"]
    search_fields = ["project__title", "user__username", "user__email"]
