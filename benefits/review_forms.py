"""The forms of a plan's review: a decision, starting a revision and
throwing one away."""

from django import forms
from django.utils.translation import gettext_lazy as _

from projects.widgets import CountedTextarea


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=4000,
        widget=CountedTextarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class RevisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the plan is revised"),
        max_length=4000,
        widget=CountedTextarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why the plan is revised.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DiscardForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, throw away every change made in this revision"),
        error_messages={"required": _("Tick the box to confirm that the revision is discarded.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
