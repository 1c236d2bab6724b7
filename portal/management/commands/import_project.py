from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError

from portal.backup import project_import


class Command(BaseCommand):
    help = "Restore a project from a JSON file made by export_project (replaces it if present)."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, path, **options):
        with open(path, encoding="utf-8") as f:
            data = f.read()
        try:
            project_id = project_import(data=data)
        except (DeserializationError, ValueError) as exc:
            raise CommandError(f"cannot import {path}: {exc}") from exc
        self.stdout.write(f"Project {project_id} restored.")
