"""Reading a plan workbook back (the sheets of excel.py).

The upload is checked against the limits before openpyxl parses it; every row
then passes the form of the page that edits it, so an import obeys the same
rules as the pages. The result is the plan's records (see selectors.LoadedPlan)
or what is wrong, by sheet, row and column; reading never changes anything and
stops after MAX_ERRORS problems.
"""

from datetime import date, datetime
from decimal import Context

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from projects.spreadsheets import WorkbookLimits, WorkbookRefused, cell_text, check_workbook

from . import smarte
from .excel import SETTINGS_ROWS, Column, WorkbookError, choices, sheets
from .forms import (
    BenefitForm,
    ConfirmForm,
    CostForm,
    IndicatorForm,
    MeasurementForm,
    PlanForm,
    ValueForm,
)
from .models import BenefitPlan

MAX_ERRORS = 50
# Excel keeps 15 significant digits; a float cell is read as Excel shows it.
_EXCEL_DIGITS = Context(prec=15)
_INVALID = object()  # a cell the reader already reported


def limits() -> WorkbookLimits:
    return WorkbookLimits(
        unpacked_bytes=settings.IMPORT_MAX_UNPACKED_MB * 1024 * 1024,
        sheets=settings.IMPORT_MAX_SHEETS,
        rows=settings.IMPORT_MAX_ROWS,
        cells=settings.IMPORT_MAX_CELLS,
    )


class _Full(Exception):
    """MAX_ERRORS problems are listed; reading stops."""


class _Reader:
    def __init__(self, *, project, users: dict):
        self.project, self.users = project, users
        self.measures = {m.title: m.pk for m in project.measures.all()}
        self.errors: list = []
        self.rows_read = 0

    def error(self, sheet, row, column, message):
        self.errors.append(WorkbookError(str(sheet), row, str(column), str(message)))
        if len(self.errors) >= MAX_ERRORS:
            raise _Full

    def value(self, sheet: str, row: int, col: Column, raw):
        if isinstance(raw, str):
            raw = cell_text(raw).strip()
        if raw is None or raw == "":
            if col.required:
                self.error(sheet, row, col.header, _("A value is required."))
                return _INVALID
            return [] if col.kind == "list" else ("" if col.kind != "number" else None)
        try:
            return self._convert(col, raw)
        except (ValueError, ArithmeticError, TypeError):
            messages = {
                "int": _("Expected a whole number."),
                "number": _("Expected a number."),
                "date": _("Expected a date (YYYY-MM-DD)."),
            }
            self.error(sheet, row, col.header, messages.get(col.kind, _("Not understood.")))
        except LookupError as missing:
            self.error(sheet, row, col.header, missing.args[0])
        return _INVALID

    def _convert(self, col: Column, raw):
        if col.kind == "int":
            if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
                raise ValueError
            return int(raw)
        if col.kind == "number":
            if isinstance(raw, bool | datetime | date):
                raise TypeError
            if isinstance(raw, float):
                return _EXCEL_DIGITS.create_decimal_from_float(raw).normalize()
            return raw  # text or a whole number: the form reads it as the page does
        if col.kind == "date":
            if isinstance(raw, datetime):
                return raw.date()
            if isinstance(raw, date):
                return raw
            return date.fromisoformat(str(raw))
        if col.kind == "choice":
            by_label = {label.casefold(): value for value, label in col.choices}
            if raw in dict(col.choices):
                return raw
            if str(raw).casefold() in by_label:
                return by_label[str(raw).casefold()]
            raise LookupError(
                _("Use one of: %(choices)s.")
                % {"choices": ", ".join(label for _v, label in col.choices)}
            )
        if col.kind == "user":
            if str(raw) not in self.users:
                raise LookupError(
                    _("No member of the project has the username “%(u)s”.") % {"u": raw}
                )
            return str(raw)
        if col.kind == "list":
            titles = [t.strip() for t in str(raw).split(";") if t.strip()]
            unknown = [t for t in titles if t not in self.measures]
            if unknown:
                raise LookupError(
                    _("No measure in the project is called “%(t)s”.") % {"t": unknown[0]}
                )
            return titles
        return str(raw)

    def _pk(self, username: str):
        return self.users[username].pk if username else ""

    def form(self, key: str, record: dict, years_plan: BenefitPlan):
        """The page's form for one record, bound to the record's values."""
        data = {k: v for k, v in record.items() if v is not _INVALID and v is not None}
        if key == "benefits":
            data["owner"] = self._pk(data.get("owner", ""))
            data["measures"] = [self.measures[t] for t in data.get("measures", [])]
            return BenefitForm(data, project=self.project)
        if key == "indicators":
            data["responsible"] = self._pk(data.get("responsible", ""))
            return IndicatorForm(data, project=self.project)
        if key == "costs":
            return CostForm(data, plan=years_plan)
        if key == "values":
            return ValueForm(data)
        return MeasurementForm(data)

    def check(self, form, record: dict, sheet: str, row: int, columns: list[Column]) -> None:
        """Report the form's errors on cells not already reported; keep its values."""
        headers = {c.key: c.header for c in columns}
        if form.is_valid():
            # Users and measures stay as named in the file; the service looks them up.
            kept = {c.key for c in columns if c.kind in ("text", "int", "number", "date", "choice")}
            record.update({k: v for k, v in form.cleaned_data.items() if k in kept})
            return
        for field, messages in form.errors.items():
            if field != "__all__" and record.get(field) is _INVALID:
                continue
            for message in messages:
                self.error(sheet, row, headers.get(field, "–"), message)

    def justifications(self, record: dict, sheet: str, row: int, columns: list[Column]) -> None:
        headers = {c.key: c.header for c in columns}
        for criterion in smarte.CONFIRMED:
            key = f"{criterion}_reason"
            if record.get(key) in ("", None, _INVALID):
                continue
            form = ConfirmForm({"criterion": criterion, "reason": record[key]})
            if form.is_valid():
                record[key] = form.cleaned_data["reason"]
            else:
                for message in form.errors.get("reason", []):
                    self.error(sheet, row, headers[key], message)


