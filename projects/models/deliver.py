"""Step 3's lists: the eleven activities, the suppliers and the dialogue with
them, the touchpoints, the service journeys, the trial log and the lessons."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from ..versioning import ProjectRow, Versioned
from .flow import SCORE_CHOICES, responsible_field


class Activity(Versioned):
    """One of the eleven activities of step 3, seeded when the project enters it."""

    KEYS = [
        ("solution_owner", _("Appoint the solution owner")),
        ("supplier_dialogue", _("Start the dialogue with suppliers")),
        ("plan", _("Plan the work")),
        ("touchpoints", _("Develop touchpoints")),
        ("processes", _("Develop work processes, routines, roles and responsibilities")),
        ("technology", _("Develop and adapt technology")),
        ("competence", _("Plan competence building and start the change of culture")),
        ("journey", _("Update the service journey")),
        ("benefits", _("Map and plan benefits")),
        ("trial", _("Trial and implementation")),
        ("report", _("Report results")),
    ]

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_RELEVANT = "not_relevant", _("Not relevant")

    project_related_name = "activities"

    key = models.CharField(_("activity"), max_length=30, choices=KEYS)
    position = models.PositiveSmallIntegerField(default=0)
    responsible = responsible_field()
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.NOT_STARTED
    )
    notes = models.TextField(pgettext_lazy("activity", "notes"), blank=True, max_length=4000)
    history = HistoricalRecords(excluded_fields=["version", "position"])

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(fields=["project", "key"], name="one_activity_per_key")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        # Only this label is translated; get_key_display() translates all eleven.
        return str(dict(self.KEYS).get(self.key, self.key))


class Supplier(ProjectRow):
    class Responsibility(models.TextChoices):
        SUPPLIER = "supplier", _("The supplier")
        SHARED = "shared", _("Shared")
        INTERNAL = "internal", _("Internal")

    class Area(models.TextChoices):
        IT = "it", _("IT")
        BUSINESS = "business", _("Business development")

    project_related_name = "suppliers"

    name = models.CharField(_("name"), max_length=200)
    delivers = models.TextField(_("what they deliver"), blank=True, max_length=2000)
    responsibility = models.CharField(
        _("responsible for innovation"),
        max_length=10,
        choices=Responsibility,
        default=Responsibility.SHARED,
    )
    area = models.CharField(_("area"), max_length=10, choices=Area, default=Area.IT)
    proactive = models.PositiveSmallIntegerField(
        _("proactive capability"), choices=SCORE_CHOICES, default=3
    )
    proactive_note = models.CharField(_("about proactive capability"), blank=True, max_length=500)
    reactive = models.PositiveSmallIntegerField(
        _("reactive capability"), choices=SCORE_CHOICES, default=3
    )
    reactive_note = models.CharField(_("about reactive capability"), blank=True, max_length=500)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")

    def __str__(self) -> str:
        return self.name


class SupplierDialogue(ProjectRow):
    # `project` repeats the supplier's project so the log is read, checked and
    # recorded in history like every other list of the project.
    project_related_name = "supplier_dialogues"

    supplier = models.ForeignKey(
        Supplier, verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="dialogues"
    )
    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), max_length=2000)
    next_step = models.CharField(_("next step"), blank=True, max_length=500)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("supplier dialogue")
        verbose_name_plural = _("supplier dialogues")

    def __str__(self) -> str:
        return f"{self.supplier}: {self.date}"


class Touchpoint(ProjectRow):
    class Kind(models.TextChoices):
        DIGITAL = "digital", _("Digital")
        PHYSICAL = "physical", _("Physical")
        INTERPERSONAL = "interpersonal", _("Interpersonal")

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        IN_DEVELOPMENT = "in_development", _("In development")
        IN_USE = "in_use", _("In use")

    project_related_name = "touchpoints"

    title = models.CharField(_("touchpoint"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.DIGITAL)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.IDEA)

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("touchpoint")
        verbose_name_plural = _("touchpoints")

    def __str__(self) -> str:
        return self.title


class JourneyStage(ProjectRow):
    """A stage of the service journey as it is today or as it will be."""

    class Journey(models.TextChoices):
        TODAY = "today", _("Today")
        FUTURE = "future", _("Future")

    project_related_name = "journey_stages"

    journey = models.CharField(_("journey"), max_length=10, choices=Journey)
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("stage"), max_length=200)
    actor = models.CharField(_("actor"), blank=True, max_length=200)
    channel = models.CharField(_("channel"), blank=True, max_length=200)
    touchpoints = models.CharField(_("touchpoints"), blank=True, max_length=500)
    pain_points = models.TextField(_("pain points"), blank=True, max_length=2000)

    class Meta:
        ordering = ["journey", "position", "pk"]
        verbose_name = _("journey stage")
        verbose_name_plural = _("journey stages")

    def __str__(self) -> str:
        return self.title


class TrialEntry(ProjectRow):
    project_related_name = "trial_entries"

    date = models.DateField(_("date"))
    title = models.CharField(_("what happened"), max_length=300)
    questions = models.TextField(_("questions"), blank=True, max_length=2000)
    concerns = models.TextField(_("concerns"), blank=True, max_length=2000)
    positive = models.TextField(_("positive feedback"), blank=True, max_length=2000)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("trial log entry")
        verbose_name_plural = _("trial log")

    def __str__(self) -> str:
        return self.title


class Lesson(ProjectRow):
    project_related_name = "lessons"

    title = models.CharField(_("lesson"), max_length=300)
    description = models.TextField(
        _("what we would do again or differently"), blank=True, max_length=2000
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")

    def __str__(self) -> str:
        return self.title
