from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from portal.backup import ImportRefused, project_import


class Command(BaseCommand):
    help = (
        "Import a project from a file made by export_project: its people are found by "
        "e-mail or username, or created inactive; its unit is found by name or created."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--replace",
            action="store_true",
            help="replace the project with the file's id, if there is one",
        )
        group.add_argument(
            "--as-new",
            action="store_true",
            help="import as a new project even if one with the file's id exists",
        )

    def handle(self, path, replace=False, as_new=False, **options):
        # Operators read the command's messages in English, like its help.
        with translation.override("en"):
            try:
                with open(path, "rb") as f:
                    data = f.read()
                project_id = project_import(data=data, replace=replace, as_new=as_new)
            except OSError as exc:
                raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
            except ImportRefused as exc:
                raise CommandError(f"cannot import {path}: {exc}") from exc
        self.stdout.write(f"Project {project_id} imported.")
