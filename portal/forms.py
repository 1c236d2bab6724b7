from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from benefits.selectors import digest
from projects.forms import validate_upload_size
from projects.models import Project, Unit
from projects.widgets import CountedTextarea

from .models import UnitRating


class PortalFormRenderer(TemplatesSetting):
    """Renders every field with Designsystemet's markup (templates/_field.html)."""

    field_template_name = "_field.html"


class PortfolioFilterForm(forms.Form):
    """The portfolio's filters and sort order, read from the query string."""

    all_optional = True  # no "(optional)" on every field

    SORTS = {
        "title": _("Title"),
        "unit": _("Unit"),
        "step": _("Step"),
        "status": _("Status"),
        "funnel_stage": _("Funnel stage"),
        "-updated_at": _("Last change"),
    }

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    unit = forms.ModelChoiceField(
        label=_("Unit"), queryset=Unit.objects.all(), required=False, empty_label=_("All")
    )
    step = forms.ChoiceField(label=_("Step"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    funnel_stage = forms.ChoiceField(label=_("Funnel stage"), required=False)
    deviations = forms.BooleanField(label=_("Only projects with deviations"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False)
    order = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Ascending")), ("desc", _("Descending"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["step"].choices = every + Project.Step.choices
        self.fields["status"].choices = every + Project.Status.choices
        self.fields["funnel_stage"].choices = every + Project.FunnelStage.choices
        self.fields["sort"].choices = list(self.SORTS.items())

    def filters(self) -> dict:
        """The valid filters; an invalid value filters nothing rather than failing."""
        if not self.is_valid():
            return {
                name: value for name, value in self.cleaned_data.items() if name not in self.errors
            }
        return self.cleaned_data


class UnitRatingForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The version the leader sees (0: no rating yet), so a save made by
        # someone else meanwhile, a first rating too, is refused.
        self.fields["version"].initial = self.instance.version if self.instance.pk else 0

    @staticmethod
    def fields_key(*, unit: Unit, rating: UnitRating | None) -> str:
        """What the unit's unbound form shows in its fields: the unit's
        prefix and its rating as it is (any change moves its version)."""
        shown = None
        if rating is not None:
            shown = (rating.pk, rating.version, rating.ambition, rating.capacity, rating.comment)
        return digest(("unit-rating-form", unit.pk, shown))

    class Meta:
        model = UnitRating
        fields = ["ambition", "capacity", "comment"]
        widgets = {
            "ambition": forms.RadioSelect,
            "capacity": forms.RadioSelect,
            "comment": CountedTextarea(attrs={"rows": 2}),
        }


class TemplateMarkForm(forms.Form):
    description = forms.CharField(
        label=_("What the project achieved"),
        max_length=1000,
        widget=CountedTextarea(attrs={"rows": 4}),
        help_text=_(
            "A few sentences for the teams choosing a template: what it achieved, for whom."
        ),
    )
    source = forms.CharField(
        label=_("Source organisation"),
        max_length=200,
        help_text=_("The organisation the project comes from, e.g. the municipality."),
    )


class TemplateUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Template file (.json)"),
        help_text=_("A template downloaded from the Templates page of another installation."),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
        validators=[validate_upload_size],
    )


class TemplateUseForm(forms.Form):
    title = forms.CharField(label=_("Title of the new project"), max_length=200)
    unit = forms.ModelChoiceField(Unit.objects.all(), label=_("Unit"), required=False)
    parts = forms.MultipleChoiceField(
        label=_("What to copy"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one part to copy.")},
    )

    def __init__(self, *args, template, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(key, label) for key, label, _rows in template.parts]
        self.fields["parts"].choices = choices
        self.fields["parts"].initial = [key for key, _label in choices]
