"""Form widgets shared by every app."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CountedTextarea(forms.Textarea):
    """A textarea that shows how many characters are left as its text nears its
    maxlength (static/js/portal.js reads data-counter; without JS the browser's
    maxlength and the form's own message still hold)."""

    def __init__(self, attrs=None):
        counter = _("{left} of {max} characters left")
        super().__init__({"data-counter": counter, **(attrs or {})})
