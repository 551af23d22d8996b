"""LTI 1.3 in a real browser, against the tests' platform (it signs launches with its own
key): a learner's launch opens the course, and a platform teacher picks a module, which
goes back to the platform as a signed deep-linking response."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from courses.models import Enrolment
from lti.models import Platform as PlatformRow
from tests.factories.courses import course_page
from tests.lti import platform as lti_platform
from tests.lti.conftest import deep_link_claims, resource_claims
from tests.lti.platform import CLIENT_ID, DEPLOYMENT_ID, LTI, Platform

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.lti, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def platform(live_server: Any) -> Iterator[Platform]:
    running = lti_platform.start()
    running.redirect_uris = {f"{live_server.url}/lti/launch/", f"{live_server.url}/lti/deep-link/"}
    running.tool_jwks_url = f"{live_server.url}/lti/jwks/"
    yield running
    running.server.shutdown()


def register(platform: Platform) -> PlatformRow:
    # The browser reaches the platform as "localhost", the same site as the live server:
    # over plain HTTP the state cookie cannot be SameSite=None (that needs HTTPS).
    port = platform.server.server_address[1]
    return PlatformRow.objects.create(
        name="District Moodle",
        issuer=platform.issuer,
        client_id=CLIENT_ID,
        auth_login_url=f"http://localhost:{port}/auth",
        auth_token_url=f"{platform.url}/token",
        key_set_url=f"{platform.url}/jwks",
        deployment_ids=DEPLOYMENT_ID,
    )


def start_launch(page: Page, base: str, platform: Platform, hint: str, target: str) -> None:
    """What the platform's page does when a link is clicked: login initiation here, then
    the platform's own answer, a form it posts back to the tool."""
    query = {
        "iss": platform.issuer,
        "client_id": CLIENT_ID,
        "login_hint": hint,
        "target_link_uri": target,
        "lti_deployment_id": DEPLOYMENT_ID,
    }
    page.goto(f"{base}/lti/login/?{urlencode(query)}")
    page.wait_for_url("**/auth?**")
    page.evaluate("document.forms[0].submit()")


def test_a_learner_launch_opens_the_course_and_a_teacher_links_a_module(
    page: Page, live_server: Any, platform: Platform
) -> None:
    base = live_server.url
    register(platform)
    course = course_page("Inclusive classrooms", modules=["Seeing the child"], language="en")
    module = course.get_children().live().specific()[0]

    # A learner clicks the platform's link to the course.
    platform.launches["dana"] = resource_claims(
        "moodle-dana",
        email="dana@school.example",
        page=course,
        target=f"{base}/lti/launch/",
        locale="en",
    )
    start_launch(page, base, platform, "dana", f"{base}/lti/launch/")
    expect(page.locator("h1")).to_have_text("Inclusive classrooms")
    assert_accessible(page)
    assert Enrolment.objects.filter(person__email="dana@school.example", course=course).exists()

    # A teacher on the platform chooses what a new link opens.
    teacher = page.context.browser.new_context(locale="en-GB").new_page()
    platform.launches["teacher"] = deep_link_claims(platform, "moodle-teacher")
    start_launch(teacher, base, platform, "teacher", f"{base}/lti/deep-link/")
    expect(teacher.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(teacher)
    teacher.get_by_label("Seeing the child").check()
    teacher.get_by_role("button", name="Add the link").click()

    # The page posts the signed answer back to the platform, which verifies it with the
    # tool's key set.
    teacher.wait_for_url(f"{platform.url}/deep-link-return")
    # (The browser's request for the platform page's icon is the platform's only 404.)
    assert [reason for reason in platform.refusals if reason != "not found"] == []
    [answer] = platform.deep_link_responses
    [item] = answer["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"]
    assert item["custom"] == {"lms_page": str(module.pk)}
    assert answer[LTI + "message_type"] == "LtiDeepLinkingResponse"
