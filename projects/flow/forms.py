"""Forms of the three steps. Every form of an existing row carries the version
the user started from, so a stale save is refused."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from projects.forms import DATE
from projects.models import (
    Activity,
    DesignPrinciple,
    Experiment,
    GateDecision,
    Goal,
    IdentifiedBenefit,
    JourneyStage,
    Lesson,
    Measure,
    Membership,
    ProjectFlow,
    Stakeholder,
    Supplier,
    SupplierDialogue,
    Touchpoint,
    TrialEntry,
    UserProfile,
)
from projects.versioning import part_digest
from projects.widgets import CountedTextarea

TEXT = CountedTextarea(attrs={"rows": 3})
BLANK_CHOICE = _("- Select an option -")
YES_NO = [("", _("Not assessed")), ("true", _("Yes")), ("false", _("No"))]


class VersionedForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        for field in self.fields.values():
            # A hidden input takes no autocomplete: browsers never fill it.
            if isinstance(field, forms.CharField) and not field.widget.is_hidden:
                field.widget.attrs.setdefault("autocomplete", "off")
            # Django's blank choice of a model's choices is translated in the
            # portal's catalogue; a choice of rows gets the same words.
            if isinstance(field, forms.ModelChoiceField):
                field.empty_label = BLANK_CHOICE
        if "responsible" in self.fields:
            _member_choices(self.fields["responsible"], project)

    def clean(self):
        cleaned = super().clean()
        # A title of only spaces is no title.
        for name in ("title", "name"):
            if name in self.fields and name in cleaned:
                cleaned[name] = cleaned[name].strip()
                if not cleaned[name]:
                    self.add_error(name, _("This field cannot be only spaces."))
        return cleaned


class FlowPartForm(VersionedForm):
    """A part of the step texts. Instead of the row's version it carries the
    digest of its own fields (`part_digest`), so saving one part leaves the
    others on the page current."""

    part_digest = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    # Whether the form also carries its texts as loaded (`loaded_<field>`), so
    # a save that someone else overtook is merged line by line with theirs.
    merges = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["version"]
        if not self.is_bound:
            self.initial["part_digest"] = part_digest(self.instance, self._meta.fields)
        for name in self._meta.fields if self.merges else ():
            self.fields[f"loaded_{name}"] = forms.CharField(
                widget=forms.HiddenInput,
                required=False,
                strip=False,
                max_length=ProjectFlow._meta.get_field(name).max_length,
            )
            if not self.is_bound:
                self.initial[f"loaded_{name}"] = getattr(self.instance, name)

    def loaded(self) -> dict | None:
        """The texts as the user loaded them (after `is_valid`), if carried."""
        if not self.merges:
            return None
        return {name: self.cleaned_data[f"loaded_{name}"] for name in self._meta.fields}


class HypothesisForm(FlowPartForm):
    merges = True

    class Meta:
        model = ProjectFlow
        fields = ["hypothesis_project", "hypothesis_value", "hypothesis_measures"]
        widgets = {f: CountedTextarea(attrs={"rows": 2}) for f in fields}
        labels = {
            "hypothesis_project": _("We believe that …"),
            "hypothesis_value": _("… will result in …"),
            "hypothesis_measures": _("… we know we have succeeded when …"),
        }
        help_texts = {
            "hypothesis_project": _("What the project will do or try out."),
            "hypothesis_value": _("The value for users, the service or the organisation."),
            "hypothesis_measures": _("The defined measures that show it worked."),
        }


class CriteriaForm(FlowPartForm):
    class Meta:
        model = ProjectFlow
        fields = [f for key, _label in ProjectFlow.CRITERIA for f in (key, f"{key}_note")]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in ProjectFlow.CRITERIA:
            self.fields[key] = forms.TypedChoiceField(
                label=label,
                choices=YES_NO,
                coerce=lambda v: v == "true",
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
            )
            if not self.is_bound and self.instance.pk:
                value = getattr(self.instance, key)
                self.initial[key] = "" if value is None else ("true" if value else "false")
            self.fields[f"{key}_note"].label = _("Note on: %(criterion)s") % {"criterion": label}

    def pairs(self):
        """(answer, note) bound fields for each criterion, in order."""
        return [(self[key], self[f"{key}_note"]) for key, _label in ProjectFlow.CRITERIA]


class BimodalForm(FlowPartForm):
    class Meta:
        model = ProjectFlow
        fields = ["mode1_effect", "bimodal_maturity"]
        widgets = {f: forms.RadioSelect for f in fields}
        labels = {
            "mode1_effect": _("Effect on mode 1 (the existing operation and core systems)"),
            "bimodal_maturity": _("Bimodal maturity (experience with exploratory work)"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name].required = True
            self.fields[name].choices = self.fields[name].choices[1:]  # no blank choice
            self.fields[name].error_messages["required"] = _("Choose low or high.")


class ImplementationForm(FlowPartForm):
    class Meta:
        model = ProjectFlow
        fields = ["implementation_status", "remaining_here", "remaining_elsewhere", "operation"]
        widgets = {f: TEXT for f in fields}


class GateForm(forms.Form):
    step = forms.ChoiceField(
        choices=GateDecision._meta.get_field("step").choices, widget=forms.HiddenInput
    )
    decision = forms.ChoiceField(
        label=_("Decision"), choices=GateDecision.Decision.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment"),
        max_length=4000,
        widget=TEXT,
        help_text=_("Why, and what the team should do next."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].error_messages["required"] = _("Choose go on, iterate or stop.")
        self.fields["comment"].error_messages["required"] = _("Write a short comment.")

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(_("Write a short comment."))
        return comment


class ExperimentForm(VersionedForm):
    class Meta:
        model = Experiment
        fields = [
            "date",
            "title",
            "prototype",
            "measure",
            "result",
            "learning",
            "decision",
            "responsible",
        ]
        widgets = {
            "date": DATE,
            "prototype": TEXT,
            "measure": TEXT,
            "result": TEXT,
            "learning": TEXT,
        }


class GoalForm(VersionedForm):
    class Meta:
        model = Goal
        fields = ["level", "title", "description", "success", "responsible"]
        widgets = {"description": TEXT, "success": TEXT}


class DesignPrincipleForm(VersionedForm):
    class Meta:
        model = DesignPrinciple
        fields = ["title", "description"]
        widgets = {"description": TEXT}


class IdentifiedBenefitForm(VersionedForm):
    class Meta:
        model = IdentifiedBenefit
        fields = ["title", "kind", "description"]
        widgets = {"description": TEXT}


def _member_choices(field, project):
    """Only the project's editors can be responsible for its work."""
    users = (
        get_user_model()
        .objects.filter(memberships__project=project, memberships__role__in=Membership.EDITOR_ROLES)
        .order_by("first_name", "username")
    )
    field.queryset = users
    field.label_from_instance = lambda u: u.get_full_name() or u.username


