"""A trainer writes a module with a knowledge check and submits it; a lead trainer reviews
the whole course once in the admin and approves it: in a real browser."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Browser, Page, expect

from courses.models import ModulePage
from courses.setup import LEAD_TRAINERS
from people.roles import Role
from tests.factories import UserFactory, activate_totp, admin_in_english, grant
from tests.factories.courses import course_page

from .test_foundation_pages import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def author(*, lead: bool = False) -> tuple[Any, str]:
    person = UserFactory(preferred_language="en")
    grant(person, Role.TRAINER)
    if lead:
        person.groups.add(Group.objects.get(name=LEAD_TRAINERS))
    secret = activate_totp(person)
    admin_in_english(person)
    return person, secret


def new_page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def test_a_module_is_submitted_with_its_course_and_the_lead_approves_the_course_once(
    browser: Browser, live_server: Any
) -> None:
    base = live_server.url
    course = course_page("Supporting a child with autism", modules=1, language="en")
    trainer, trainer_secret = author()

    page = new_page(browser)
    sign_in(page, base, trainer, secret=trainer_secret)
    page.goto(f"{base}/admin/pages/add/courses/modulepage/{course.pk}/")
    page.fill("#id_title", "Check your understanding")
    page.select_option("#id_completion", "knowledge_check")
    page.locator("[data-contentpath=body] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Knowledge check", exact=True).click()
    check = page.locator("[data-contentpath=body]")
    # A new check opens with one question and the two answers it needs, and no error.
    answers = check.get_by_label(re.compile(r"^Answer\*?$"))
    expect(answers).to_have_count(2)
    expect(check.locator(".error-message, .help-critical")).to_have_count(0)
    check.get_by_label(re.compile(r"^Question\*?$")).fill("What helps before a change?")
    answers.nth(0).fill("A warning and a picture of what comes next")
    answers.nth(1).fill("A surprise")
    check.get_by_role("checkbox", name="Correct").first.check()
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target=toggle]").last.click()
    page.get_by_role("button", name="Submit with the course for review").click()
    expect(page.locator(".messages")).to_contain_text("is reviewed with its course")
    page.context.close()

    module = ModulePage.objects.get(title="Check your understanding")
    assert not module.live

    lead, lead_secret = author(lead=True)
    page = new_page(browser)
    sign_in(page, base, lead, secret=lead_secret)
    page.goto(f"{base}/admin/")
    page.get_by_role("link", name="Supporting a child with autism").first.click()
    expect(page.locator("h1")).to_contain_text("Review of")
    row = page.locator("tr", has_text="Check your understanding")
    expect(row).to_contain_text("New")
    expect(row.get_by_role("link", name=re.compile("^Preview"))).to_be_visible()
    page.get_by_role("button", name="Approve and publish").click()
    expect(page.locator(".messages")).to_contain_text("is approved and published")
    page.context.close()

    module.refresh_from_db()
    assert module.live
