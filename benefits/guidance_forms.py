"""Forms for what benefit guidance asks of a plan beyond its numbers: the
accountable owner (gevinsteier), each benefit's responsible person
(gevinstansvarlig) or external owner, the plus-minus assessment of effects
not counted in money, and realised amounts for the co-financing report."""

from django import forms
from django.utils.translation import gettext_lazy as _

from projects.widgets import CountedTextarea

from . import calculations
from .forms import AmountField, BenefitForm, VersionedForm, _members
from .models import BenefitPlan


def _person(user) -> str:
    return user.get_full_name() or user.username


class PlanBenefitForm(BenefitForm):
    """The benefit as the plan page edits it: the workbook's fields and the
    assessment and external owner, which the workbook does not carry."""

    class Meta(BenefitForm.Meta):
        fields = [
            *BenefitForm.Meta.fields,
            "external_owner_name",
            "external_owner_org",
            "assessment",
            "assessment_reason",
        ]
        widgets = {
            **BenefitForm.Meta.widgets,
            "assessment_reason": CountedTextarea(attrs={"rows": 2}),
        }
        labels = {"owner": _("Responsible for the benefit (gevinstansvarlig)")}
        help_texts = {
            **BenefitForm.Meta.help_texts,
            "owner": _("A member of the project who follows the benefit up."),
            "external_owner_name": _(
                "When the benefit falls to another organisation: who owns it there. "
                "The responsible person in the project may then be left empty."
            ),
            "assessment": _(
                "For a benefit not counted in money: DFØ's plus-minus scale, from −−− "
                "(very negative) through 0 to +++ (very positive)."
            ),
        }

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("external_owner_name", "").strip()
        org = cleaned.get("external_owner_org", "").strip()
        cleaned["external_owner_name"], cleaned["external_owner_org"] = name, org
        if name and not org:
            self.add_error("external_owner_org", _("Name the external owner's organisation."))
        if org and not name:
            self.add_error(
                "external_owner_name", _("Name the benefit's owner in %(org)s.") % {"org": org}
            )
        assessment = cleaned.get("assessment")
        reason = cleaned.get("assessment_reason", "").strip()
        cleaned["assessment_reason"] = reason
        if assessment is not None:
            counted = calculations.counts_in_money(
                kind=cleaned.get("kind", ""),
                alternative_use=cleaned.get("alternative_use", ""),
                decided_by=cleaned.get("use_decided_by", ""),
            )
            if counted:
                self.add_error(
                    "assessment",
                    _(
                        "The benefit is counted in money; the plus-minus assessment is "
                        "for those that are not."
                    ),
                )
            elif not reason:
                self.add_error("assessment_reason", _("Justify the assessment."))
        return cleaned


class AccountableForm(VersionedForm):
    """The plan's accountable owner: a member, or someone outside by name and role."""

    class Meta:
        model = BenefitPlan
        fields = ["accountable", "accountable_name", "accountable_role"]
        labels = {
            "accountable": _("A member of the project"),
            "accountable_name": _("Or someone outside the project: name"),
            "accountable_role": _("Their role (e.g. head of the unit)"),
        }
        help_texts = {
            "accountable": _(
                "The line manager accountable for realising the plan's benefits (gevinsteier)."
            ),
        }

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accountable"].queryset = _members(project)
        self.fields["accountable"].label_from_instance = _person

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("accountable_name", "").strip()
        role = cleaned.get("accountable_role", "").strip()
        cleaned["accountable_name"], cleaned["accountable_role"] = name, role
        if cleaned.get("accountable") and (name or role):
            raise forms.ValidationError(
                _("Choose a member or name someone outside the project, not both.")
            )
        if name and not role:
            self.add_error("accountable_role", _("Give the role of the person named."))
        if role and not name:
            self.add_error("accountable_name", _("Give the name of the person in that role."))
        return cleaned


class RealisationForm(forms.Form):
    """What a benefit counted in money brought in a year; an empty amount clears it."""

    benefit = forms.TypedChoiceField(label=_("Benefit"), coerce=int)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    amount = AmountField(
        label=_("Realised amount"),
        required=False,
        max_digits=14,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=_("Leave empty to remove what is recorded for the year."),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, benefits, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["benefit"].choices = [(b.pk, b.title) for b in benefits]
        self.fields["year"].choices = [(y, str(y)) for y in years]
