from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CanvasConfig(AppConfig):
    name = "canvas"
    verbose_name = _("Business Model Canvas")

    def ready(self) -> None:
        from django.urls import reverse

        from projects import history, history_words, navigation
        from projects.discussion import targets
        from projects.flow import hypotheses

        from .models import Canvas, Note, Snapshot
        from .selectors import hypothesis_notes

        navigation.register(_("Canvas"), "canvas:list", order=30)
        history.register(Canvas, project_lookup="project_id")
        history.register(Note, project_lookup="canvas__project_id")
        # Snapshots are in the history but not in a backup (see seed_demo).
        history.register(Snapshot, project_lookup="canvas__project_id", in_backup=False)
        history_words.register_cause(
            Snapshot, project_lookup="canvas__project_id", words=_from_snapshot
        )
        targets.register(
            Note,
            kind="note",
            project_lookup="canvas__project_id",
            what=_("canvas note"),
            url=lambda note: (
                reverse("canvas:board", args=[note.canvas.project_id, note.canvas_id])
                + f"#note-{note.pk}"
            ),
            related=("canvas",),
        )
        hypotheses.register(
            lambda project: [note.text for note in hypothesis_notes(project=project)]
        )


def _from_snapshot(snapshot, who: str) -> str:
    """Who made a canvas or note by restoring a snapshot, and from which."""
    from django.utils.translation import gettext

    return gettext("%(who)s, from snapshot “%(name)s”,") % {"who": who, "name": snapshot.name}
