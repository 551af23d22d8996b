"""A tutor's whole course in a real browser: enrol, read, mark done, pass the knowledge
check, write a reflection that a trainer accepts, and see the course at 100%."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from courses.models import Enrolment, ModulePage
from people.roles import Role
from tests.factories import SchoolFactory, UserFactory, activate_totp, grant
from tests.factories.courses import course_page, module_page

from .conftest import assert_accessible
from .test_foundation_pages import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_tutor_completes_a_course_with_a_check_and_an_accepted_reflection(
    browser: Browser, page: Page, live_server: Any
) -> None:
    base = live_server.url
    # Written in English, the language the tutor reads in.
    course = course_page(
        "Supporting a child with autism", modules=["Understanding autism"], language="en"
    )
    module_page(
        course, "Check your understanding", completion=ModulePage.Completion.KNOWLEDGE_CHECK
    )
    module_page(course, "Your practice", completion=ModulePage.Completion.REFLECTION)
    tutor = UserFactory(full_name="Әйгерім Сейітова", preferred_language="en")
    grant(tutor, Role.TUTOR, school=SchoolFactory())

    sign_in(page, base, tutor)
    page.goto(f"{base}/en/courses/")
    assert_accessible(page)
    page.get_by_role("link", name="Supporting a child with autism").click()
    assert_accessible(page)
    page.get_by_role("button", name="Enrol").click()
    expect(page.locator(".messages")).to_contain_text("You are enrolled")

    page.get_by_role("link", name=re.compile("Start the first module")).click()
    expect(page.locator("h1")).to_have_text("Understanding autism")
    assert_accessible(page)
    page.get_by_role("button", name="Mark as done").click()

    # The knowledge check: a wrong answer first, with feedback, then the right ones.
    expect(page.locator("h1")).to_have_text("Check your understanding")
    page.get_by_role("radio", name="Five").check()
    page.get_by_role("checkbox", name="Two").check()
    page.get_by_role("checkbox", name="Four").check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator(".check-result")).to_contain_text("Not passed yet")
    expect(page.locator(".option__feedback").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("radio", name="Four").check()
    page.get_by_role("button", name="Try again").click()
    expect(page.locator(".check-result")).to_contain_text("You passed")

    page.get_by_role("link", name=re.compile("Your practice")).click()
    page.get_by_label("Your reflection").fill(
        "I will show the day's plan in pictures and warn before each change."
    )
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator(".messages")).to_contain_text("sent to a trainer")
    assert_accessible(page)

    trainer = UserFactory(full_name="Trainer", preferred_language="en")
    grant(trainer, Role.TRAINER)
    secret = activate_totp(trainer)
    trainer_page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(trainer_page, base, trainer, secret=secret)
    trainer_page.goto(f"{base}/en/learning/reflections/")
    assert_accessible(trainer_page)
    trainer_page.get_by_label("Accept").check()
    trainer_page.get_by_role("button", name=re.compile("Save decision")).click()
    expect(trainer_page.locator(".messages")).to_contain_text("accepted")
    trainer_page.context.close()

    page.goto(f"{base}/en/learning/")
    expect(page.locator("#learning-completed")).to_be_visible()
    page.goto(f"{base}/en/courses/supporting-a-child-with-autism/")
    expect(page.locator(".progress-panel")).to_contain_text("100%")
    assert Enrolment.objects.get(person=tutor).is_completed
