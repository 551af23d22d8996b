"""Tables downloaded as CSV or XLSX, safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-`` or ``@`` would run as a formula in Excel or
LibreOffice; such text cells get a leading apostrophe, which spreadsheets show as text.
Numbers and dates stay numbers and dates.

A table made with filters says so twice: its file is named after them (``...-tutor-motor``)
and it begins with them, a row per filter (label, value) and an empty row before the
table, so that a copy forwarded without its address still says what it counts.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralise(value: Any) -> Any:
    """Make a value safe for a spreadsheet cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.replace(tzinfo=None)
    if isinstance(value, datetime.date):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@dataclass(frozen=True)
class ExportFilter:
    """One filter a table was made with: its label and value as read (translated), and
    the code that names it in the file's name."""

    label: str
    value: str
    code: str


def form_filters(form: Any) -> list[ExportFilter]:
    """The filters a bound, valid filter form was given, in its fields' order: each field's
    label, the value as its choices or object read, and a code for the file name (the
    choice, the object's ``code`` or ``slug``, or the text)."""
    if not (form.is_bound and form.is_valid()):
        return []
    chosen = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, "", [], ()):
            continue
        if hasattr(value, "pk"):
            shown, code = (
                str(value),
                str(getattr(value, "code", "") or getattr(value, "slug", "") or value.pk),
            )
        elif getattr(field, "choices", None):
            labels = {str(key): label for key, label in field.choices}
            shown, code = str(labels.get(str(value), value)), str(value)
        elif isinstance(value, datetime.date):
            shown = code = value.isoformat()
        else:
            shown = code = str(value)
        chosen.append(ExportFilter(str(field.label), shown, code))
    return chosen


def filtered_name(filename: str, filters: Sequence[ExportFilter]) -> str:
    """``filename`` followed by the code of each filter, safe in any file system."""
    parts = [filename, *(slugify(f.code) for f in filters)]
    return "-".join(part for part in parts if part)


def _lead_rows(filters: Sequence[ExportFilter]) -> list[list[Any]]:
    return [[f.label, f.value] for f in filters] + [[]] if filters else []


def table_response(
    *,
    filename: str,
    fmt: str,
    headers: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    filters: Sequence[ExportFilter] = (),
) -> HttpResponse:
    """A download of ``rows`` under ``headers`` as ``fmt`` ("csv" or "xlsx"), named after
    and headed by the ``filters`` it was made with."""
    if fmt not in CONTENT_TYPES:
        raise ValueError(f"Unknown export format {fmt!r}")
    filename = filtered_name(filename, filters)
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")  # so that Excel reads UTF-8 (Kazakh and Russian) correctly
        writer = csv.writer(buffer)
        for lead in _lead_rows(filters):
            writer.writerow([neutralise(value) for value in lead])
        writer.writerow([neutralise(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_cell(neutralise(value)) for value in row])
        content: bytes = buffer.getvalue().encode("utf-8")
    else:
        content = xlsx_bytes(headers=headers, rows=rows, lead=_lead_rows(filters))
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def xlsx_bytes(
    *,
    headers: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    lead: Sequence[Sequence[Any]] = (),
) -> bytes:
    """``rows`` under ``headers`` as an XLSX workbook of one sheet, after the ``lead`` rows
    (the filters a table was made with)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for index in range(1, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 22
    for row in lead:
        sheet.append([neutralise(value) for value in row])
    sheet.append([neutralise(h) for h in headers])
    for row in rows:
        sheet.append([neutralise(value) for value in row])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _csv_cell(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
