"""A person launched from a platform: their links appear in their data download, and
erasure removes them, so that no score is sent for them any more."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.test import Client

from lms import privacy
from lti.models import GradeTarget, PlatformAccount
from people.models import User
from tests.factories import UserFactory, grant
from tests.factories.courses import course_page

from .conftest import launch, resource_claims
from .platform import Platform

pytestmark = [pytest.mark.lti, pytest.mark.django_db]


def test_links_are_exported_and_erased(
    client: Client, platform: Platform, registered: object
) -> None:
    course = course_page("Inclusive classrooms")
    claims = resource_claims(
        "moodle-user-40", email="gul@school.example", page=course, lineitem=platform.lineitem(3)
    )
    assert launch(client, platform, "gul", claims).status_code == 302
    person = User.objects.get(email="gul@school.example")

    archive = zipfile.ZipFile(io.BytesIO(privacy.personal_data_export(person=person)))
    data = json.loads(archive.read("data.json"))["lti"]
    assert data["platform_accounts"][0]["subject"] == "moodle-user-40"
    assert data["grade_targets"][0]["course"] == "Inclusive classrooms"

    administrator = UserFactory()
    grant(administrator, "administrator")
    privacy.person_erase(actor=administrator, person=person, reason="Asked to be forgotten")

    assert not PlatformAccount.objects.exists()
    assert not GradeTarget.objects.exists()
