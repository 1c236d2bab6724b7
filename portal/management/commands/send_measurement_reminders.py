"""Daily: tell people of what they are responsible for that is due or
overdue and of gates waiting for a decision, and e-mail each one digest of it
and of their notifications (portal.reminders)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.reminders import reminders_send


class Command(BaseCommand):
    help = "Send the daily digest of due items and notifications (once per item per day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=settings.PORTAL_BASE_URL,
            help="The portal's address, for the links in the e-mails.",
        )

    def handle(self, *args, base_url: str, **options):
        count = reminders_send(today=timezone.localdate(), base_url=base_url.rstrip("/"))
        self.stdout.write(f"Measurement reminders: {count} e-mail(s) sent.")
