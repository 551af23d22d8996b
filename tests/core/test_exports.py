"""Downloads made with filters are named after them and begin with them."""

from __future__ import annotations

import io
from datetime import date

from django import forms
from openpyxl import load_workbook

from core.exports import ExportFilter, filtered_name, form_filters, table_response


class Filters(forms.Form):
    q = forms.CharField(label="Search", required=False)
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any"), ("valid", "Valid")]
    )
    since = forms.DateField(label="Since", required=False)


def test_form_filters_reads_the_chosen_values_with_their_labels() -> None:
    form = Filters({"q": "Сейітова", "status": "valid", "since": "2026-09-01"})
    assert form_filters(form) == [
        ExportFilter("Search", "Сейітова", "Сейітова"),
        ExportFilter("Status", "Valid", "valid"),
        ExportFilter("Since", "2026-09-01", "2026-09-01"),
    ]
    assert form_filters(Filters({"status": ""})) == []
    assert form_filters(Filters({"status": "no-such"})) == []  # invalid: nothing applied
    assert form_filters(Filters()) == []


def test_the_file_name_takes_safe_codes_only() -> None:
    chosen = [ExportFilter("Status", "Valid", "valid"), ExportFilter("Search", "x", "a/b c")]
    assert filtered_name("certificates", chosen) == "certificates-valid-ab-c"
    # Text with no safe letters adds nothing rather than a stray dash.
    assert filtered_name("certificates", [ExportFilter("Search", "Ә", "Ә")]) == "certificates"


def test_xlsx_begins_with_the_filters_then_the_table() -> None:
    response = table_response(
        filename="progress",
        fmt="xlsx",
        headers=["Name", "Since"],
        rows=[["Әйгерім", date(2026, 9, 1)]],
        filters=[ExportFilter("Status", "Valid", "valid")],
    )
    assert 'filename="progress-valid.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][:2] == ["Status", "Valid"]
    assert all(cell is None for cell in values[1])
    assert values[2][:2] == ["Name", "Since"]
    assert values[3][0] == "Әйгерім"
