from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Projects")

    def ready(self) -> None:
        from . import history, navigation
        from .models import IdentifiedBenefit, Measure, Membership, Project

        navigation.register(_("Overview"), "projects:detail", order=0)
        navigation.register(_("Members"), "projects:members", order=80)
        navigation.register(_("History"), "projects:history", order=90)

        history.register(Project, project_lookup="id")
        history.register(Membership, project_lookup="project_id", label=history.membership_label)
        history.register(IdentifiedBenefit, project_lookup="project_id")
        history.register(Measure, project_lookup="project_id")
