"""A programme manager's import in a real browser: a file with a mistake is refused with
the problem shown on its row, the corrected file imports, and the dashboard counts the
new staff."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from people.models import User
from people.roles import Role
from programmes.models import Programme, RequiredCourse, TrainedRule
from tests.factories import RegionFactory, SchoolFactory, UserFactory, grant
from tests.factories.courses import course_page

from .conftest import assert_accessible
from .test_foundation_pages import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADER = "email,full_name,full_name_alt,language,role,school,region,training_area,specialism"


def staff_file(*rows: str) -> dict[str, Any]:
    content = "\n".join([HEADER, *rows]) + "\n"
    return {"name": "staff.csv", "mimeType": "text/csv", "buffer": content.encode()}


def staff_in_scope(page: Page) -> str:
    return page.locator("table.funnel tbody tr").first.locator("td").first.inner_text()


def test_a_manager_fixes_a_file_imports_it_and_sees_the_dashboard_move(
    page: Page, live_server: Any, settings: Any
) -> None:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False  # MFA has its own tests
    base = live_server.url
    region = RegionFactory(code="zhambyl", name_en="Zhambyl Region")
    SchoolFactory(region=region, code="zhambyl-41", name_en="School No. 41")
    course = course_page("Adapting lessons", modules=1, audiences=[("teacher", None, False)])
    programme = Programme.objects.create(
        code="iesr",
        name_kk="Бағдарлама",
        name_ru="Программа",
        name_en="Support rooms",
        starts_on=timezone.localdate() - timedelta(days=30),
        ends_on=timezone.localdate() + timedelta(days=200),
    )
    programme.regions.add(region)
    programme.save()
    RequiredCourse.objects.create(programme=programme, role="teacher", course=course)
    TrainedRule.objects.create(programme=programme, role="teacher")
    manager = UserFactory()
    grant(manager, Role.PROGRAMME_MANAGER)

    sign_in(page, base, manager)
    page.goto(f"{base}/en/programmes/iesr/")
    assert staff_in_scope(page) == "0"

    page.goto(f"{base}/en/programmes/imports/")
    assert_accessible(page)
    page.get_by_label("Staff list (CSV or XLSX)").set_input_files(
        staff_file(
            "aliya@example.kz,Әлия Серікқызы,,kk,teacher,zhambyl-41,,,",
            "not-an-address,Бауыржан Ахметов,,ru,teacher,zhambyl-41,,,",
        )
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator("main")).to_contain_text("Nothing was imported")
    expect(page.locator("main")).to_contain_text("Enter a valid e-mail address.")
    assert_accessible(page)
    assert not User.objects.filter(email="aliya@example.kz").exists()

    page.goto(f"{base}/en/programmes/imports/")
    page.get_by_label("Staff list (CSV or XLSX)").set_input_files(
        staff_file(
            "aliya@example.kz,Әлия Серікқызы,,kk,teacher,zhambyl-41,,,",
            "baurzhan@example.kz,Бауыржан Ахметов,,ru,teacher,zhambyl-41,,,",
        )
    )
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("button", name="Import now").click()
    expect(page.locator("main")).to_contain_text("2")
    assert_accessible(page)
    assert User.objects.filter(email__in=["aliya@example.kz", "baurzhan@example.kz"]).count() == 2

    page.goto(f"{base}/en/programmes/iesr/")
    assert staff_in_scope(page) == "2"
    expect(page.locator("table.funnel")).to_contain_text("Enrolled")
