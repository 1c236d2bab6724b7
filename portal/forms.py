from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

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

    class Meta:
        model = UnitRating
        fields = ["ambition", "capacity", "comment"]
        widgets = {
            "ambition": forms.RadioSelect,
            "capacity": forms.RadioSelect,
            "comment": CountedTextarea(attrs={"rows": 2}),
        }
