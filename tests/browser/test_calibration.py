"""A supervisor scores a master-coded lesson below the threshold, reads the master's
reasons, scores another and becomes calibrated; the coordinator sees it in the register.
Every page on the way is checked with axe-core, the result also at 320 px wide."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from people.models import User
from people.roles import Role
from supervision.models import Calibration
from tests.factories import RegionFactory, SchoolFactory, UserFactory, grant
from tests.factories.supervision import RubricFactory, make_exercise, published

from .conftest import assert_accessible
from .test_supervision import sign_in, tablet

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supervisor_goes_through_exercises_to_calibrated(
    browser: Browser, live_server: Any, settings: Any
) -> None:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
    base = live_server.url
    region = RegionFactory(name_en="Turkestan region")
    school = SchoolFactory(region=region, name_en="Lyceum No. 6")
    supervisor: User = UserFactory(full_name="Гүлнұр Тұрсынова")
    grant(supervisor, Role.SUPERVISOR, school=school)
    coordinator: User = UserFactory(full_name="Ерлан Омаров")
    grant(coordinator, Role.REGIONAL_COORDINATOR, region=region)
    version = published(RubricFactory())
    keys = list(version.indicator_keys())
    hard = make_exercise(version, {keys[0]: 1}, title="A lesson on fractions")
    make_exercise(version, title="A reading lesson")

    page = tablet(browser)
    sign_in(page, base, supervisor)
    page.goto(f"{base}/en/supervision/")
    page.get_by_role("link", name="Calibration", exact=True).click()
    expect(page.locator("h1")).to_have_text("Calibration")
    assert_accessible(page)

    # The first lesson: level 3 everywhere, but the master put the first indicator at 1.
    page.get_by_role("link", name="A lesson on fractions").click()
    expect(page.locator("h1")).to_have_text("A lesson on fractions")
    expect(page.get_by_text("Why")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("button", name="Submit my scores").click()
    expect(page.locator(".error-summary")).to_be_visible()
    for key in keys:
        page.locator(f"input[name='score_{key}'][value='3']").check()
    page.get_by_role("button", name="Submit my scores").click()
    expect(page.locator("h1")).to_contain_text("Result: A lesson on fractions")
    expect(page.get_by_text("below the programme's threshold")).to_be_visible()
    expect(page.get_by_text(f"Why {keys[0]} is at this level")).to_be_visible()
    assert_accessible(page)
    assert not Calibration.objects.filter(supervisor=supervisor).exists()

    # The second lesson: agreed everywhere.
    page.get_by_role("link", name="Choose another exercise").click()
    page.get_by_role("link", name="A reading lesson").click()
    for key in keys:
        page.locator(f"input[name='score_{key}'][value='3']").check()
    page.get_by_role("button", name="Submit my scores").click()
    expect(page.locator("[data-calibrated]")).to_contain_text("You are calibrated on Lesson")
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert Calibration.objects.filter(supervisor=supervisor).count() == 1

    # Coming back to the first exercise shows its result, not a new form.
    page.goto(f"{base}/en/supervision/calibration/exercises/{hard.public_id}/")
    expect(page).to_have_url(re.compile(r"/calibration/attempts/"))

    # The coordinator's register.
    other = tablet(browser)
    sign_in(other, base, coordinator)
    other.goto(f"{base}/en/supervision/calibration/register/")
    row = other.locator("tr", has_text="Гүлнұр Тұрсынова")
    expect(row).to_contain_text("Calibrated")
    assert_accessible(other)
    other.goto(f"{base}/en/supervision/calibration/agreement/")
    expect(other.locator("h1")).to_have_text("Agreement report")
    assert_accessible(other)
