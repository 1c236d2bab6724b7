import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords


class Unit(models.Model):
    """An organisational unit (a municipality's department, a health trust's clinic)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name


class Project(models.Model):
    class Step(models.TextChoices):
        HYPOTHESIS = "hypothesis", _("Hypothesis")
        GOALS = "goals", _("Goals")
        DELIVER = "deliver", _("Deliver solution")
        OPERATION = "operation", _("In operation")

    class Status(models.TextChoices):
        ON_TRACK = "on_track", _("On track")
        AT_RISK = "at_risk", _("At risk")
        OFF_TRACK = "off_track", _("Off track")

    class FunnelStage(models.TextChoices):
        IDEA = "idea", _("Idea")
        MATCHING = "matching", _("Matching")
        PROJECT = "project", _("Project")
        OPERATION = "operation", _("In operation")
        STOPPED = "stopped", _("Stopped")

    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, max_length=4000)
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, null=True, blank=True
    )
    step = models.CharField(_("step"), max_length=20, choices=Step, default=Step.HYPOTHESIS)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ON_TRACK)
    funnel_stage = models.CharField(
        _("funnel stage"), max_length=20, choices=FunnelStage, default=FunnelStage.IDEA
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    target_date = models.DateField(_("target date"), null=True, blank=True)
    archived = models.BooleanField(_("archived"), default=False)
    # Bumped on every save; a form posted with an older value is refused.
    version = models.PositiveIntegerField(default=1)
    # Replaced on every recorded change of the project's data (see
    # projects.history.touch): what is cached of the project is keyed on it.
    revision = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="projects"
    )
    history = HistoricalRecords(excluded_fields=["version", "revision", "updated_at", "created_at"])

    class Meta:
        ordering = ["title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(target_date__isnull=True)
                | models.Q(target_date__gte=models.F("start_date")),
                name="project_target_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.pk])


class Membership(models.Model):
    class Role(models.TextChoices):
        TEAM_MEMBER = "team_member", _("Team member")
        SOLUTION_OWNER = "solution_owner", _("Solution owner")
        COMMISSIONING_OWNER = "commissioning_owner", _("Commissioning owner")
        VIEWER = "viewer", _("Viewer")

    # Roles that may change the project's content.
    EDITOR_ROLES = frozenset({Role.TEAM_MEMBER, Role.SOLUTION_OWNER})

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role, default=Role.TEAM_MEMBER)
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "user__username"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="one_membership_per_user"),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(role="commissioning_owner"),
                name="one_commissioning_owner",
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(role="solution_owner"),
                name="one_solution_owner",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    @property
    def is_editor(self) -> bool:
        return self.role in self.EDITOR_ROLES


class BenefitKind(models.TextChoices):
    """The kinds of benefit in Norwegian benefit-realisation guidance."""

    COSTS_AVOIDED = "costs_avoided", _("Costs avoided")
    TIME_SAVED = "time_saved", _("Time saved")
    QUALITY = "quality", _("Quality")
    OTHER = "other", _("Other")


class IdentifiedBenefit(models.Model):
    """A benefit named while setting goals (step 2). The benefit plan adopts it
    (benefits.Benefit points back here), so nothing is typed twice."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="identified_benefits"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=BenefitKind, default=BenefitKind.OTHER
    )
    description = models.TextField(_("description"), blank=True, max_length=2000)
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("identified benefit")
        verbose_name_plural = _("identified benefits")

    def __str__(self) -> str:
        return self.title


