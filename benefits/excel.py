"""The benefit plan as an Excel workbook for a finance department, and back.

Sheets: summary, benefits, yearly values, costs, indicators, measurements,
non-priced effects and the co-financing report (reports.py; not read back).
Columns marked `computed` are written for the reader and ignored on import.
imports.py reads a workbook back. Every cell goes through spreadsheets.cell,
so text is never run as a formula.
"""

import io
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from projects import spreadsheets
from projects.models import BenefitKind

from . import assumptions, reports
from . import calculations as calc
from .models import Benefit, BenefitPlan, BenefitValue, Cost, Indicator
from .pages import scenario_names
from .selectors import result_of

AMOUNT_FORMAT = "#,##0"
NUMBER_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # text, int, number, date, choice, user, list, computed
    required: bool = False
    choices: tuple = ()


@dataclass(frozen=True)
class WorkbookError:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("%(sheet)s, row %(row)s, column %(column)s: %(message)s") % {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


def choices(choices) -> tuple:
    return tuple((value, str(label)) for value, label in choices)


def sheets() -> dict[str, tuple[str, list[Column]]]:
    """Record list → (sheet title, columns), in the current language."""
    confirmed = []
    for key, label in (
        ("specific", gettext_lazy("Specific")),
        ("accepted", gettext_lazy("Accepted")),
        ("realistic", gettext_lazy("Realistic")),
    ):
        confirmed += [
            Column(f"{key}_reason", _("%(criterion)s: justification") % {"criterion": label}),
            # Shown, never read back: only a member confirms, on the page.
            Column(
                f"{key}_by", _("%(criterion)s: confirmed by") % {"criterion": label}, "computed"
            ),
        ]
    return {
        "benefits": (
            _("Benefits"),
            [
                Column("id", _("No."), "int", True),
                Column("title", _("Title"), required=True),
                Column("description", _("Description")),
                Column("kind", _("Kind"), "choice", True, choices(BenefitKind.choices)),
                Column("owner", _("Benefit owner"), "user"),
                Column("gainer", _("Who gains"), "choice", True, choices(Benefit.Gainer.choices)),
                Column("measures", _("Measures"), "list"),
                Column("quality_unit", _("Unit for quality")),
                Column("alternative_use", _("Use of the freed time")),
                Column("use_decided_by", _("Who decides the use")),
                Column("counted", _("Counted as money"), "computed"),
            ],
        ),
        "values": (
            _("Yearly values"),
            [
                Column("benefit_id", _("Benefit no."), "int", True),
                Column("benefit_title", _("Benefit"), "computed"),
                Column("year", _("Year"), "int", True),
                Column("basis", _("Basis"), "choice", True, choices(BenefitValue.Basis.choices)),
                Column("a", _("Factor 1"), "number", True),
                Column("b", _("Factor 2"), "number"),
                Column("a_low", _("Factor 1, low"), "number"),
                Column("b_low", _("Factor 2, low"), "number"),
                Column("a_high", _("Factor 1, high"), "number"),
                Column("b_high", _("Factor 2, high"), "number"),
                Column("expected", _("Expected amount"), "computed"),
                Column("low", _("Low amount"), "computed"),
                Column("high", _("High amount"), "computed"),
            ],
        ),
        "costs": (
            _("Costs"),
            [
                Column("title", _("Cost"), required=True),
                Column("year", _("Year"), "int", True),
                Column("kind", _("Kind"), "choice", True, choices(Cost.Kind.choices)),
                Column("expected", _("Expected"), "number", True),
                Column("low", _("Low"), "number"),
                Column("high", _("High"), "number"),
            ],
        ),
        "indicators": (
            _("Indicators"),
            [
                Column("id", _("No."), "int", True),
                Column("benefit_id", _("Benefit no."), "int", True),
                Column("name", _("Name"), required=True),
                Column("unit", _("Unit")),
                Column("baseline_value", _("Baseline value"), "number"),
                Column("baseline_date", _("Baseline date"), "date"),
                Column("target_value", _("Target value"), "number"),
                Column("target_date", _("Target date"), "date"),
                Column("method", _("Method")),
                Column(
                    "frequency",
                    _("Frequency"),
                    "choice",
                    False,
                    choices(Indicator.Frequency.choices),
                ),
                Column("responsible", _("Responsible"), "user"),
                Column("data_source", _("Data source")),
                *confirmed,
            ],
        ),
        "measurements": (
            _("Measurements"),
            [
                Column("indicator_id", _("Indicator no."), "int", True),
                Column("date", _("Date"), "date", True),
                Column("value", _("Value"), "number", True),
                Column("note", _("Note")),
            ],
        ),
    }


def _summary_rows(records: dict, project, result: calc.PlanResult) -> list[list]:
    plan = records["plan"]
    names = list(scenario_names().values())
    rows = [
        [_("Benefit plan"), project.title],
        [],
        [_("Currency"), plan["currency"]],
        [_("First year"), plan["first_year"]],
        [_("Horizon (years)"), plan["horizon"]],
        [_("Discount rate (%)"), plan["discount_rate"]],
        [_("Tolerance against the target path (%)"), plan.get("progress_tolerance")],
        [_("Status"), str(BenefitPlan.Status(plan["status"]).label)],
        [_("Version"), plan["edition"]],
        [_("Benefit owner (accountable)"), plan.get("accountable", "")],
        [_("Prices"), assumptions.fixed_prices(plan["first_year"])],
        [],
        [_("Key figure"), *names],
    ]
    scenarios = list(result.scenarios.values())
    rows += [
        [_("Benefits"), *[s.totals["benefits"] for s in scenarios]],
        [_("Costs"), *[s.totals["costs"] for s in scenarios]],
        [_("Net benefit"), *[s.totals["net"] for s in scenarios]],
        [_("Net present value"), *[s.npv for s in scenarios]],
        [_("Payback year"), *[s.payback_year or "–" for s in scenarios]],
        [],
        [
            _("Year"),
            *[str(BenefitKind(k).label) for k in calc.MONEY_KINDS],
            _("Benefits"),
            _("One-off costs"),
            _("Running costs"),
            _("Costs"),
            _("Net"),
            _("Cumulative net"),
        ],
    ]
    table = result.scenarios[calc.EXPECTED].table
    for year in result.years:
        rows.append([year, *[float(table.at[year, c]) for c in calc.TABLE_COLUMNS]])
    return rows


# The settings rows of the summary sheet, for reading back: row → key.
SETTINGS_ROWS = {3: "currency", 4: "first_year", 5: "horizon", 6: "discount_rate"}


def workbook_bytes(
    records: dict, *, project, extra: dict[str, pd.DataFrame] | None = None
) -> bytes:
    """The plan's records as an .xlsx file; `extra` adds sheets (title →
    frame) for the reader, which an import ignores."""
    result = result_of(records)
    titles = {b["id"]: b["title"] for b in records["benefits"]}
    amounts = calc.value_amounts(
        pd.DataFrame.from_records(records["values"], columns=calc.VALUE_COLUMNS)
    )
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        rows = _summary_rows(records, project, result)
        width = max(len(r) for r in rows)
        summary = pd.DataFrame(
            [[spreadsheets.cell(v) for v in r] + [None] * (width - len(r)) for r in rows]
        )
        summary.to_excel(writer, sheet_name=_("Summary"), header=False, index=False)
        # The computed amounts as plain lists: a pandas lookup per cell costs more than the sheet.
        computed = {
            c.key: amounts[c.key].astype(float).tolist()
            for c in sheets()["values"][1]
            if c.kind == "computed" and c.key in amounts.columns
        }
        for key, (title, columns) in sheets().items():
            rows = []
            for n, record in enumerate(records[key]):
                row = []
                for col in columns:
                    if key == "values" and col.key == "benefit_title":
                        value = titles[record["benefit_id"]]
                    elif key == "values" and col.kind == "computed":
                        value = computed[col.key][n]
                    else:
                        value = record.get(col.key)
                    row.append(spreadsheets.cell(_cell(col, value)))
                rows.append(row)
            frame = pd.DataFrame(rows, columns=[c.header for c in columns])
            frame.to_excel(writer, sheet_name=title, index=False)
        _append_sheets(writer.book, reports.sheet_rows(records, reports.report_of(records)))
        for title, frame in (extra or {}).items():
            frame.map(spreadsheets.cell).to_excel(writer, sheet_name=title, index=False)
        _style(writer.book)
    return out.getvalue()


def _append_sheets(book, sheets: dict[str, list[list]]) -> None:
    """Sheets written straight to the workbook (no frame: they are small and
    their rows vary in width)."""
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append([spreadsheets.cell(v) for v in row])


def _cell(col: Column, value):
    if value is None:
        return None
    if col.kind == "choice":
        return dict(col.choices).get(value, value) if value else None
    if col.kind == "list":
        return "; ".join(value)
    if col.kind == "computed" and isinstance(value, bool):
        return _("Yes") if value else _("No")
    return value if value != "" else None


def _style(book) -> None:
    """Bold heads, frozen head rows, column widths by their longest value, and
    number formats: one pass over each sheet's cells."""
    bold = Font(bold=True)
    first = book.worksheets[0].title
    for sheet in book.worksheets:
        sheet.freeze_panes = "A2" if sheet.title != first else None
        widths: dict[int, int] = {}
        for n, row in enumerate(sheet.iter_rows()):
            for cell in row:
                value = cell.value
                if value is None:
                    widths.setdefault(cell.column, 0)
                    continue
                widths[cell.column] = max(widths.get(cell.column, 0), len(str(value)))
                if n == 0:
                    continue
                if isinstance(value, float):
                    cell.number_format = AMOUNT_FORMAT if value.is_integer() else NUMBER_FORMAT
                elif isinstance(value, date | datetime):
                    cell.number_format = DATE_FORMAT
            if n == 0:
                for cell in row:
                    cell.font = bold
        for column, width in widths.items():
            sheet.column_dimensions[get_column_letter(column)].width = min(max(10, width + 2), 60)
