from django.core.management.base import BaseCommand

from portal.bundles import bundles_delete_expired


class Command(BaseCommand):
    help = "Delete deck bundles older than DECK_BUNDLE_HOURS (run it from cron, e.g. hourly)."

    def handle(self, *args, **options) -> None:
        deleted = bundles_delete_expired()
        if options["verbosity"] > 0:
            self.stdout.write(f"Deleted {deleted} expired deck bundle(s).")