class Measure(models.Model):
    """A measure (tiltak) in the prioritization matrix."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    SCORES = [(n, str(n)) for n in range(1, 6)]

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="measures")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    benefit = models.PositiveSmallIntegerField(
        _("benefit"), choices=SCORES, default=3, help_text=_("Effect and importance to users, 1–5.")
    )
    effort = models.PositiveSmallIntegerField(
        _("effort"), choices=SCORES, default=3, help_text=_("Cost and difficulty, 1–5.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PROPOSED)
    goal = models.ForeignKey(
        "Goal",
        verbose_name=_("goal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(benefit__gte=1, benefit__lte=5, effort__gte=1, effort__lte=5),
                name="measure_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return self.title


# --- The three steps -------------------------------------------------------
# Rows that belong to one project carry `version` (a stale edit is refused) and
# are recorded in history (registered in apps.py).

SCORE_CHOICES = [(n, str(n)) for n in range(1, 6)]


class LowHigh(models.TextChoices):
    LOW = "low", _("Low")
    HIGH = "high", _("High")


class ProjectFlow(models.Model):
    """The project's single texts of the three steps: the hypothesis, the
    selection criteria, the bimodal placement and the delivery status. One row
    per project, created on the first save."""

    CRITERIA = [
        ("isolated", _("Isolated from core systems")),
        ("quick", _("Can be done quickly")),
        ("external_value", _("Creates external value")),
        ("innovation", _("Is an innovation")),
        ("partner", _("Has an engaged partner")),
        ("uncertain", _("Uncertain requirements and low complexity")),
    ]

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="flow")
    hypothesis_project = models.TextField(_("We believe that"), blank=True, max_length=1000)
    hypothesis_value = models.TextField(_("will result in"), blank=True, max_length=1000)
    hypothesis_measures = models.TextField(
        _("we know we have succeeded when"), blank=True, max_length=1000
    )
    isolated = models.BooleanField(_("Isolated from core systems"), null=True)
    isolated_note = models.CharField(
        pgettext_lazy("selection criterion", "note"), blank=True, max_length=500
    )
    quick = models.BooleanField(_("Can be done quickly"), null=True)
    quick_note = models.CharField(
        pgettext_lazy("selection criterion", "note"), blank=True, max_length=500
    )
    external_value = models.BooleanField(_("Creates external value"), null=True)
    external_value_note = models.CharField(
        pgettext_lazy("selection criterion", "note"), blank=True, max_length=500
    )
    innovation = models.BooleanField(_("Is an innovation"), null=True)
    innovation_note = models.CharField(
        pgettext_lazy("selection criterion", "note"), blank=True, max_length=500
    )
    partner = models.BooleanField(_("Has an engaged partner"), null=True)
    partner_note = models.CharField(
        pgettext_lazy("selection criterion", "note"), blank=True, max_length=500
    )
    uncertain = models.BooleanField(_("Uncertain requirements and low complexity"), null=True)
    uncertain_note = models.CharField(
        pgettext_lazy("selection criterion", "note"), blank=True, max_length=500
    )
    mode1_effect = models.CharField(
        _("effect on mode 1"), max_length=10, choices=LowHigh, blank=True
    )
    bimodal_maturity = models.CharField(
        _("bimodal maturity"), max_length=10, choices=LowHigh, blank=True
    )
    implementation_status = models.TextField(
        _("status of implementation"), blank=True, max_length=4000
    )
    remaining_here = models.TextField(_("remaining work here"), blank=True, max_length=4000)
    remaining_elsewhere = models.TextField(
        _("remaining work at other actors"), blank=True, max_length=4000
    )
    operation = models.TextField(
        _("how the solution is managed in operation"), blank=True, max_length=4000
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("step texts")
        verbose_name_plural = _("step texts")

    def __str__(self) -> str:
        return str(_("Step texts"))


class GateDecision(models.Model):
    """The commissioning owner's (or a leader's) decision at the end of a step."""

    class Decision(models.TextChoices):
        GO_ON = "go_on", _("Go on")
        ITERATE = "iterate", _("Iterate")
        STOP = "stop", _("Stop")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="gate_decisions")
    step = models.CharField(_("step"), max_length=20, choices=Project.Step)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision)
    comment = models.TextField(_("comment"), max_length=4000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_at", "pk"]
        verbose_name = _("gate decision")
        verbose_name_plural = _("gate decisions")

    def __str__(self) -> str:
        return f"{self.get_step_display()}: {self.get_decision_display()}"


class Experiment(models.Model):
    """One round of build–measure–learn."""

    class Decision(models.TextChoices):
        PERSEVERE = "persevere", _("Persevere")
        PIVOT = "pivot", _("Pivot")
        STOP = "stop", _("Stop")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="experiments")
    date = models.DateField(_("date"))
    title = models.CharField(_("what we test"), max_length=200)
    prototype = models.TextField(_("experiment or prototype"), blank=True, max_length=2000)
    measure = models.TextField(_("what we measure"), blank=True, max_length=2000)
    result = models.TextField(_("result"), blank=True, max_length=2000)
    learning = models.TextField(_("what we learned"), blank=True, max_length=2000)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("experiment")
        verbose_name_plural = _("experiments")

    def __str__(self) -> str:
        return self.title


class Goal(models.Model):
    class Level(models.TextChoices):
        USER = "user", _("User")
        SERVICE = "service", _("Service")
        ORGANISATION = "organisation", _("Organisation")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="goals")
    level = models.CharField(_("goal for"), max_length=20, choices=Level)
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    success = models.TextField(_("how success is recognised"), blank=True, max_length=2000)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["level", "pk"]
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self) -> str:
        return self.title


class DesignPrinciple(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="design_principles")
    title = models.CharField(_("principle"), max_length=200)
    description = models.TextField(_("what it means for us"), blank=True, max_length=2000)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["pk"]
        verbose_name = _("design principle")
        verbose_name_plural = _("design principles")

    def __str__(self) -> str:
        return self.title


class Activity(models.Model):
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

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activities")
    key = models.CharField(_("activity"), max_length=30, choices=KEYS)
    position = models.PositiveSmallIntegerField(default=0)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.NOT_STARTED
    )
    notes = models.TextField(pgettext_lazy("activity", "notes"), blank=True, max_length=4000)
    version = models.PositiveIntegerField(default=1)
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


class Supplier(models.Model):
    class Responsibility(models.TextChoices):
        SUPPLIER = "supplier", _("The supplier")
        SHARED = "shared", _("Shared")
        INTERNAL = "internal", _("Internal")

    class Area(models.TextChoices):
        IT = "it", _("IT")
        BUSINESS = "business", _("Business development")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="suppliers")
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
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("supplier")
        verbose_name_plural = _("suppliers")

    def __str__(self) -> str:
        return self.name


class SupplierDialogue(models.Model):
    # `project` repeats the supplier's project so the log is read, checked and
    # recorded in history like every other list of the project.
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="supplier_dialogues"
    )
    supplier = models.ForeignKey(
        Supplier, verbose_name=_("supplier"), on_delete=models.CASCADE, related_name="dialogues"
    )
    date = models.DateField(_("date"))
    summary = models.TextField(_("summary"), max_length=2000)
    next_step = models.CharField(_("next step"), blank=True, max_length=500)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("supplier dialogue")
        verbose_name_plural = _("supplier dialogues")

    def __str__(self) -> str:
        return f"{self.supplier}: {self.date}"


class Touchpoint(models.Model):
    class Kind(models.TextChoices):
        DIGITAL = "digital", _("Digital")
        PHYSICAL = "physical", _("Physical")
        INTERPERSONAL = "interpersonal", _("Interpersonal")

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        IN_DEVELOPMENT = "in_development", _("In development")
        IN_USE = "in_use", _("In use")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="touchpoints")
    title = models.CharField(_("touchpoint"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.DIGITAL)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.IDEA)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("touchpoint")
        verbose_name_plural = _("touchpoints")

    def __str__(self) -> str:
        return self.title


class JourneyStage(models.Model):
    """A stage of the service journey as it is today or as it will be."""

    class Journey(models.TextChoices):
        TODAY = "today", _("Today")
        FUTURE = "future", _("Future")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="journey_stages")
    journey = models.CharField(_("journey"), max_length=10, choices=Journey)
    position = models.PositiveIntegerField(_("position"), default=0)
    title = models.CharField(_("stage"), max_length=200)
    actor = models.CharField(_("actor"), blank=True, max_length=200)
    channel = models.CharField(_("channel"), blank=True, max_length=200)
    touchpoints = models.CharField(_("touchpoints"), blank=True, max_length=500)
    pain_points = models.TextField(_("pain points"), blank=True, max_length=2000)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["journey", "position", "pk"]
        verbose_name = _("journey stage")
        verbose_name_plural = _("journey stages")

    def __str__(self) -> str:
        return self.title


class TrialEntry(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="trial_entries")
    date = models.DateField(_("date"))
    title = models.CharField(_("what happened"), max_length=300)
    questions = models.TextField(_("questions"), blank=True, max_length=2000)
    concerns = models.TextField(_("concerns"), blank=True, max_length=2000)
    positive = models.TextField(_("positive feedback"), blank=True, max_length=2000)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("trial log entry")
        verbose_name_plural = _("trial log")

    def __str__(self) -> str:
        return self.title


class Lesson(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="lessons")
    title = models.CharField(_("lesson"), max_length=300)
    description = models.TextField(
        _("what we would do again or differently"), blank=True, max_length=2000
    )
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["pk"]
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")

    def __str__(self) -> str:
        return self.title


class Stakeholder(models.Model):
    """An actor in the stakeholder map (aktørkart)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stakeholders")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("organisation or role"), blank=True, max_length=200)
    interest = models.PositiveSmallIntegerField(_("interest"), choices=SCORE_CHOICES, default=3)
    influence = models.PositiveSmallIntegerField(_("influence"), choices=SCORE_CHOICES, default=3)
    needs = models.TextField(_("needs"), blank=True, max_length=2000)
    involvement = models.TextField(_("how we involve them"), blank=True, max_length=2000)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    interest__gte=1, interest__lte=5, influence__gte=1, influence__lte=5
                ),
                name="stakeholder_scores_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return self.name


class UserProfile(models.Model):
    """A user profile (brukerprofil): who the users are and what they need."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="user_profiles")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    jobs = models.TextField(_("jobs to be done"), blank=True, max_length=2000)
    pains = models.TextField(_("pains"), blank=True, max_length=2000)
    gains = models.TextField(_("gains"), blank=True, max_length=2000)
    needs = models.TextField(_("needs"), blank=True, max_length=2000)
    quotes = models.TextField(_("quotes"), blank=True, max_length=2000)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("user profile")
        verbose_name_plural = _("user profiles")

    def __str__(self) -> str:
        return self.title


class Preference(models.Model):
    """What the portal remembers of a person: the language e-mails are written in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference"
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("preference")
        verbose_name_plural = _("preferences")

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"
