"""Staff import: every bad input is reported row by row and nothing is imported until the
whole file is correct; a correct file imports all at once."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from courses.models import Enrolment
from people.models import RoleMembership, User
from people.roles import Role
from programmes import imports, services
from programmes.import_progress import import_progress
from programmes.models import StaffImport
from tests.factories import RegionFactory, SchoolFactory, TrainingAreaFactory, UserFactory, grant

pytestmark = pytest.mark.django_db

HEADER = "email,full_name,full_name_alt,language,role,school,region,training_area,specialism"


@pytest.fixture
def place() -> dict[str, Any]:
    region = RegionFactory(code="zhambyl")
    school = SchoolFactory(region=region, code="zhambyl-41")
    other = SchoolFactory(code="astana-72")
    area = TrainingAreaFactory(code="autism", name_ru="Аутизм", name_kk="Аутизм", name_en="Autism")
    coordinator = UserFactory()
    grant(coordinator, Role.REGIONAL_COORDINATOR, region=region)
    return {"region": region, "school": school, "other": other, "area": area, "actor": coordinator}


def csv_bytes(*rows: str, encoding: str = "utf-8") -> bytes:
    return ("\n".join([HEADER, *rows]) + "\n").encode(encoding)


def check(data: bytes, actor: User, name: str = "staff.csv") -> imports.CheckedFile:
    return imports.check_table(imports.read_table(data, name), actor=actor)


class TestReading:
    @pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
    def test_utf8_with_or_without_bom_and_windows_1251(
        self, place: dict[str, Any], encoding: str
    ) -> None:
        data = csv_bytes(
            "irina@example.kz,Ирина Петрова,,ru,teacher,zhambyl-41,,,", encoding=encoding
        )
        checked = check(data, place["actor"])
        assert checked.problems == []
        assert checked.rows[0].full_name == "Ирина Петрова"

    def test_kazakh_letters_survive_utf8(self, place: dict[str, Any]) -> None:
        data = csv_bytes("aigerim@example.kz,Әйгерім Сейітова,,kk,tutor,zhambyl-41,,autism,")
        assert check(data, place["actor"]).rows[0].full_name == "Әйгерім Сейітова"

    def test_semicolons_as_excel_saves_them(self, place: dict[str, Any]) -> None:
        data = (
            HEADER.replace(",", ";") + "\nirina@example.kz;Ирина;;ru;teacher;zhambyl-41;;;\n"
        ).encode()
        assert check(data, place["actor"]).is_valid

    def test_xlsx(self, place: dict[str, Any]) -> None:
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(HEADER.split(","))
        sheet.append(
            ["irina@example.kz", "Ирина Петрова", "", "ru", "teacher", "zhambyl-41", "", "", ""]
        )
        buffer = io.BytesIO()
        workbook.save(buffer)
        assert check(buffer.getvalue(), place["actor"], "staff.xlsx").is_valid

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (b"", "empty"),
            (b"%PDF-1.7 binary\x00\x00\x00", "CSV or XLSX"),
            (b"PK\x03\x04not really a workbook", "XLSX"),
            (HEADER.encode() + b"\n", "no rows"),
            (b"mail,name\nx@example.kz,X\n", "missing"),
            (HEADER.replace("full_name,", "name,").encode() + b"\n1,2,3\n", "missing"),
            (b"x" * (imports.MAX_BYTES + 1), "larger than"),
        ],
    )
    def test_files_that_cannot_be_read_say_why(
        self, place: dict[str, Any], data: bytes, message: str
    ) -> None:
        with pytest.raises(imports.FileProblem, match=message):
            check(data, place["actor"], "staff.pdf" if data.startswith(b"%PDF") else "staff.csv")


class TestRows:
    def test_every_problem_is_reported_with_row_and_column(self, place: dict[str, Any]) -> None:
        UserFactory(email="taken@example.kz")
        data = csv_bytes(
            "not-an-email,Someone,,ru,teacher,zhambyl-41,,,",  # row 2
            "a@example.kz,,,ru,teacher,zhambyl-41,,,",  # row 3: no name
            "b@example.kz,B,,ru,wizard,zhambyl-41,,,",  # row 4: unknown role
            "c@example.kz,C,,ru,teacher,no-such-school,,,",  # row 5: unknown school
            'd@example.kz,=HYPERLINK("x"),,ru,teacher,zhambyl-41,,,',  # row 6: formula
            "e@example.kz,E,,ru,tutor,zhambyl-41,,,",  # row 7: tutor without area
            "f@example.kz,F,,ru,teacher,astana-72,,,",  # row 8: outside scope
            "a@example.kz,Again,,ru,teacher,zhambyl-41,,,",  # row 9: duplicate address
            "g@example.kz,G,,xx,teacher,zhambyl-41,,,",  # row 10: language
            "h@example.kz,H,,ru,teacher,zhambyl-41,,,",  # row 11
            "h@example.kz,H,,ru,teacher,zhambyl-41,,,",  # row 12: the same role twice
            "h@example.kz,H,,ru,specialist,zhambyl-41,,,psychologist",  # row 13: a second role
        )
        checked = check(data, place["actor"])
        found = {(p.row, p.column) for p in checked.problems}
        assert {
            (2, "email"),
            (3, "full_name"),
            (4, "role"),
            (5, "school"),
            (6, "full_name"),
            (7, "training_area"),
            (8, "school"),
            (9, "email"),
            (10, "language"),
            (12, "role"),
        } <= found
        assert not {row for row, _column in found} & {11, 13}
        assert not checked.is_valid

    def test_roles_and_areas_may_be_written_in_kazakh_or_russian(
        self, place: dict[str, Any]
    ) -> None:
        data = csv_bytes(
            "a@example.kz,А,,ru,Тьютор (ассистент педагога),zhambyl-41,,Аутизм,",
            "b@example.kz,Б,,kk,Мұғалім,zhambyl-41,,,",
        )
        checked = check(data, place["actor"])
        assert checked.problems == []
        assert [row.role for row in checked.rows] == [Role.TUTOR, Role.TEACHER]

    def test_problems_are_in_the_importers_language(self, place: dict[str, Any]) -> None:
        from django.utils import translation

        with translation.override("ru"):
            checked = check(csv_bytes("bad,X,,ru,teacher,zhambyl-41,,,"), place["actor"])
        assert "Введите правильный адрес" in checked.problems[0].message


class TestCommit:
    def test_a_file_with_one_bad_row_imports_nothing(self, place: dict[str, Any]) -> None:
        data = csv_bytes(
            "good@example.kz,Good,,ru,teacher,zhambyl-41,,,",
            "bad,Bad,,ru,teacher,zhambyl-41,,,",
        )
        staff_import = services.staff_import_create(
            actor=place["actor"], data=data, filename="staff.csv"
        )
        assert staff_import.status == StaffImport.Status.INVALID
        with pytest.raises(Exception, match="Correct every problem"):
            services.staff_import_start(actor=place["actor"], staff_import=staff_import)
        assert not User.objects.filter(email="good@example.kz").exists()

    def test_a_correct_file_adds_invites_updates_and_gives_roles(
        self, place: dict[str, Any], django_capture_on_commit_callbacks: Any
    ) -> None:
        existing = UserFactory(email="known@example.kz", full_name="Old Name")
        grant(existing, Role.TEACHER, school=place["school"])
        data = csv_bytes(
            "new@example.kz,Жаңа Адам,Jaña Adam,kk,tutor,zhambyl-41,,autism,",
            "KNOWN@example.kz,New Name,,ru,specialist,zhambyl-41,,,psychologist",
        )
        staff_import = services.staff_import_create(
            actor=place["actor"], data=data, filename="staff.csv"
        )
        assert staff_import.status == StaffImport.Status.VALID
        assert staff_import.summary == {"invite": 1, "update": 1}
        with django_capture_on_commit_callbacks(execute=True):
            staff_import = services.staff_import_start(
                actor=place["actor"], staff_import=staff_import
            )
        assert staff_import.status == StaffImport.Status.DONE
        assert staff_import.summary["invited"] == 1
        assert staff_import.summary["updated"] == 1
        new = User.objects.get(email="new@example.kz")
        assert RoleMembership.objects.get(person=new).training_area == place["area"]
        existing.refresh_from_db()
        assert existing.full_name == "New Name"
        assert set(
            RoleMembership.objects.filter(person=existing).values_list("role", flat=True)
        ) == {
            Role.TEACHER,
            Role.SPECIALIST,
        }
        assert [m.to for m in mail.outbox] == [["new@example.kz"]]

    def test_starting_twice_imports_once(self, place: dict[str, Any]) -> None:
        data = csv_bytes("once@example.kz,Once,,ru,teacher,zhambyl-41,,,")
        staff_import = services.staff_import_create(
            actor=place["actor"], data=data, filename="staff.csv"
        )
        services.staff_import_start(actor=place["actor"], staff_import=staff_import)
        services.staff_import_start(actor=place["actor"], staff_import=staff_import)
        assert User.objects.filter(email="once@example.kz").count() == 1

    def test_people_are_enrolled_by_the_programmes_rules(self, place: dict[str, Any]) -> None:
        from programmes.models import Programme, RequiredCourse
        from tests.factories.courses import course_page

        course = course_page(audiences=[("teacher", None, False)])
        programme = Programme.objects.create(
            code="p",
            name_kk="П",
            name_ru="П",
            name_en="P",
            starts_on="2026-08-15",
            ends_on="2027-05-31",
        )
        programme.regions.add(place["region"])
        programme.save()
        RequiredCourse.objects.create(programme=programme, role="teacher", course=course)
        data = csv_bytes("enrol@example.kz,Enrol Me,,ru,teacher,zhambyl-41,,,")
        staff_import = services.staff_import_create(
            actor=place["actor"], data=data, filename="staff.csv", programme=programme
        )
        services.staff_import_start(actor=place["actor"], staff_import=staff_import)
        assert Enrolment.objects.filter(person__email="enrol@example.kz", course=course).exists()

    def test_a_large_file_runs_in_the_background_with_progress(
        self, place: dict[str, Any], django_capture_on_commit_callbacks: Any
    ) -> None:
        rows = [
            f"p{n}@example.kz,Person {n},,ru,teacher,zhambyl-41,,,"
            for n in range(services.INLINE_IMPORT_ROWS + 5)
        ]
        staff_import = services.staff_import_create(
            actor=place["actor"], data=csv_bytes(*rows), filename="staff.csv"
        )
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            staff_import = services.staff_import_start(
                actor=place["actor"], staff_import=staff_import
            )
        assert staff_import.status == StaffImport.Status.QUEUED
        assert import_progress(staff_import)["percent"] == 0
        for callback in callbacks:
            callback()  # the worker's turn (inline here)
        staff_import.refresh_from_db()
        assert staff_import.status == StaffImport.Status.DONE
        assert User.objects.filter(
            email__startswith="p", email__endswith="@example.kz"
        ).count() == len(rows)


class TestPages:
    def test_upload_preview_and_import_through_the_pages(
        self, client: Client, place: dict[str, Any], settings: Any
    ) -> None:
        settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
        client.force_login(place["actor"])
        upload = io.BytesIO(csv_bytes("bad,X,,ru,teacher,zhambyl-41,,,"))
        upload.name = "staff.csv"
        response = client.post(reverse("staff_import_new"), {"file": upload})
        assert response.status_code == 302
        preview = client.get(response["Location"])
        body = preview.content.decode()
        assert "Enter a valid e-mail address." in body
        assert "Nothing was imported" in body

        upload = io.BytesIO(csv_bytes("ok@example.kz,Ok,,ru,teacher,zhambyl-41,,,"))
        upload.name = "staff.csv"
        location = client.post(reverse("staff_import_new"), {"file": upload})["Location"]
        assert "Import now" in client.get(location).content.decode()
        public_id = location.rstrip("/").split("/")[-1]
        client.post(reverse("staff_import_start", args=[public_id]))
        assert User.objects.filter(email="ok@example.kz").exists()

    def test_the_template_downloads_as_a_workbook(
        self, client: Client, place: dict[str, Any], settings: Any
    ) -> None:
        settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
        client.force_login(place["actor"])
        response = client.get(reverse("staff_import_template"), {"format": "xlsx"})
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert [cell.value for cell in sheet[1]] == HEADER.split(",")

    def test_learners_cannot_import(self, client: Client, place: dict[str, Any]) -> None:
        learner = UserFactory()
        grant(learner, Role.TEACHER, school=place["school"])
        client.force_login(learner)
        assert client.get(reverse("staff_import_new")).status_code == 403

    def test_someone_elses_import_is_not_found(
        self, client: Client, place: dict[str, Any], settings: Any
    ) -> None:
        settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
        staff_import = services.staff_import_create(
            actor=place["actor"],
            data=csv_bytes("x@example.kz,X,,ru,teacher,zhambyl-41,,,"),
            filename="s.csv",
        )
        other = UserFactory()
        grant(other, Role.REGIONAL_COORDINATOR, region=place["region"])
        client.force_login(other)
        assert (
            client.get(reverse("staff_import_detail", args=[staff_import.public_id])).status_code
            == 404
        )


def people_and_roles() -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    people = list(
        User.objects.order_by("email").values_list(
            "email", "full_name", "full_name_alt", "preferred_language", "is_active"
        )
    )
    roles = list(
        RoleMembership.objects.order_by("person__email", "role").values_list(
            "person__email",
            "role",
            "school__code",
            "region__code",
            "training_area__code",
            "specialism",
            "ended_on",
        )
    )
    return people, roles


def test_an_xlsx_round_trip_leaves_the_same_people(
    client: Client, place: dict[str, Any], settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """Download the staff in the import's columns, upload the file unchanged: the same
    people with the same roles, nobody added, nobody invited again."""
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
    first = services.staff_import_create(
        actor=place["actor"],
        data=csv_bytes(
            "aliya@example.kz,Әлия Серікқызы,Äliya Serıkqyzy,kk,tutor,zhambyl-41,,autism,",
            "irina@example.kz,Ирина Петрова,Irina Petrova,ru,specialist,zhambyl-41,,,"
            "speech_therapist",
            "irina@example.kz,Ирина Петрова,Irina Petrova,ru,teacher,zhambyl-41,,,",
            "daulet@example.kz,Дәулет Ахметов,,kk,methodologist,,zhambyl,,",
        ),
        filename="staff.csv",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.staff_import_start(actor=place["actor"], staff_import=first)
    outsider = UserFactory(email="outsider@example.kz")
    grant(outsider, Role.TEACHER, school=place["other"])  # another region: not in the list
    before = people_and_roles()
    mail.outbox.clear()

    client.force_login(place["actor"])
    download = client.get(reverse("staff_list"), {"format": "xlsx"})
    assert download.status_code == 200
    sheet = load_workbook(io.BytesIO(download.content)).active
    emails = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(emails) == [
        "aliya@example.kz",
        "daulet@example.kz",
        "irina@example.kz",
        "irina@example.kz",
    ]

    again = services.staff_import_create(
        actor=place["actor"], data=download.content, filename="staff-list.xlsx"
    )
    assert again.status == StaffImport.Status.VALID, again.problems
    with django_capture_on_commit_callbacks(execute=True):
        again = services.staff_import_start(actor=place["actor"], staff_import=again)
    assert again.status == StaffImport.Status.DONE
    assert again.summary.get("invited", 0) == 0
    assert people_and_roles() == before
    assert mail.outbox == []


def test_the_staff_list_is_for_people_who_add_staff(client: Client, place: dict[str, Any]) -> None:
    teacher = UserFactory()
    grant(teacher, Role.TEACHER, school=place["school"])
    client.force_login(teacher)
    assert client.get(reverse("staff_list")).status_code == 403
