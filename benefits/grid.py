"""The values grid: a benefit's value in every year of the plan in one form.
Each year is a `ValueForm` (the single-value form, so the same checks), and
"same value from year X to Y" copies one year's row onto the following years."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import calculations
from .forms import ValueForm
from .models import Benefit, BenefitPlan


class FillForm(forms.Form):
    fill_from = forms.TypedChoiceField(
        label=_("Same value from year"), coerce=int, required=False, empty_value=None
    )
    fill_to = forms.TypedChoiceField(
        label=_("to year"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("fill_from", "fill_to"):
            self.fields[name].choices = [("", "–"), *((y, y) for y in years)]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("fill_from"), cleaned.get("fill_to")
        if (start is None) != (end is None):
            raise forms.ValidationError(_("Choose both the first and the last year to fill."))
        if start is not None and end <= start:
            raise forms.ValidationError(_("The last year to fill must come after the first."))
        return cleaned


class ValueGrid:
    """One `ValueForm` per year of the plan (prefix `y<year>`), a formset in
    which an empty row means "no value this year"."""

    basis_help = ValueForm._meta.help_texts["basis"]

    def __init__(self, data, *, plan: BenefitPlan, benefit: Benefit):
        self.data, self._plan, self._benefit = data, plan, benefit
        self.years = plan.years
        self.stored = {v.year: v for v in benefit.values.all()}
        self.fill = FillForm(data, years=self.years, prefix="fill")
        self.rows = [
            (
                year,
                ValueForm(self._row_data(year), instance=self.stored.get(year), prefix=f"y{year}"),
            )
            for year in self.years
        ]
        for _year, form in self.rows:
            for field in form.fields.values():  # said once above the grid, not in every row
                field.help_text = ""

    def _row_data(self, year: int):
        """The row as posted, or None (unbound) when the row is left empty."""
        if self.data is None:
            return None
        if self._blank(year):
            return None
        return self.data

    def _blank(self, year: int) -> bool:
        return all(not self.data.get(f"y{year}-{k}", "").strip() for k in calculations.FACTORS)

    def _version(self, year: int) -> int | None:
        posted = self.data.get(f"y{year}-version", "")
        return int(posted) if posted.isdigit() else None

    def is_valid(self) -> bool:
        if self.data is None:
            return False
        rows = [form.is_valid() for year, form in self.rows if not self._blank(year)]
        if not self.fill.is_valid():
            return False
        start = self.fill.cleaned_data.get("fill_from")
        if start is not None and self._blank(start):
            self.fill.add_error(None, _("Give a value in the first year to fill from."))
            return False
        return all(rows)

    def changes(self) -> dict[int, tuple[dict | None, int | None]]:
        """Each year's new value (None: no value) and the version it was typed on."""
        result = {}
        for year, form in self.rows:
            version = form.cleaned_data["version"] if form.is_bound else self._version(year)
            result[year] = (form.cleaned_data if form.is_bound else None, version)
        start, end = self.fill.cleaned_data.get("fill_from"), self.fill.cleaned_data.get("fill_to")
        if start is not None:
            source = result[start][0]
            for year in range(start + 1, end + 1):
                result[year] = ({**source, "version": result[year][1]}, result[year][1])
        return result

    def with_current_versions(self, current: dict[int, int]) -> "ValueGrid":
        """The grid as typed, carrying the versions stored now: after a refused
        stale grid nothing typed is lost, and saving again replaces what is stored."""
        data = self.data.copy()
        for year in self.years:
            data[f"y{year}-version"] = current.get(year, "")
        return type(self)(data, plan=self._plan, benefit=self._benefit)
