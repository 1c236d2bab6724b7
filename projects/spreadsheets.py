"""Spreadsheets in and out: what goes out is never read as a formula, what comes
in is checked before anything parses it.

Every CSV and Excel export writes its cells through `cell`; every workbook
upload passes `check_workbook` before openpyxl opens it.
"""

import lzma
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _

# Text starting with one of these is a formula (or becomes one) in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formula_like(text: str) -> bool:
    return text.lstrip("'").startswith(FORMULA_STARTS)


def cell(value):
    """A value for a CSV or Excel cell: text a spreadsheet program would run as a
    formula gets a leading apostrophe (the OWASP advice); numbers, dates and
    other text are written unchanged (a negative number stays a number)."""
    if isinstance(value, str) and _formula_like(value):
        return "'" + value
    return value


def cell_text(value):
    """The text `cell` wrote, for reading an exported file back."""
    if isinstance(value, str) and value.startswith("'") and _formula_like(value[1:]):
        return value[1:]
    return value


@dataclass(frozen=True)
class WorkbookLimits:
    unpacked_bytes: int
    sheets: int
    rows: int
    cells: int


class WorkbookRefused(Exception):
    """The upload is not a workbook the portal reads; the message says why."""


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ROW = re.compile(rb"<(?:\w+:)?row[\s/>]")
_CELL = re.compile(rb"<(?:\w+:)?c[\s/>]")
_SHEET = re.compile(rb"<(?:\w+:)?sheet[\s/>]")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_PATTERNS = (_ROW, _CELL, _SHEET, _DTD)
_KEEP = 64  # longer than any match, so a match across two chunks is counted once
_CHUNK = 1 << 20


def _scan(part: IO[bytes]) -> list[int]:
    """Matches of each of _PATTERNS in one zip member, read a chunk at a time."""
    counts = [0] * len(_PATTERNS)
    buffer, first = b"", True
    while True:
        chunk = part.read(_CHUNK)
        if first:
            first = False
            if chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or chunk.startswith(b"<\x00"):
                # XML in UTF-16 would slip past the byte checks below.
                raise WorkbookRefused(_("The file is not an Excel workbook (.xlsx)."))
        buffer += chunk
        end = len(buffer) if not chunk else len(buffer) - _KEEP
        for n, pattern in enumerate(_PATTERNS):
            counts[n] += sum(1 for m in pattern.finditer(buffer) if m.start() < end)
        if not chunk:
            return counts
        buffer = buffer[end:]


def check_workbook(file: IO[bytes], *, limits: WorkbookLimits) -> int:
    """Refuse an upload that is not a plain .xlsx within `limits`, before it is
    parsed: an encrypted or old-format file, a broken zip, more unpacked bytes,
    sheets, rows or cells than allowed, or XML with a DTD or entities. Returns
    the number of rows found. Reads at most `limits.unpacked_bytes`."""
    file.seek(0)
    head = file.read(len(OLE_MAGIC))
    if head == OLE_MAGIC:
        file.seek(0)
        if "EncryptionInfo".encode("utf-16-le") in file.read():
            raise WorkbookRefused(
                _("The workbook is protected with a password. Save it without one and try again.")
            )
        raise WorkbookRefused(_("The file is an old Excel file (.xls). Save it as .xlsx."))
    file.seek(0)
    totals, sheets = [0] * len(_PATTERNS), 0
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            unpacked = sum(m.file_size for m in members)
            if unpacked > limits.unpacked_bytes or len(members) > 10_000:
                raise WorkbookRefused(
                    _("The workbook unpacks to more than %(mb)s MB.")
                    % {"mb": limits.unpacked_bytes // (1024 * 1024)}
                )
            if "xl/workbook.xml" not in archive.namelist():
                raise WorkbookRefused(_("The file is not an Excel workbook (.xlsx)."))
            for member in members:
                with archive.open(member) as part:
                    counts = _scan(part)
                totals = [t + c for t, c in zip(totals, counts, strict=True)]
                if member.filename == "xl/workbook.xml":
                    sheets = counts[2]
    except WorkbookRefused:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        lzma.LZMAError,
        OSError,
        EOFError,
        ValueError,
        RuntimeError,  # an encrypted zip entry
        NotImplementedError,  # an unusual compression
    ) as exc:
        raise WorkbookRefused(_("The file is not an Excel workbook (.xlsx).")) from exc
    rows, cells, _sheets, dtds = totals
    if dtds:
        raise WorkbookRefused(
            _("The workbook contains XML declarations (a DTD or entities) that are not allowed.")
        )
    for count, limit, message in (
        (sheets, limits.sheets, _("The workbook has more than %(n)s sheets.")),
        (rows, limits.rows, _("The workbook has more than %(n)s rows.")),
        (cells, limits.cells, _("The workbook has more than %(n)s cells.")),
    ):
        if count > limit:
            raise WorkbookRefused(message % {"n": limit})
    file.seek(0)
    return rows
