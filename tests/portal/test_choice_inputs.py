"""Checkbox and radio options written in one loop of multiple_input.html, as Django's
per-option templates with the portal's input.html write them."""

from django import forms
from django.utils.safestring import mark_safe


class Choices(forms.Form):
    kinds = forms.MultipleChoiceField(
        label="Kinds",
        choices=[("a", "A & B"), ("b", mark_safe("<i>B</i>"))],
        widget=forms.CheckboxSelectMultiple,
        initial=["b"],
        required=False,
    )
    level = forms.ChoiceField(label="Level", choices=[(1, 1), (2, 2)], widget=forms.RadioSelect)


def test_checkbox_options_are_escaped_checked_and_labelled():
    html = str(Choices()["kinds"])
    assert html == (
        '<div id="id_kinds">'
        '<div>\n    <label for="id_kinds_0"><input type="checkbox" name="kinds" class="ds-input"'
        ' value="a" id="id_kinds_0">\n A &amp; B</label>\n\n</div>'
        '<div>\n    <label for="id_kinds_1"><input type="checkbox" name="kinds" class="ds-input"'
        ' value="b" id="id_kinds_1" checked>\n <i>B</i></label>\n\n</div>\n</div>'
    )


def test_radio_options_carry_the_widget_attributes():
    html = str(Choices()["level"])
    assert (
        '<label for="id_level_1"><input type="radio" name="level" class="ds-input" value="2"'
        ' required id="id_level_1">\n 2</label>'
    ) in html
