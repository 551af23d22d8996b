"""A supervisor records a visit on a tablet: two observations, a photo and action points;
the school leader signs it off; the next visit shows the open action points for review.
Every page on the way is checked with axe-core."""

from __future__ import annotations

import io
import re
import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from people.models import User
from people.roles import Role
from supervision import services
from supervision.models import ActionPoint, Attachment, Observation, Visit
from tests.factories import (
    PASSWORD,
    RegionFactory,
    SchoolFactory,
    UserFactory,
    activate_totp,
    grant,
    totp_code,
)
from tests.factories.supervision import RubricFactory, make_year, published

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, base: str, person: User, *, secret: str = "") -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.fill("input[name=login]", person.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    if secret:
        page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
        page.fill("input[name=code]", totp_code(secret))
        page.locator("main button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/en/$"))


def tablet(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 820, "height": 1180}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def photo_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (11, 93, 99)).save(out, "JPEG")
    return out.getvalue()


def record_observation(page: Page, person: User, role: str, keys: list[str], score: int) -> None:
    page.get_by_role("link", name="Add an observation").click()
    assert_accessible(page)
    page.get_by_label("Lesson").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Record an observation")
    page.select_option("select[name=observed]", f"{person.public_id}:{role}")
    for key in keys:
        page.locator(f"input[name='score_{key}'][value='{score}']").check()
    page.fill("textarea[name=evidence]", "The pupil followed the visual timetable without help.")
    page.fill("textarea[name=next_steps]", "Wait five seconds for answers.")
    assert_accessible(page)
    page.get_by_role("button", name="Save the observation").click()
    expect(page.locator(".message--success")).to_contain_text("was saved")


