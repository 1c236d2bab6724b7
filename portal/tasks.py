import logging

from django.tasks import task
from django.utils import translation

from projects.models import Project

from .deck_files import render_pdf
from .models import DeckBundle

log = logging.getLogger(__name__)


@task
def build_deck_bundle(bundle_id: int) -> None:
    """Render the bundle's decks into one PDF, recording progress after each deck."""
    bundle = DeckBundle.objects.get(pk=bundle_id)
    DeckBundle.objects.filter(pk=bundle_id).update(status=DeckBundle.Status.RUNNING)
    by_id = Project.objects.select_related("unit").in_bulk(bundle.project_ids)
    projects = [by_id[pk] for pk in bundle.project_ids if pk in by_id]

    def progress(done: int) -> None:
        DeckBundle.objects.filter(pk=bundle_id).update(done=done)

    try:
        with translation.override(bundle.language):
            pdf = render_pdf(projects, progress=progress)
    except Exception as exc:
        log.exception("deck bundle %s failed", bundle_id)
        DeckBundle.objects.filter(pk=bundle_id).update(
            status=DeckBundle.Status.FAILED, error=str(exc)[:1000] or exc.__class__.__name__
        )
        return
    DeckBundle.objects.filter(pk=bundle_id).update(
        status=DeckBundle.Status.DONE, pdf=pdf, done=len(projects)
    )


@task
def send_notification(notification_id: int) -> None:
    """E-mail one notification to a person who chose e-mail for each event."""
    from .notifications.mail import event_send

    event_send(notification_id=notification_id)
