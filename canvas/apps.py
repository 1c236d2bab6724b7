from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CanvasConfig(AppConfig):
    name = "canvas"
    verbose_name = _("Business Model Canvas")

    def ready(self) -> None:
        from projects import history, navigation
        from projects.flow import hypotheses

        from .models import Canvas, Note
        from .selectors import hypothesis_notes

        navigation.register(_("Canvas"), "canvas:list", order=30)
        history.register(Canvas, project_lookup="project_id")
        history.register(Note, project_lookup="canvas__project_id")
        hypotheses.register(
            lambda project: [note.text for note in hypothesis_notes(project=project)]
        )
