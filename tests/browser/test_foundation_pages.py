"""Accessibility and keyboard use of the foundation's pages, in all three languages."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from people.models import User
from people.roles import Role
from tests.factories import (
    PASSWORD,
    RegionFactory,
    SchoolFactory,
    UserFactory,
    activate_totp,
    grant,
    totp_code,
)

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, base: str, person: User, *, language: str = "en", secret: str = "") -> None:
    page.goto(f"{base}/{language}/accounts/login/")
    page.fill("input[name=login]", person.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    if secret:
        page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
        page.fill("input[name=code]", totp_code(secret))
        page.locator("main button[type=submit]").first.click()
    page.wait_for_url(re.compile(rf"/{language}/$"))


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_public_pages_are_accessible(page: Page, live_server: Any, language: str) -> None:
    base = live_server.url
    for path in ("", "accounts/login/", "accounts/password/reset/", "no-such-page/"):
        page.goto(f"{base}/{language}/{path}")
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(page)


def test_sign_in_errors_are_announced_and_accessible(page: Page, live_server: Any) -> None:
    base = live_server.url
    person = UserFactory()
    page.goto(f"{base}/ru/accounts/login/")
    page.fill("input[name=login]", person.email)
    page.fill("input[name=password]", "wrong-password")
    page.locator("main button[type=submit]").click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert_accessible(page)


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_signed_in_pages_are_accessible(page: Page, live_server: Any, language: str) -> None:
    base = live_server.url
    region = RegionFactory()
    school = SchoolFactory(region=region)
    coordinator = UserFactory(preferred_language=language)
    grant(coordinator, Role.REGIONAL_COORDINATOR, region=region)
    secret = activate_totp(coordinator)
    for number in range(3):
        grant(UserFactory(full_name=f"Teacher {number}"), Role.TEACHER, school=school)
    sign_in(page, base, coordinator, language=language, secret=secret)
    assert_accessible(page)

    page.goto(f"{base}/{language}/people/")
    assert_accessible(page)
    page.locator("table a").first.click()
    assert_accessible(page)

    page.goto(f"{base}/{language}/people/add/")
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert_accessible(page)

    page.goto(f"{base}/{language}/account/profile/")
    assert_accessible(page)


def test_keyboard_only_sign_in_and_language_switch(page: Page, live_server: Any) -> None:
    base = live_server.url
    person = UserFactory(preferred_language="en")
    grant(person, Role.TEACHER, school=SchoolFactory())
    page.goto(f"{base}/en/accounts/login/")

    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator("input[name=login]")).to_be_focused()
    page.keyboard.type(person.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/$"))
    expect(page.locator("h1")).to_contain_text("Hello")

    # The language switcher is reachable and keeps the page.
    page.goto(f"{base}/en/account/profile/")
    russian = page.locator(".language-switcher button[value=ru]")
    russian.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ru/account/profile/$"))
    expect(page.locator("h1")).to_have_text("Ваши данные")


def test_focus_is_visible_and_targets_are_large_enough(page: Page, live_server: Any) -> None:
    base = live_server.url
    page.goto(f"{base}/en/accounts/login/")
    page.locator("input[name=login]").focus()
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    for selector in (".language-switcher button", "main button[type=submit]", "input[name=login]"):
        box = page.locator(selector).first.bounding_box()
        assert box is not None, selector
        assert min(box["width"], box["height"]) >= 24, selector
