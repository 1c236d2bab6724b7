from django.core.management.base import BaseCommand, CommandError

from portal.backup import project_export
from projects.models import Project


class Command(BaseCommand):
    help = "Write a project and all its data and history as JSON (to stdout or a file)."

    def add_arguments(self, parser):
        parser.add_argument("project_id", type=int)
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, project_id, output=None, **options):
        try:
            data = project_export(project_id=project_id)
        except Project.DoesNotExist as exc:
            raise CommandError(f"no project with id {project_id}") from exc
        if output:
            with open(output, "w", encoding="utf-8") as f:
                f.write(data)
        else:
            self.stdout.write(data)
