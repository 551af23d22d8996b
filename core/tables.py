"""Reading an uploaded table (CSV or XLSX) within fixed bounds.

An upload is read as a stream and stops at the first bound it passes, before anything
large is built: so many rows, so many columns, so much text in a row. A workbook's
dimension (the range it claims to use) is never trusted; its ZIP container is checked
first (``core.unpacking``), and every XML part the reader will parse is counted, element by
element, with expat before openpyxl sees it, so that no part can make the reader build
millions of objects. Each refusal says, in the reader's language, what to change.
"""

from __future__ import annotations

import csv
import io
import pyexpat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from .unpacking import UnsafeArchive, ZipLimits, open_zip

XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class TableLimits:
    rows: int = 20_000  # rows with something in them, the header included
    columns: int = 50
    # Rows looked at, empty ones included: a sheet that goes on, empty, for a million rows
    # is refused rather than walked.
    scanned_rows: int = 100_000
    row_chars: int = 64 * 1024  # the text of one CSV row
    cells_per_row: int = 2_000  # XML cells of one worksheet row, empty or not
    cells: int = 1_000_000  # XML cells of the worksheet, and shared strings
    elements_per_part: int = 200_000  # XML elements of any other part openpyxl parses
    zip: ZipLimits = field(default_factory=ZipLimits)


class TableProblem(Exception):
    """The table cannot be read; the message says why, in the reader's language."""


def is_xlsx(data: bytes) -> bool:
    return data[:4] == XLSX_MAGIC