def _settings(reader: _Reader, book) -> dict:
    title = _("Summary")
    if title not in book.sheetnames:
        reader.error(title, 0, "–", _("The sheet is missing."))
        return {}
    sheet = book[title]
    # Only the settings are read; the rest of the sheet is computed (for "N more rows").
    reader.rows_read += sheet.max_row or 0
    rows = list(sheet.iter_rows(min_row=1, max_row=6, max_col=2, values_only=True))
    columns = [
        Column("currency", _("Currency"), "choice", True, choices(BenefitPlan.Currency.choices)),
        Column("first_year", _("First year"), "int", True),
        Column("horizon", _("Horizon (years)"), "int", True),
        Column("discount_rate", _("Discount rate (%)"), "number", True),
    ]
    plan = {}
    for (row_no, key), col in zip(SETTINGS_ROWS.items(), columns, strict=True):
        raw = rows[row_no - 1][1] if len(rows) >= row_no and len(rows[row_no - 1]) > 1 else None
        plan[key] = reader.value(title, row_no, col, raw)
    form = PlanForm({k: v for k, v in plan.items() if v is not _INVALID})
    if form.is_valid():
        return {k: form.cleaned_data[k] for k in plan}
    # The valid settings still serve to check the years of values and costs.
    valid = {k: form.cleaned_data[k] for k in plan if k in form.cleaned_data}
    rows_of = {key: row_no for row_no, key in SETTINGS_ROWS.items()}
    for field, messages in form.errors.items():
        if plan.get(field) is not _INVALID:
            for message in messages:
                col = next((c for c in columns if c.key == field), None)
                reader.error(title, rows_of.get(field, 0), col.header if col else "–", message)
    return valid