class ActivityForm(VersionedForm):
    class Meta:
        model = Activity
        fields = ["responsible", "due_date", "status", "notes"]
        widgets = {"due_date": DATE, "notes": TEXT}


class SupplierForm(VersionedForm):
    class Meta:
        model = Supplier
        fields = [
            "name",
            "delivers",
            "responsibility",
            "area",
            "proactive",
            "proactive_note",
            "reactive",
            "reactive_note",
        ]
        widgets = {"delivers": TEXT}
        help_texts = {
            "proactive": _("1–5: brings ideas and improvements without being asked."),
            "reactive": _("1–5: solves what we ask for, on time."),
        }


class SupplierDialogueForm(VersionedForm):
    class Meta:
        model = SupplierDialogue
        fields = ["supplier", "date", "summary", "next_step"]
        widgets = {"date": DATE, "summary": TEXT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supplier"].queryset = Supplier.objects.filter(project=self.project)


class TouchpointForm(VersionedForm):
    class Meta:
        model = Touchpoint
        fields = ["title", "kind", "description", "status"]
        widgets = {"description": TEXT}


class JourneyStageForm(VersionedForm):
    class Meta:
        model = JourneyStage
        fields = ["title", "actor", "channel", "touchpoints", "pain_points"]
        widgets = {"pain_points": TEXT}


class TrialEntryForm(VersionedForm):
    class Meta:
        model = TrialEntry
        fields = ["date", "title", "questions", "concerns", "positive"]
        widgets = {"date": DATE, "questions": TEXT, "concerns": TEXT, "positive": TEXT}


class LessonForm(VersionedForm):
    class Meta:
        model = Lesson
        fields = ["title", "description"]
        widgets = {"description": TEXT}


class StakeholderForm(VersionedForm):
    class Meta:
        model = Stakeholder
        fields = ["name", "role", "interest", "influence", "needs", "involvement"]
        widgets = {"needs": TEXT, "involvement": TEXT}


class UserProfileForm(VersionedForm):
    class Meta:
        model = UserProfile
        fields = ["title", "description", "jobs", "pains", "gains", "needs", "quotes"]
        widgets = {f: TEXT for f in ["description", "jobs", "pains", "gains", "needs", "quotes"]}


class MeasureForm(VersionedForm):
    class Meta:
        model = Measure
        fields = ["title", "description", "benefit", "effort", "status", "goal", "responsible"]
        widgets = {"description": TEXT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(project=self.project)


class MeasureScoreForm(VersionedForm):
    """Benefit and effort from the ordered table (its selects are written out
    in matrix.html, named with the prefix `score-<pk>`)."""

    class Meta:
        model = Measure
        fields = ["benefit", "effort"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.Meta.fields:
            self.fields[name].error_messages["invalid_choice"] = _(
                "Choose a whole number from 1 to 5."
            )


class SolutionOwnerForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Solution owner"), queryset=None)

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        _member_choices(self.fields["user"], project)
        self.fields["user"].error_messages["required"] = _("Choose a member.")
        self.fields["user"].error_messages["invalid_choice"] = _(
            "Choose one of the project's members."
        )
