"""Daily: e-mail each responsible person one digest of their overdue
measurements and their step 3 activities due this week."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.reminders import reminders_send


class Command(BaseCommand):
    help = "E-mail responsible persons their overdue measurements (once per item per day)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="http://localhost:8000",
            help="The portal's address, for the links in the e-mails.",
        )

    def handle(self, *args, base_url: str, **options):
        count = reminders_send(today=timezone.localdate(), base_url=base_url.rstrip("/"))
        self.stdout.write(f"Measurement reminders: {count} e-mail(s) sent.")
