from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import EmailChoice, Preference


class EmailChoiceForm(forms.Form):
    email = forms.ChoiceField(
        label=_("E-mail about notifications"),
        choices=EmailChoice,
        widget=forms.RadioSelect,
        help_text=_("The daily digest also lists what you are responsible for that is due."),
    )

    def __init__(self, *args, user, **kwargs):
        chosen = Preference.objects.filter(user=user).values_list("email", flat=True).first()
        super().__init__(*args, initial={"email": chosen or EmailChoice.DIGEST}, **kwargs)
