"""An index of each project's history: which recorded row, of which model, when.

The history itself is the rows simple-history records for every model
registered in `projects.history`, in one table per model. Reading a project's
latest changes across them all took a query over every table; this index
answers it from one. It holds nothing of its own: `projects.history` writes it
with each recorded change and can build it again from the history tables.
"""

from django.db import models

from .core import Project


class RecordedChange(models.Model):
    # No database constraint: rows recorded while a project is being deleted
    # name it; they are left behind as the history rows they point to are.
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, db_constraint=False, related_name="+"
    )
    source = models.CharField(max_length=100)  # the recorded model's label, e.g. "canvas.note"
    history_id = models.BigIntegerField()
    history_date = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(
                fields=["project", "-history_date", "-history_id"], name="recorded_change_latest"
            )
        ]
        constraints = [
            models.UniqueConstraint(fields=["source", "history_id"], name="recorded_change_once")
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.history_id}"
