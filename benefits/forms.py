import json
from datetime import date
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from projects.forms import validate_upload_size
from projects.widgets import CountedTextarea

from . import amounts, assumptions, calculations, progress, smarte
from .models import Benefit, BenefitPlan, BenefitValue, Cost, Indicator, Measurement
from .selectors import digest

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NUMBER = {"inputmode": "decimal", "autocomplete": "off"}


class AmountField(forms.DecimalField):
    """A number as people type it here: 1 234 567,50 (spaces and a decimal comma)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        too_long = _(
            "Give a number with at most %(whole)s digits before and %(places)s after "
            "the decimal comma."
        ) % {
            "whole": amounts.INTEGER_DIGITS,
            "places": amounts.DECIMAL_PLACES,
        }
        self.error_messages.update(max_digits=too_long, max_whole_digits=too_long)

    def to_python(self, value):
        if isinstance(value, str):
            value = "".join(value.split()).replace("\u202f", "").replace(",", ".")
        return super().to_python(value)


class VersionedForm(forms.ModelForm):
    # The version the user started from; a stale one is refused by the service.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        for name, fld in self.fields.items():
            if isinstance(fld, forms.DecimalField):
                self.fields[name] = AmountField(
                    required=fld.required,
                    label=fld.label,
                    help_text=fld.help_text,
                    max_digits=fld.max_digits,
                    decimal_places=fld.decimal_places,
                    localize=True,
                    widget=forms.TextInput(attrs=NUMBER),
                )
            if name in ("first_year", "horizon"):
                fld.widget.attrs["inputmode"] = "numeric"


def _members(project):
    return (
        get_user_model()
        .objects.filter(memberships__project=project)
        .order_by("first_name", "username")
    )


class PlanForm(VersionedForm):
    class Meta:
        model = BenefitPlan
        fields = ["currency", "first_year", "horizon", "discount_rate", "progress_tolerance"]
        help_texts = {
            "progress_tolerance": _("Percentage points behind the target path, 0–100. Empty: 10."),
            "discount_rate": assumptions.RATE_HELP,
            "horizon": _("How many years the plan counts benefits and costs, 1–30."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["progress_tolerance"].required = False  # a workbook has none
        self.fields["progress_tolerance"].initial = Decimal(progress.DEFAULT_TOLERANCE)

    def clean_progress_tolerance(self):
        value = self.cleaned_data["progress_tolerance"]
        return Decimal(progress.DEFAULT_TOLERANCE) if value is None else value

    def clean(self):
        cleaned = super().clean()
        first, horizon = cleaned.get("first_year"), cleaned.get("horizon")
        if self.instance.pk and first and horizon:
            # Values and costs outside the years would silently drop out of the sums.
            years = range(first, first + horizon)
            plan = self.instance
            outside = sorted(
                {
                    *BenefitValue.objects.filter(benefit__plan=plan)
                    .exclude(year__in=years)
                    .values_list("year", flat=True),
                    *plan.costs.exclude(year__in=years).values_list("year", flat=True),
                }
            )
            if outside:
                raise forms.ValidationError(
                    _(
                        "The plan has values or costs in %(years)s. Clear them before "
                        "leaving those years out of the plan."
                    )
                    % {"years": ", ".join(str(y) for y in outside)}
                )
        return cleaned


class BenefitForm(VersionedForm):
    class Meta:
        model = Benefit
        fields = [
            "title",
            "description",
            "kind",
            "owner",
            "gainer",
            "measures",
            "quality_unit",
            "alternative_use",
            "use_decided_by",
            "no_indicator_reason",
        ]
        widgets = {
            "description": CountedTextarea(attrs={"rows": 3}),
            "no_indicator_reason": CountedTextarea(attrs={"rows": 2}),
            "measures": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "quality_unit": _("For quality benefits: the unit their values are given in."),
            "alternative_use": _(
                "For time saved: what the freed time will be used for. Without it and "
                "someone who decides it, time saved is shown but not counted as money."
            ),
            "no_indicator_reason": _(
                "Leave empty when the benefit has an indicator. Fill in only when it is "
                "followed up some other way, and say how and why (at most 500 characters): "
                "the plan can then be submitted without an indicator for it."
            ),
        }

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _members(project)
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["measures"].queryset = project.measures.all()

    def fields_key(self, *, benefit: Benefit | None, change_stamp) -> str:
        """What the unbound form's visible fields show: the benefit, the
        project's measures and members as at the project's `change_stamp`
        (every recorded change of them replaces it), and the names the owner
        list offers, which are no rows of the project."""
        owner = self.fields["owner"]
        names = tuple((u.pk, owner.label_from_instance(u)) for u in owner.queryset)
        return digest(("benefit-form", benefit.pk if benefit else None, change_stamp, names))

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Give the benefit a title."))
        return title

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("kind") == calculations.QUALITY
            and not cleaned.get("quality_unit", "").strip()
        ):
            self.add_error("quality_unit", _("Say which unit the quality benefit is measured in."))
        return cleaned


# The factors' names under each basis (the second is None when there is none).
FACTOR_NAMES = {
    calculations.DIRECT: (_("Amount"), None),
    calculations.TASKS: (_("Tasks per year"), _("Cost per task")),
    calculations.HOURS: (_("Hours saved"), _("Hourly cost")),
    calculations.CONSUMPTION: (_("Consumption in kroner"), _("Expected reduction (%)")),
    calculations.PRICE: (_("Old price"), _("New price")),
}


def factor_labels(basis: str | None) -> dict[str, str]:
    """The factor fields' labels under `basis` (those it names)."""
    first, second = FACTOR_NAMES.get(basis, (None, None))
    labels = {}
    for suffix, estimate in (("", None), ("_low", _("low")), ("_high", _("high"))):
        for name, label in (("a", first), ("b", second)):
            if label is not None:
                labels[name + suffix] = f"{label}, {estimate}" if estimate else str(label)
    return labels