def _rows(reader: _Reader, book, records: dict, years_plan: BenefitPlan) -> None:
    for key, (title, columns) in sheets().items():
        records[key] = []
        if title not in book.sheetnames:
            reader.error(title, 0, "–", _("The sheet is missing."))
            continue
        rows = book[title].iter_rows(values_only=True, max_col=len(columns))
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        expected = [c.header for c in columns]
        if header[: len(expected)] != expected:
            reader.error(
                title, 1, "–", _("The columns must be: %(c)s.") % {"c": ", ".join(expected)}
            )
            continue
        reader.rows_read += 1
        for row_no, row in enumerate(rows, start=2):
            reader.rows_read += 1
            if all(v is None or v == "" for v in row):
                continue
            record = {
                col.key: reader.value(title, row_no, col, row[i] if i < len(row) else None)
                for i, col in enumerate(columns)
                if col.kind != "computed"
            }
            reader.check(reader.form(key, record, years_plan), record, title, row_no, columns)
            if key == "indicators":
                reader.justifications(record, title, row_no, columns)
            record["_row"] = row_no
            records[key].append(record)


def read_workbook(file, *, project, users: dict) -> tuple[dict | None, list]:
    """The records in an uploaded workbook, or None and what is wrong with it.

    `users` maps the usernames of the project's members to users."""
    reader = _Reader(project=project, users=users)
    try:
        total_rows = check_workbook(file, limits=limits())
    except WorkbookRefused as refused:
        return None, [str(refused)]
    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        return None, [_("The file is not an Excel workbook (.xlsx).")]
    try:
        records: dict = {"plan": _settings(reader, book)}
        stored = project.benefit_plan
        plan = records["plan"]
        years_plan = BenefitPlan(
            first_year=plan.get("first_year", stored.first_year),
            horizon=plan.get("horizon", stored.horizon),
        )
        _rows(reader, book, records, years_plan)
        if "first_year" in plan and "horizon" in plan:
            _check_references(reader, records)
    except _Full:
        # Sheets written for the reader only (non-priced effects, co-financing,
        # the benefit map) are never read.
        read = {_("Summary"), *(title for title, _c in sheets().values())}
        unread = sum(
            1
            for sheet in book.worksheets
            if sheet.title not in read
            for row in sheet.iter_rows(values_only=True)
            if any(v is not None for v in row)  # the rows the file holds, as counted
        )
        more = max(total_rows - reader.rows_read - unread, 0)
        return None, [
            *reader.errors,
            _("Reading stopped after %(n)s problems; %(more)s more rows were not checked.")
            % {"n": MAX_ERRORS, "more": more},
        ]
    except Exception:  # a part openpyxl cannot read, found only while reading rows
        return None, [*reader.errors, _("The file is not an Excel workbook (.xlsx).")]
    finally:
        book.close()
    if reader.errors:
        return None, reader.errors
    for rows in records.values():
        for record in rows if isinstance(rows, list) else []:
            record.pop("_row", None)
    return records, []


def _check_references(reader: _Reader, records: dict) -> None:
    """Numbers run 1, 2, …; values, indicators and measurements point to rows that exist."""
    sheet_titles = {k: t for k, (t, _c) in sheets().items()}
    plan = records["plan"]
    years = range(plan["first_year"], plan["first_year"] + plan["horizon"])
    for key in ("benefits", "indicators"):
        for n, record in enumerate(records[key], start=1):
            if record["id"] is not _INVALID and record["id"] != n:
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
        if record["benefit_id"] is not _INVALID and record["benefit_id"] not in benefit_ids:
            reader.error(title, row, _("Benefit no."), _("No benefit has this number."))
        if record["year"] is not _INVALID and record["year"] not in years:
            reader.error(title, row, _("Year"), _("The year is outside the plan's years."))
        if (record["benefit_id"], record["year"]) in seen:
            reader.error(title, row, _("Year"), _("The benefit already has a value this year."))
        seen.add((record["benefit_id"], record["year"]))
    for key, ref, ids, message in (
        ("indicators", "benefit_id", benefit_ids, _("No benefit has this number.")),
        ("measurements", "indicator_id", indicator_ids, _("No indicator has this number.")),
    ):
        header = next(c.header for c in sheets()[key][1] if c.key == ref)
        for record in records[key]:
            if record[ref] is not _INVALID and record[ref] not in ids:
                reader.error(sheet_titles[key], record["_row"], header, message)
