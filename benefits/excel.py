"""The benefit plan as an Excel workbook for a finance department, and back.

Sheets: summary, benefits, yearly values, costs, indicators, measurements.
Columns marked `computed` are written for the reader and ignored on import.
A workbook read back gives the plan's records (see selectors.LoadedPlan) or a
list of errors by sheet, row and column; reading never changes anything.
"""

import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import pandas as pd
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from projects.models import BenefitKind

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


def _choices(choices) -> tuple:
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
            Column(f"{key}_by", _("%(criterion)s: confirmed by") % {"criterion": label}, "user"),
        ]
    return {
        "benefits": (
            _("Benefits"),
            [
                Column("id", _("No."), "int", True),
                Column("title", _("Title"), required=True),
                Column("description", _("Description")),
                Column("kind", _("Kind"), "choice", True, _choices(BenefitKind.choices)),
                Column("owner", _("Benefit owner"), "user"),
                Column("gainer", _("Who gains"), "choice", True, _choices(Benefit.Gainer.choices)),
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
                Column("basis", _("Basis"), "choice", True, _choices(BenefitValue.Basis.choices)),
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
                Column("kind", _("Kind"), "choice", True, _choices(Cost.Kind.choices)),
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
                    _choices(Indicator.Frequency.choices),
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
        [_("Status"), str(BenefitPlan.Status(plan["status"]).label)],
        [_("Version"), plan["revision"]],
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


def workbook_bytes(records: dict, *, project) -> bytes:
    """The plan's records as an .xlsx file."""
    result = result_of(records)
    titles = {b["id"]: b["title"] for b in records["benefits"]}
    amounts = calc.value_amounts(
        pd.DataFrame.from_records(records["values"], columns=calc.VALUE_COLUMNS)
    )
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        rows = _summary_rows(records, project, result)
        width = max(len(r) for r in rows)
        summary = pd.DataFrame([r + [None] * (width - len(r)) for r in rows])
        summary.to_excel(writer, sheet_name=_("Summary"), header=False, index=False)
        for key, (title, columns) in sheets().items():
            rows = []
            for n, record in enumerate(records[key]):
                row = []
                for col in columns:
                    if key == "values" and col.key == "benefit_title":
                        value = titles[record["benefit_id"]]
                    elif key == "values" and col.kind == "computed":
                        value = float(amounts.at[n, col.key])
                    else:
                        value = record.get(col.key)
                    row.append(_cell(col, value))
                rows.append(row)
            frame = pd.DataFrame(rows, columns=[c.header for c in columns])
            frame.to_excel(writer, sheet_name=title, index=False)
        _style(writer.book)
    return out.getvalue()


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
    for sheet in book.worksheets:
        sheet.freeze_panes = "A2" if sheet.title != book.worksheets[0].title else None
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for column in sheet.columns:
            width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
            sheet.column_dimensions[get_column_letter(column[0].column)].width = min(
                max(10, width + 2), 60
            )
            for cell in column[1:]:
                if isinstance(cell.value, float):
                    cell.number_format = AMOUNT_FORMAT if cell.value.is_integer() else NUMBER_FORMAT
                elif isinstance(cell.value, date | datetime):
                    cell.number_format = DATE_FORMAT


class _Reader:
    def __init__(self, *, users: dict, measures: set):
        self.users, self.measures = users, measures
        self.errors: list[WorkbookError] = []

    def error(self, sheet, row, column, message):
        self.errors.append(WorkbookError(str(sheet), row, str(column), str(message)))

    def value(self, sheet: str, row: int, col: Column, raw):
        if isinstance(raw, str):
            raw = raw.strip()
        if raw is None or raw == "":
            if col.required:
                self.error(sheet, row, col.header, _("A value is required."))
            return (
                []
                if col.kind == "list"
                else ("" if col.kind in ("text", "user", "choice") else None)
            )
        try:
            return self._convert(col, raw)
        except (ValueError, InvalidOperation, TypeError):
            messages = {
                "int": _("Expected a whole number."),
                "number": _("Expected a number."),
                "date": _("Expected a date (YYYY-MM-DD)."),
            }
            self.error(sheet, row, col.header, messages.get(col.kind, _("Not understood.")))
        except LookupError as missing:
            self.error(sheet, row, col.header, missing.args[0])
        return None

    def _convert(self, col: Column, raw):
        if col.kind == "int":
            if isinstance(raw, float) and not raw.is_integer():
                raise ValueError
            return int(raw)
        if col.kind == "number":
            if isinstance(raw, str):
                raw = "".join(raw.split()).replace(",", ".")
            return float(Decimal(str(raw)).quantize(Decimal("0.01")))
        if col.kind == "date":
            if isinstance(raw, datetime):
                return raw.date()
            if isinstance(raw, date):
                return raw
            return date.fromisoformat(str(raw))
        if col.kind == "choice":
            by_label = {label.casefold(): value for value, label in col.choices}
            values = {value for value, _label in col.choices}
            if raw in values:
                return raw
            if str(raw).casefold() in by_label:
                return by_label[str(raw).casefold()]
            raise LookupError(
                _("Use one of: %(choices)s.")
                % {"choices": ", ".join(label for _v, label in col.choices)}
            )
        if col.kind == "user":
            if raw not in self.users:
                raise LookupError(
                    _("No member of the project has the username “%(u)s”.") % {"u": raw}
                )
            return raw
        if col.kind == "list":
            titles = [t.strip() for t in str(raw).split(";") if t.strip()]
            unknown = [t for t in titles if t not in self.measures]
            if unknown:
                raise LookupError(
                    _("No measure in the project is called “%(t)s”.") % {"t": unknown[0]}
                )
            return titles
        return str(raw)


def read_workbook(file, *, users: dict, measures: set) -> tuple[dict | None, list[WorkbookError]]:
    """The records in an uploaded workbook, or None and what is wrong with it.

    `users` maps the usernames of the project's members to users; `measures`
    holds the titles of the project's measures."""
    reader = _Reader(users=users, measures=measures)
    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        reader.error(_("Workbook"), 0, "–", _("The file is not an Excel workbook (.xlsx)."))
        return None, reader.errors
    records: dict = {}
    summary_title = _("Summary")
    if summary_title not in book.sheetnames:
        reader.error(summary_title, 0, "–", _("The sheet is missing."))
    else:
        rows = list(
            book[summary_title].iter_rows(min_row=1, max_row=6, max_col=2, values_only=True)
        )
        settings_cols = {
            "currency": Column(
                "currency", _("Currency"), "choice", True, _choices(BenefitPlan.Currency.choices)
            ),
            "first_year": Column("first_year", _("First year"), "int", True),
            "horizon": Column("horizon", _("Horizon (years)"), "int", True),
            "discount_rate": Column("discount_rate", _("Discount rate (%)"), "number", True),
        }
        plan = {}
        for row_no, key in SETTINGS_ROWS.items():
            raw = rows[row_no - 1][1] if len(rows) >= row_no and len(rows[row_no - 1]) > 1 else None
            plan[key] = reader.value(summary_title, row_no, settings_cols[key], raw)
        _check_plan(reader, summary_title, plan)
        records["plan"] = plan
    for key, (title, columns) in sheets().items():
        records[key] = []
        if title not in book.sheetnames:
            reader.error(title, 0, "–", _("The sheet is missing."))
            continue
        rows = book[title].iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        expected = [c.header for c in columns]
        if header[: len(expected)] != expected:
            reader.error(
                title, 1, "–", _("The columns must be: %(c)s.") % {"c": ", ".join(expected)}
            )
            continue
        for row_no, row in enumerate(rows, start=2):
            if all(v is None or v == "" for v in row):
                continue
            record = {}
            for i, col in enumerate(columns):
                if col.kind != "computed":
                    record[col.key] = reader.value(
                        title, row_no, col, row[i] if i < len(row) else None
                    )
            record["_row"] = row_no
            records[key].append(record)
    if "plan" in records:
        _check_references(reader, records)
    if reader.errors:
        return None, reader.errors
    for rows in records.values():
        for record in rows if isinstance(rows, list) else []:
            record.pop("_row", None)
    return records, []


def _check_plan(reader: _Reader, sheet: str, plan: dict) -> None:
    year, horizon, rate = plan.get("first_year"), plan.get("horizon"), plan.get("discount_rate")
    if year is not None and not 2000 <= year <= 2100:
        reader.error(sheet, 4, _("First year"), _("Give a year between 2000 and 2100."))
        plan["first_year"] = None
    if horizon is not None and not 1 <= horizon <= 30:
        reader.error(sheet, 5, _("Horizon (years)"), _("Give between 1 and 30 years."))
        plan["horizon"] = None
    if rate is not None and not 0 <= rate <= 20:
        reader.error(sheet, 6, _("Discount rate (%)"), _("Give a rate between 0 and 20."))


def _check_references(reader: _Reader, records: dict) -> None:
    """Numbers run 1, 2, …; values, indicators and measurements point to rows that exist."""
    sheet_titles = {k: t for k, (t, _c) in sheets().items()}
    plan = records["plan"]
    if plan["first_year"] is None or plan["horizon"] is None:
        years = None  # already reported
    else:
        years = range(plan["first_year"], plan["first_year"] + plan["horizon"])
    for key in ("benefits", "indicators"):
        for n, record in enumerate(records[key], start=1):
            if record["id"] is not None and record["id"] != n:
                reader.error(
                    sheet_titles[key],
                    record["_row"],
                    _("No."),
                    _("Number the rows 1, 2, 3 … in order."),
                )
    benefit_ids = {b["id"] for b in records["benefits"]}
    indicator_ids = {i["id"] for i in records["indicators"]}
    seen = set()
    for record in records["values"]:
        title, row = sheet_titles["values"], record["_row"]
        if record["benefit_id"] is not None and record["benefit_id"] not in benefit_ids:
            reader.error(title, row, _("Benefit no."), _("No benefit has this number."))
        if years and record["year"] is not None and record["year"] not in years:
            reader.error(title, row, _("Year"), _("The year is outside the plan's years."))
        if (record["benefit_id"], record["year"]) in seen:
            reader.error(title, row, _("Year"), _("The benefit already has a value this year."))
        seen.add((record["benefit_id"], record["year"]))
        if record["basis"] and record["basis"] != calc.DIRECT and record["b"] is None:
            reader.error(title, row, _("Factor 2"), _("This basis needs a second factor."))
    for record in records["costs"]:
        if years and record["year"] is not None and record["year"] not in years:
            reader.error(
                sheet_titles["costs"],
                record["_row"],
                _("Year"),
                _("The year is outside the plan's years."),
            )
    for record in records["indicators"]:
        if record["benefit_id"] is not None and record["benefit_id"] not in benefit_ids:
            reader.error(
                sheet_titles["indicators"],
                record["_row"],
                _("Benefit no."),
                _("No benefit has this number."),
            )
    for record in records["measurements"]:
        if record["indicator_id"] is not None and record["indicator_id"] not in indicator_ids:
            reader.error(
                sheet_titles["measurements"],
                record["_row"],
                _("Indicator no."),
                _("No indicator has this number."),
            )