class ValueForm(VersionedForm):
    class Meta:
        model = BenefitValue
        fields = ["basis", "a", "b", "a_low", "b_low", "a_high", "b_high"]
        labels = {
            "a": _("First factor (or the amount)"),
            "b": _("Second factor"),
            "a_low": _("First factor, low estimate"),
            "b_low": _("Second factor, low estimate"),
            "a_high": _("First factor, high estimate"),
            "b_high": _("Second factor, high estimate"),
        }
        help_texts = {
            "basis": _(
                "Direct amount: the amount. Tasks: tasks avoided × cost per task. "
                "Consumption: consumption in kroner × expected reduction in %. "
                "Price: old price − new price. Hours: hours saved × hourly cost."
            ),
            "a_low": _("Leave the estimates empty to use the expected factor."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        basis = self.data.get(self.add_prefix("basis")) if self.is_bound else self.instance.basis
        for name, label in factor_labels(basis).items():
            self.fields[name].label = label
        # The labels follow the basis chosen in the browser too (benefits.js).
        names = {choice: factor_labels(choice) for choice in FACTOR_NAMES}
        self.fields["basis"].widget.attrs["data-factor-labels"] = json.dumps(names)

    def clean(self):
        cleaned = super().clean()
        basis, a, b = cleaned.get("basis"), cleaned.get("a"), cleaned.get("b")
        if basis is None or a is None:
            return cleaned
        if basis != calculations.DIRECT and b is None:
            self.add_error("b", _("This basis needs a second factor."))
            return cleaned
        factors = {k: cleaned.get(k) for k in calculations.FACTORS}
        expected, low, high = calculations.value_cases(basis=basis, **factors)
        if not low <= expected <= high:
            raise forms.ValidationError(
                _("The low estimate must give at most the expected value, the high at least.")
            )
        return cleaned


class CostForm(VersionedForm):
    class Meta:
        model = Cost
        fields = ["title", "year", "kind", "expected", "low", "high"]
        help_texts = {"low": _("Leave low and high empty when the cost is certain.")}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"] = forms.TypedChoiceField(
            label=_("Year"),
            coerce=int,
            choices=[(y, y) for y in plan.years],
            error_messages={"invalid_choice": _("The year is outside the plan's years.")},
        )
        if self.instance.pk is None:
            self.fields["until"] = forms.TypedChoiceField(
                label=_("And every year up to"),
                help_text=_("For a cost that repeats: the same cost in each year up to this one."),
                coerce=int,
                required=False,
                empty_value=None,
                choices=[("", "–"), *((y, y) for y in plan.years)],
                error_messages={"invalid_choice": _("The year is outside the plan's years.")},
            )

    def clean(self):
        cleaned = super().clean()
        year, until = cleaned.get("year"), cleaned.get("until")
        if year is not None and until is not None and until < year:
            self.add_error("until", _("The last year cannot come before the first."))
        expected = cleaned.get("expected")
        if expected is not None:
            low, high = calculations.estimates(expected, cleaned.get("low"), cleaned.get("high"))[
                1:
            ]
            if expected < 0:
                self.add_error("expected", _("A cost cannot be negative."))
            elif not low <= expected <= high:
                raise forms.ValidationError(
                    _("The low estimate must be at most the expected cost, the high at least.")
                )
        return cleaned


class IndicatorForm(VersionedForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "method",
            "frequency",
            "responsible",
            "data_source",
        ]
        widgets = {"baseline_date": DATE, "target_date": DATE}
        help_texts = {
            "baseline_value": _("The value before the change (nullpunkt)."),
            "method": _("How the value is measured, so the next person measures it the same way."),
        }

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = _members(project)
        self.fields["responsible"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["frequency"].choices = [("", "–"), *Indicator.Frequency.choices]

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the indicator a name."))
        return name


class ConfirmForm(forms.Form):
    criterion = forms.ChoiceField(
        label=_("Criterion"),
        choices=[(key, smarte.CRITERIA[key][1]) for key in smarte.CONFIRMED],
    )
    reason = forms.CharField(label=_("Justification"), max_length=500)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if len(reason) < 10:
            raise forms.ValidationError(_("Write a short justification (at least 10 characters)."))
        return reason


class MeasurementForm(forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["value", "date", "note"]
        widgets = {"date": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        value = self.fields["value"]
        self.fields["value"] = AmountField(
            label=value.label,
            max_digits=value.max_digits,
            decimal_places=value.decimal_places,
            localize=True,
            widget=forms.TextInput(attrs=NUMBER),
        )
        if not self.is_bound:
            self.initial.setdefault("date", date.today())

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > date.today():
            raise forms.ValidationError(_("A measurement cannot be dated in the future."))
        return day


class DeleteForm(forms.Form):
    # The version the person saw; a changed or deleted row is refused as stale.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ImportForm(forms.Form):
    workbook = forms.FileField(
        label=_("Workbook (.xlsx)"),
        help_text=_("A workbook exported from this plan, changed in a spreadsheet program."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        validators=[validate_upload_size],
    )
