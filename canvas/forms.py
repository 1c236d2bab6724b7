from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from projects.widgets import CountedTextarea

from .blocks import BLOCK_CHOICES, COLOUR_CHOICES
from .models import NOTE_MAX_LENGTH

TEXT_ERRORS = {
    "required": _("Write the note: 1 to 500 characters."),
    "max_length": _("A note holds at most 500 characters (it has %(show_value)d)."),
}


def _text_field(label, widget=None, help_text="") -> forms.CharField:
    # strip=True trims the text, so a note of only spaces is empty and refused.
    return forms.CharField(
        label=label,
        max_length=NOTE_MAX_LENGTH,
        strip=True,
        error_messages=TEXT_ERRORS,
        widget=widget,
        help_text=help_text,
    )


class CanvasForm(forms.Form):
    title = forms.CharField(
        label=_("Name of the canvas"),
        max_length=200,
        help_text=_('For example "Today" or "The future service".'),
        error_messages={"required": _("Give the canvas a name.")},
    )


class NoteAddForm(forms.Form):
    text = _text_field(_("New note"))
    block = forms.ChoiceField(choices=BLOCK_CHOICES, widget=forms.HiddenInput)


class NoteForm(forms.Form):
    text = _text_field(
        _("Text"),
        widget=CountedTextarea(attrs={"rows": 3}),
        help_text=_("Enter saves, Shift+Enter starts a new line."),
    )
    color = forms.ChoiceField(label=_("Colour"), choices=COLOUR_CHOICES)
    hypothesis = forms.BooleanField(label=_("Hypothesis to test"), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)


class NoteMoveForm(forms.Form):
    version = forms.IntegerField()
    block = forms.ChoiceField(choices=BLOCK_CHOICES, required=False)
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")], required=False)
    # The place in the block counted from 0, as a drop gives it.
    position = forms.IntegerField(min_value=0, max_value=100_000, required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("block") or data.get("direction") or data.get("position") is not None):
            raise forms.ValidationError(_("Choose where to move the note."))
        return data


class SnapshotForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the snapshot"),
        max_length=200,
        error_messages={"required": _("Give the snapshot a name.")},
    )


def _snapshot_label(snapshot) -> str:
    """A snapshot's name, or its time when it has none (an empty choice names nothing)."""
    when = formats.date_format(timezone.localtime(snapshot.created_at), "SHORT_DATETIME_FORMAT")
    return snapshot.name.strip() or when


class CompareForm(forms.Form):
    """Two versions to compare: snapshot ids, or "current" for the board now."""

    a = forms.ChoiceField(label=_("Compare"))
    b = forms.ChoiceField(label=_("with"))

    def __init__(self, *args, snapshots, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(s.pk), _snapshot_label(s)) for s in snapshots]
        choices.append(("current", _("The board now")))
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices
        self.fields["b"].initial = "current"  # the usual question: what changed since?