def test_a_visit_from_recording_to_sign_off_to_the_next_review(
    browser: Browser, live_server: Any, settings: Any, tmp_path: Any
) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    from django.core.files.storage import storages

    Attachment._meta.get_field("file").storage = storages["private"]

    base = live_server.url
    region = RegionFactory()
    school = SchoolFactory(region=region, name_en="Lyceum No. 6")
    supervisor: User = UserFactory(full_name="Гүлнұр Тұрсынова")
    grant(supervisor, Role.SUPERVISOR, school=school)
    secret = activate_totp(supervisor)
    leader = UserFactory(full_name="Ерлан Омаров")
    grant(leader, Role.SCHOOL_LEADER, school=school)
    teacher = UserFactory(full_name="Айгүл Сейітова")
    grant(teacher, Role.TEACHER, school=school)
    tutor = UserFactory(full_name="Ирина Петрова")
    grant(tutor, Role.TUTOR, school=school)
    rubric = RubricFactory()
    keys = list(published(rubric).indicator_keys())
    today = timezone.localdate()
    year = make_year(school, [supervisor], starts_on=today - timedelta(days=60))
    first = Visit.objects.create(year=year, school=school, planned_on=today, supervisor=supervisor)
    second = Visit.objects.create(
        year=year, school=school, planned_on=today + timedelta(days=30), supervisor=supervisor
    )

    # The supervisor, on a tablet.
    page = tablet(browser)
    sign_in(page, base, supervisor, secret=secret)
    page.get_by_role("link", name="Supervision", exact=True).first.click()
    assert_accessible(page)
    page.get_by_role("link", name="My visits").click()
    assert_accessible(page)
    page.locator(f"a[href$='/visits/{first.public_id}/']").click()
    assert_accessible(page)
    page.get_by_role("button", name="Start recording").click()
    expect(page.locator(".visit-state")).to_contain_text("In progress")
    assert_accessible(page)

    record_observation(page, teacher, Role.TEACHER, keys, 3)
    record_observation(page, tutor, Role.TUTOR, keys, 2)
    assert Observation.objects.filter(visit=first, is_complete=True).count() == 2

    page.set_input_files(
        "input[name='attachment-file']",
        {"name": "timetable.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes()},
    )
    page.fill("input[name='attachment-caption']", "Visual timetable by the board")
    page.get_by_role("button", name="Attach", exact=True).click()
    expect(page.locator(".attachment-item img")).to_have_count(1)
    assert_accessible(page)

    for owner, text in ((teacher, "Put up a visual timetable"), (tutor, "Keep a progress log")):
        page.fill("textarea[name='ap-description']", text)
        page.select_option("select[name='ap-owner']", str(owner.pk))
        page.fill("input[name='ap-due_on']", (today + timedelta(days=21)).isoformat())
        page.get_by_role("button", name="Save the action point").click()
        expect(page.locator("#action-points")).to_contain_text(text)
    assert ActionPoint.objects.filter(visit=first).count() == 2

    page.get_by_role("button", name="Submit the visit").click()
    expect(page.locator(".visit-state")).to_contain_text("Submitted")
    assert_accessible(page)

    # The school leader signs it off.
    leader_page = tablet(browser)
    sign_in(leader_page, base, leader)
    leader_page.goto(f"{base}/en/supervision/visits/{first.public_id}/")
    assert_accessible(leader_page)
    expect(leader_page.locator("#observations")).to_contain_text("Айгүл Сейітова")
    leader_page.get_by_label("I have read this visit record").check()
    leader_page.get_by_role("button", name="Sign off the visit").click()
    expect(leader_page.locator(".visit-state")).to_contain_text("Signed off")
    expect(leader_page.locator(".summary-list")).to_contain_text("Ерлан Омаров")
    assert_accessible(leader_page)
    first.refresh_from_db()
    assert first.signed_off_by == leader

    # At the next visit, the open action points wait for review.
    page.goto(f"{base}/en/supervision/visits/{second.public_id}/")
    page.get_by_role("button", name="Start recording").click()
    review = page.locator("#review")
    expect(review).to_contain_text("Put up a visual timetable")
    expect(review).to_contain_text("Keep a progress log")
    expect(
        page.locator("text=2 action points from earlier visits still need a review.")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Submit the visit").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("Review the action point")
    assert_accessible(page)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_overview_pages_are_accessible(browser: Browser, live_server: Any, language: str) -> None:
    """Coverage, plans, action points, an observation and the practice chart, per language."""
    base = live_server.url
    region = RegionFactory()
    school = SchoolFactory(region=region)
    supervisor: User = UserFactory()
    grant(supervisor, Role.SUPERVISOR, school=school)
    coordinator: User = UserFactory(preferred_language=language)
    grant(coordinator, Role.REGIONAL_COORDINATOR, region=region)
    secret = activate_totp(coordinator)
    teacher: User = UserFactory(full_name="Айгүл Сейітова", preferred_language=language)
    grant(teacher, Role.TEACHER, school=school)
    rubric = RubricFactory()
    version = published(rubric)
    today = timezone.localdate()
    year = make_year(school, [supervisor], starts_on=today - timedelta(days=90))
    for weeks, score in ((10, 2), (6, 3), (2, 4)):
        visit = Visit.objects.create(
            year=year,
            school=school,
            planned_on=today - timedelta(weeks=weeks),
            supervisor=supervisor,
            state=Visit.State.IN_PROGRESS,
        )
        services.observation_save(
            actor=supervisor,
            visit=visit,
            client_id=uuid.uuid4(),
            observed_person=teacher,
            observed_role=Role.TEACHER,
            rubric=rubric,
            scores=dict.fromkeys(version.indicator_keys(), score),
        )
        for point in ActionPoint.objects.filter(status="open", school=school):
            services.action_point_review(
                actor=supervisor, visit=visit, action_point=point, outcome="open"
            )
        services.action_point_save(
            actor=supervisor,
            visit=visit,
            client_id=uuid.uuid4(),
            description=f"Action after week {weeks}",
            owner=teacher,
            due_on=visit.planned_on + timedelta(days=7),
        )
        services.visit_transition(actor=supervisor, visit=visit, to_state=Visit.State.SUBMITTED)

    page = tablet(browser)
    page.goto(f"{base}/{language}/accounts/login/")
    page.fill("input[name=login]", coordinator.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.fill("input[name=code]", totp_code(secret))
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url(re.compile(rf"/{language}/$"))
    for path in (
        "supervision/",
        "supervision/schools/",
        "supervision/coverage/",
        "supervision/action-points/",
        f"supervision/years/{year.public_id}/",
        f"supervision/practice/{teacher.public_id}/",
    ):
        page.goto(f"{base}/{language}/{path}")
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)

    phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    phone.goto(f"{base}/{language}/accounts/login/")
    phone.fill("input[name=login]", teacher.email)
    phone.fill("input[name=password]", PASSWORD)
    phone.locator("main button[type=submit]").click()
    phone.wait_for_url(re.compile(rf"/{language}/$"))
    phone.goto(f"{base}/{language}/supervision/practice/")
    expect(phone.locator("svg.chart__svg")).to_have_count(1)
    expect(phone.locator("svg.chart__svg polyline").first).to_be_attached()
    assert_accessible(phone)
    phone.locator("main table a").first.click()
    expect(phone.locator("h1")).to_contain_text("Айгүл Сейітова")
    assert_accessible(phone)