def unpacked_size(data: bytes) -> int:
    """How much there is to read: the bytes of a CSV, the declared inflated size of a
    workbook (or its own size if it is not a readable archive)."""
    if not is_xlsx(data):
        return len(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return len(data)


def read_rows(data: bytes, filename: str, limits: TableLimits | None = None) -> list[list[str]]:
    """The non-empty rows of the table, each cell as stripped text, first row first.

    XLSX is recognised by its content, not only by its name; only its first sheet is read.
    """
    limits = limits or TableLimits()
    if is_xlsx(data):
        rows = _xlsx_rows(data, limits)
    elif filename.lower().endswith((".csv", ".txt")) or b"\x00" not in data[:1024]:
        rows = _csv_rows(decode_text(data), limits)
    else:
        raise TableProblem(_("Upload a CSV or XLSX file."))
    table: list[list[str]] = []
    for row in rows:
        if not any(row):
            continue
        if len(table) >= limits.rows:
            raise TableProblem(too_many_rows(limits.rows - 1))
        table.append(row)
    return table


def too_many_rows(count: int) -> str:
    return _("The file has more than %(count)s rows. Split it into smaller files.") % {
        "count": count
    }


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1251, as Excel in Russian
    and Kazakh saves CSV."""
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableProblem(_("The file is not in UTF-8 or Windows-1251 text."))


# --- CSV --------------------------------------------------------------------------------------


def _csv_rows(text: str, limits: TableLimits) -> Iterator[list[str]]:
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:4096], delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    lines = _BoundedLines(text, limits.row_chars)
    reader = csv.reader(lines, dialect)
    scanned = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise TableProblem(
                _("Row %(row)s cannot be read as CSV: check its quotation marks.")
                % {"row": scanned + 1}
            ) from error
        scanned += 1
        lines.row_done()
        if scanned > limits.scanned_rows:
            raise TableProblem(too_many_lines(limits.scanned_rows))
        if len(row) > limits.columns:
            raise TableProblem(too_many_columns(scanned, limits.columns))
        yield [cell.strip() for cell in row]


class _BoundedLines:
    """The lines of ``text`` for ``csv.reader``; refuses a row (one or more lines, with
    quoted line breaks) longer than ``limit`` characters before the reader builds it."""

    def __init__(self, text: str, limit: int) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self._limit = limit
        self._chars = 0
        self._rows = 0

    def __iter__(self) -> _BoundedLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self._chars += len(line)
        if self._chars > self._limit:
            raise TableProblem(
                _("Row %(row)s is longer than %(count)s characters: is it really one row?")
                % {"row": self._rows + 1, "count": self._limit}
            )
        return line

    def row_done(self) -> None:
        self._rows += 1
        self._chars = 0


# --- XLSX -------------------------------------------------------------------------------------


def _xlsx_rows(data: bytes, limits: TableLimits) -> Iterator[list[str]]:
    try:
        archive = open_zip(data, limits.zip)
    except UnsafeArchive as error:
        raise TableProblem(str(error)) from error
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise TableProblem(not_a_workbook()) from error
    worksheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
    for name in archive.namelist():
        if name.endswith((".xml", ".rels")) and name not in worksheets:
            budget = _shared_strings_budget(limits) if name.endswith("sharedStrings.xml") else None
            _count_part(archive, name, budget or _PartBudget(elements=limits.elements_per_part))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise TableProblem(not_a_workbook()) from error
    return _sheet_rows(workbook, archive, limits)


def _sheet_rows(
    workbook: object, archive: zipfile.ZipFile, limits: TableLimits
) -> Iterator[list[str]]:
    try:
        sheets = workbook.worksheets  # type: ignore[attr-defined]
        if not sheets:
            raise TableProblem(not_a_workbook())
        sheet = sheets[0]
        path = getattr(sheet, "_worksheet_path", "")
        if path not in archive.namelist():
            raise TableProblem(not_a_workbook())
        _count_part(
            archive,
            path,
            _PartBudget(
                elements=limits.cells * 4 + limits.scanned_rows * 2 + 10_000,
                rows=limits.scanned_rows,
                cells=limits.cells,
                cells_per_row=limits.cells_per_row,
            ),
        )
        # The dimension the file states is not trusted: the sheet is read as it is, and
        # no row is ever wider than the columns the table may have (one more, to tell).
        sheet.reset_dimensions()
        scanned = 0
        try:
            for values in sheet.iter_rows(max_col=limits.columns + 1, values_only=True):
                scanned += 1
                if scanned > limits.scanned_rows:
                    raise TableProblem(too_many_lines(limits.scanned_rows))
                if values.count(None) == len(values):
                    yield []  # an empty row, skipped without looking at its cells
                    continue
                if len(values) > limits.columns and values[limits.columns] not in (None, ""):
                    raise TableProblem(too_many_columns(scanned, limits.columns))
                yield ["" if value is None else str(value).strip() for value in values]
        except (KeyError, OSError, ValueError, TypeError, SyntaxError) as error:
            raise TableProblem(not_a_workbook()) from error
    finally:
        workbook.close()  # type: ignore[attr-defined]


def not_a_workbook() -> str:
    return _("The file is not a readable XLSX workbook.")


def too_many_lines(count: int) -> str:
    return _(
        "The sheet goes on for more than %(count)s rows, empty ones included. Delete the "
        "empty rows under the table, or split it into smaller files."
    ) % {"count": count}


def too_many_columns(row: int, count: int) -> str:
    return _(
        "Row %(row)s has more than %(count)s columns. Keep only the columns of the template."
    ) % {"row": row, "count": count}


@dataclass(frozen=True)
class _PartBudget:
    elements: int
    rows: int | None = None
    cells: int | None = None
    cells_per_row: int | None = None


def _shared_strings_budget(limits: TableLimits) -> _PartBudget:
    # A shared string is an <si> holding <t>, or runs of <r><rPr>…</rPr><t>; the strings
    # themselves are limited by the cells a sheet may have.
    return _PartBudget(elements=limits.cells * 6, cells=limits.cells)


class _TooMuch(Exception):
    pass


def _count_part(archive: zipfile.ZipFile, name: str, budget: _PartBudget) -> None:
    """Parse one XML part with expat, building nothing, and refuse it if it has more
    elements, rows or cells than ``budget`` allows, or declares a DTD or entities."""
    counts = {"elements": 0, "rows": 0, "cells": 0, "row_cells": 0}

    def start(tag: str, attributes: object) -> None:
        counts["elements"] += 1
        if counts["elements"] > budget.elements:
            raise _TooMuch
        local = tag.rsplit(":", 1)[-1]
        if budget.rows is not None and local == "row":
            counts["rows"] += 1
            counts["row_cells"] = 0
            if counts["rows"] > budget.rows:
                raise _TooMuch
        elif budget.cells is not None and local in ("c", "si"):
            counts["cells"] += 1
            counts["row_cells"] += 1
            if counts["cells"] > budget.cells or (
                budget.cells_per_row is not None and counts["row_cells"] > budget.cells_per_row
            ):
                raise _TooMuch

    def refuse(*args: object) -> None:
        raise _Refused

    parser = pyexpat.ParserCreate()
    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        with archive.open(name) as handle:
            parser.ParseFile(handle)
    except _TooMuch as error:
        raise TableProblem(
            _(
                "The workbook is far larger inside than its rows and columns need, so it is "
                "not opened. Copy the table into a new workbook and save that."
            )
        ) from error
    except (_Refused, pyexpat.ExpatError, zipfile.BadZipFile, OSError) as error:
        raise TableProblem(not_a_workbook()) from error


class _Refused(Exception):
    pass
