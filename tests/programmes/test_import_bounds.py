"""A staff list cannot exhaust the server: workbooks that lie about their size, deflate
bombs, endless CSV files are refused quickly, with little memory and a message in the
importer's language, and nothing is imported; large files are checked by a worker."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from people.models import User
from people.roles import Role
from programmes import imports, services
from programmes.import_progress import import_progress
from programmes.models import StaffImport
from tests import bombs
from tests.factories import RegionFactory, SchoolFactory, UserFactory, grant

pytestmark = pytest.mark.django_db

BOMBS = {
    "a workbook claiming a million rows, with a cell in the last one": lambda: (
        bombs.xlsx_claiming_a_million_rows(last_cell=True)
    ),
    "a workbook whose shared strings inflate to 300 MB": bombs.huge_shared_strings,
    "a 300 KB deflate bomb of 300 MB": lambda: bombs.xlsx_with_huge_member(
        "xl/worksheets/sheet1.xml", 300 * bombs.MB
    ),
    "a workbook compressed a thousand to one": lambda: bombs.xlsx_with_huge_member(
        "xl/worksheets/sheet1.xml", 20 * bombs.MB
    ),
    "shared strings declaring 100 bytes and inflating to 20 MB": lambda: bombs.lying_about_size(
        bombs.huge_shared_strings(20 * bombs.MB), "xl/sharedStrings.xml", declared=100
    ),
    "an archive of 5,000 parts": bombs.zip_of_many_members,
    "a CSV of a million rows": bombs.csv_of_a_million_rows,
    "a CSV row of 100,000 columns": bombs.csv_with_a_wide_row,
}


def name_for(data: bytes) -> str:
    return "staff.xlsx" if data.startswith(b"PK") else "staff.csv"


@pytest.fixture
def actor() -> User:
    region = RegionFactory(code="zhambyl")
    SchoolFactory(region=region, code="zhambyl-41")
    coordinator = UserFactory(preferred_language="ru")
    grant(coordinator, Role.REGIONAL_COORDINATOR, region=region)
    return coordinator


@pytest.mark.parametrize("make", BOMBS.values(), ids=BOMBS.keys())
def test_each_bomb_is_refused_quickly_with_little_memory_in_the_readers_language(
    make: Any,
) -> None:
    data = make()
    assert len(data) < imports.MAX_BYTES  # small enough to upload
    with translation.override("en"), pytest.raises(imports.FileProblem) as english:
        imports.read_table(data, name_for(data))
    with (
        bombs.measured() as cost,
        translation.override("ru"),
        pytest.raises(imports.FileProblem) as russian,
    ):
        imports.read_table(data, name_for(data))
    bombs.refused_cheaply(cost)
    assert str(russian.value) != str(english.value)
    assert any("а" <= letter <= "я" for letter in str(russian.value).lower())


@pytest.mark.parametrize("make", BOMBS.values(), ids=BOMBS.keys())
def test_an_uploaded_bomb_imports_nothing_and_says_why(
    make: Any, actor: User, django_capture_on_commit_callbacks: Any
) -> None:
    data = make()
    people = User.objects.count()
    # A Russian page; a file checked by a worker is checked in the importer's language.
    with translation.override("ru"):
        with django_capture_on_commit_callbacks(execute=True):
            staff_import = services.staff_import_create(
                actor=actor, data=data, filename=name_for(data)
            )
        staff_import.refresh_from_db()
        assert staff_import.status == StaffImport.Status.INVALID
        [problem] = staff_import.problems
        assert problem["row"] == 0
        assert any("а" <= letter <= "я" for letter in problem["message"].lower())
        with pytest.raises(Exception, match="исправьте все ошибки"):
            services.staff_import_start(actor=actor, staff_import=staff_import)
    assert User.objects.count() == people


def test_the_dimension_a_workbook_claims_is_not_trusted() -> None:
    """A workbook that says it fills every row and column of a sheet, and has two rows,
    is read as its two rows, at once."""
    data = bombs.xlsx_claiming_a_million_rows()
    with bombs.measured() as cost:
        table = imports.read_table(data, "staff.xlsx")
    bombs.refused_cheaply(cost, seconds=1, megabytes=10)
    assert len(table) == 2
    assert all(len(row) <= imports.MAX_COLUMNS + 1 for row in table)
    assert table[1][:2] == ["a@example.kz", "A"]


def test_a_real_workbook_of_thousands_of_rows_is_read_in_bounded_memory() -> None:
    rows = [bombs.HEADER] + [
        [f"p{n}@example.kz", f"Person {n}", "", "ru", "teacher", "zhambyl-41", ""]
        for n in range(5000)
    ]
    data = bombs.workbook(rows)
    with bombs.measured() as cost:
        table = imports.read_table(data, "staff.xlsx")
    assert len(table) == 5001
    assert cost.peak_bytes < 40 * bombs.MB


def test_a_wide_but_honest_row_says_which_row_and_how_many_columns() -> None:
    data = bombs.workbook([bombs.HEADER, ["x"] * (imports.MAX_COLUMNS + 5)])
    with translation.override("en"), pytest.raises(imports.FileProblem) as error:
        imports.read_table(data, "staff.xlsx")
    assert "Row 2 has more than 50 columns" in str(error.value)


# --- Large files are checked by a worker --------------------------------------------------


def large_csv(rows: int = 6000) -> bytes:
    lines = [",".join(bombs.HEADER)] + [
        f"person{n}@example.kz,Person {n},,ru,teacher,zhambyl-41," for n in range(rows)
    ]
    data = ("\n".join(lines) + "\n").encode()
    assert imports.checks_in_background(data)
    return data


def test_a_large_file_is_not_read_in_the_request(
    actor: User, django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    real = imports.read_table

    def reading(data: bytes, filename: str) -> list[list[str]]:
        read.append(filename)
        return real(data, filename)

    monkeypatch.setattr(imports, "read_table", reading)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        staff_import = services.staff_import_create(
            actor=actor, data=large_csv(), filename="staff.csv"
        )
    assert staff_import.status == StaffImport.Status.CHECKING
    assert read == []
    assert import_progress(staff_import)["percent"] == 0
    for callback in callbacks:
        callback()  # the worker's turn
    staff_import.refresh_from_db()
    assert read == ["staff.csv"]
    assert staff_import.status == StaffImport.Status.VALID
    assert staff_import.rows_total == 6000
    assert staff_import.summary == {"invite": 6000, "update": 0}


def test_a_small_file_is_still_checked_at_once(actor: User) -> None:
    data = (",".join(bombs.HEADER) + "\nsmall@example.kz,Small,,ru,teacher,zhambyl-41,\n").encode()
    assert not imports.checks_in_background(data)
    staff_import = services.staff_import_create(actor=actor, data=data, filename="staff.csv")
    assert staff_import.status == StaffImport.Status.VALID


def test_a_workbook_that_unpacks_large_is_checked_by_a_worker(
    actor: User, django_capture_on_commit_callbacks: Any
) -> None:
    data = bombs.xlsx_with_huge_member("xl/sharedStrings.xml", 3 * bombs.MB, unit=b"<si/>")
    assert len(data) < imports.INLINE_CHECK_BYTES
    with django_capture_on_commit_callbacks(execute=False):
        staff_import = services.staff_import_create(actor=actor, data=data, filename="s.xlsx")
    assert staff_import.status == StaffImport.Status.CHECKING


def test_the_page_shows_the_check_going_on_then_its_result(
    client: Client, actor: User, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
    client.force_login(actor)
    upload = io.BytesIO(large_csv())
    upload.name = "staff.csv"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        location = client.post(reverse("staff_import_new"), {"file": upload})["Location"]
    page = client.get(location).content.decode()
    assert "checked in the background" in page
    assert "<progress" in page
    assert 'http-equiv="refresh"' in page  # without JavaScript the page refreshes
    staff_import = StaffImport.objects.get()
    cache.set(services.check_progress_key(staff_import), 1200)
    StaffImport.objects.filter(pk=staff_import.pk).update(rows_total=6000)
    progress = client.get(location, {"format": "json"}).json()
    assert progress["status"] == "checking"
    assert progress["percent"] == 20
    assert progress["label"] == "1200 of 6000 rows checked"
    for callback in callbacks:
        callback()
    page = client.get(location).content.decode()
    assert "6000" in page
    assert reverse("staff_import_start", args=[staff_import.public_id]) in page


def test_a_check_lost_with_its_worker_is_sent_again_then_given_up(
    actor: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        staff_import = services.staff_import_create(
            actor=actor, data=large_csv(), filename="staff.csv"
        )
    StaffImport.objects.filter(pk=staff_import.pk).update(
        created_at=timezone.now() - timedelta(minutes=10)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.staff_imports_resume() == 1
    staff_import.refresh_from_db()
    assert staff_import.status == StaffImport.Status.VALID

    with django_capture_on_commit_callbacks(execute=False):
        stuck = services.staff_import_create(actor=actor, data=large_csv(), filename="s.csv")
    StaffImport.objects.filter(pk=stuck.pk).update(created_at=timezone.now() - timedelta(hours=2))
    assert services.staff_imports_resume() == 0
    stuck.refresh_from_db()
    assert stuck.status == StaffImport.Status.INVALID
    assert "Не удалось проверить файл" in stuck.problems[0]["message"]


def test_a_check_delivered_twice_checks_once(
    actor: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        staff_import = services.staff_import_create(
            actor=actor, data=large_csv(), filename="staff.csv"
        )
    services.staff_import_check(staff_import_id=staff_import.pk)
    services.staff_import_check(staff_import_id=staff_import.pk)
    from wagtail.models import ModelLogEntry

    checks = ModelLogEntry.objects.filter(action="programmes.import.check")
    assert checks.count() == 1


@pytest.mark.worker
@pytest.mark.postgres
def test_a_real_worker_checks_large_files_and_refuses_a_bomb(
    celery_worker_process: dict[str, str],
) -> None:
    import time

    region = RegionFactory(code="zhambyl")
    SchoolFactory(region=region, code="zhambyl-41")
    coordinator = UserFactory(preferred_language="ru")
    grant(coordinator, Role.REGIONAL_COORDINATOR, region=region)
    honest = services.staff_import_create(actor=coordinator, data=large_csv(), filename="a.csv")
    bomb_data = bombs.xlsx_with_huge_member("xl/worksheets/sheet1.xml", 300 * bombs.MB)
    assert imports.checks_in_background(bomb_data)
    bomb = services.staff_import_create(actor=coordinator, data=bomb_data, filename="b.xlsx")
    assert {honest.status, bomb.status} == {StaffImport.Status.CHECKING}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        statuses = set(
            StaffImport.objects.filter(pk__in=[honest.pk, bomb.pk]).values_list("status", flat=True)
        )
        if StaffImport.Status.CHECKING not in statuses:
            break
        time.sleep(0.3)
    honest.refresh_from_db()
    bomb.refresh_from_db()
    assert honest.status == StaffImport.Status.VALID
    assert honest.rows_total == 6000
    assert bomb.status == StaffImport.Status.INVALID
    assert (
        "Распакованный" in bomb.problems[0]["message"]
        or "распакованном" in (bomb.problems[0]["message"])
    )
