"""The form a link of the benefit map is made with: two lists and a text."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .benefit_map import link_refusal

BLANK = [("", _("Choose…"))]


class MapLinkForm(forms.Form):
    source = forms.ChoiceField(label=_("From"))
    target = forms.ChoiceField(label=_("Leads to"))
    assumption = forms.CharField(
        label=_("Assumption"),
        required=False,
        max_length=500,
        help_text=_("What must hold for this step to happen (optional)."),
    )

    def __init__(self, *args, choices: dict, existing: set, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = BLANK + choices["source"]
        self.fields["target"].choices = BLANK + choices["target"]
        self.existing = existing

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        refusal = link_refusal(source=data["source"], target=data["target"], existing=self.existing)
        if refusal:
            raise forms.ValidationError(refusal)
        return data
