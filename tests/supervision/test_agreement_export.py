"""The agreement report's download: every grouping, the figures of the page, the scope in
the file name and first rows, and nothing outside the reader's scope."""

from __future__ import annotations

import csv
import io

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories.supervision import make_exercise

from .conftest import World
from .test_calibration import submit


def _attempts(world: World) -> None:
    keys = list(world.version.indicator_keys())
    exercise = make_exercise(world.version, {keys[0]: 1, keys[1]: 2, keys[2]: 4})
    submit(world, exercise, [1, 2, 3])  # supervisor A1: exact 2 of 3, all within one
    submit(world, exercise, [2, 4, 4], who=world.supervisor_b1)  # B1: exact 1 of 3, two within one


def test_agreement_csv_for_a_manager_has_every_grouping(client: Client, world: World) -> None:
    _attempts(world)
    client.force_login(world.manager)
    response = client.get(reverse("supervision:agreement_report"), {"export": "csv"})
    assert response.status_code == 200
    assert 'filename="agreement-all-regions.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Agreement with the master codes"]
    assert rows[1] == ["Covers", "All regions"]
    header = rows[3]
    assert header[:3] == ["Grouped by", "Group", "Scores compared"]
    by = {(row[0], row[1]): row for row in rows[4:]}
    assert {grouping for grouping, _group in by} == {
        "Rubric",
        "Domain",
        "Supervisor",
        "Region",
        "Month",
    }
    a1 = by[("Supervisor", "Supervisor A1")]
    assert a1[2:5] == ["3", "66.7", "100.0"]
    assert a1[header.index("Largest gap")] == "1"
    b1 = by[("Supervisor", "Supervisor B1")]
    assert b1[2:5] == ["3", "33.3", "66.7"]
    assert b1[header.index("Largest gap")] == "2"
    assert by[("Region", "Region B")][2] == "3"


def test_agreement_xlsx_for_a_coordinator_is_their_region_only(
    client: Client, world: World
) -> None:
    _attempts(world)
    client.force_login(world.coordinator_a)
    response = client.get(reverse("supervision:agreement_report"), {"export": "xlsx"})
    assert f'filename="agreement-{world.region_a.code}.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:2] == ("Covers", "Region A")
    groups = {(row[0], row[1]) for row in rows[4:]}
    assert ("Supervisor", "Supervisor A1") in groups
    assert ("Supervisor", "Supervisor B1") not in groups
    assert ("Region", "Region B") not in groups


def test_agreement_export_is_refused_to_supervisors_and_learners(
    client: Client, world: World
) -> None:
    _attempts(world)
    for person in (world.supervisor_a1, world.teacher_a1):
        client.force_login(person)
        response = client.get(reverse("supervision:agreement_report"), {"export": "csv"})
        assert response.status_code == 403
