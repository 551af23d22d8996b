"""A teacher signs in through their organisation's OpenID Connect provider in a real
browser: the product's sign-in page, the provider's own pages, and back to the courses
offered to the role the provider's rule gave."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from federation.models import IdentityProvider, MappingRule
from people.models import RoleMembership, User
from people.roles import Role
from tests.factories import RegionFactory, SchoolFactory
from tests.factories.courses import course_page
from tests.federation import idp

from .conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.sso, pytest.mark.django_db(transaction=True)]

EMAIL = "gulnar@oblast.example"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def provider(tmp_path: Path, live_server: Any) -> Iterator[idp.Provider]:
    person = {
        "email": EMAIL,
        "name": "Гүлнар Әбдіқызы",
        "name_alt": "Gulnar Abdikyzy",
        "locale": "en-GB",
        "role": "teacher",
        "school_code": "oblast-school-7",
    }
    callback = f"{live_server.url}/en/accounts/oidc/oblast/login/callback/"
    running = idp.start(tmp_path, [person], port=free_port(), redirect_uris=[callback])
    yield running
    running.process.terminate()
    running.process.wait(timeout=10)


def test_a_teacher_signs_in_with_the_organisation_and_sees_the_courses_for_teachers(
    page: Page, live_server: Any, provider: idp.Provider
) -> None:
    school = SchoolFactory(code="oblast-school-7", region=RegionFactory(code="oblast"))
    organisation = IdentityProvider.objects.create(
        organisation="Oblast Education Department",
        slug="oblast",
        issuer=provider.issuer,
        client_id=idp.CLIENT_ID,
        client_secret=idp.CLIENT_SECRET,
        domains="oblast.example",
        region=school.region,
        allowed_roles=[Role.TEACHER],
        name_alt_claim="name_alt",
    )
    MappingRule.objects.create(
        provider=organisation, claim="role", value="teacher", role=Role.TEACHER
    )
    course_page(
        "Inclusive lessons for every child",
        modules=["Planning for the whole class"],
        audiences=[(Role.TEACHER, None, False)],
        language="en",
    )
    course_page("Only for tutors", modules=1, language="en")

    page.goto(f"{live_server.url}/en/accounts/login/")
    assert_accessible(page)
    page.get_by_role("button", name="Sign in with Oblast Education Department").click()

    # The organisation's own sign-in page, on its own address.
    page.wait_for_url(f"{provider.issuer}/accounts/login/**", timeout=15_000)
    page.fill("input[name=login]", EMAIL)
    page.fill("input[name=password]", idp.PASSWORD)
    page.locator("form:has(input[name=login]) button[type=submit]").click()

    page.wait_for_url(f"{live_server.url}/**", timeout=15_000)
    page.goto(f"{live_server.url}/en/courses/")
    expect(page.get_by_role("link", name="Inclusive lessons for every child")).to_be_visible()
    expect(page.get_by_role("link", name="Only for tutors")).to_have_count(0)
    assert_accessible(page)

    person = User.objects.get(email=EMAIL)
    assert person.full_name == "Гүлнар Әбдіқызы"
    held = RoleMembership.objects.current().get(person=person)
    assert (held.role, held.school) == (Role.TEACHER, school)
