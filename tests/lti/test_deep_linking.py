"""Deep linking: a teacher on the platform chooses a course or module here, and the tool
answers with a signed response the platform verifies with the tool's key set."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from django.test import Client

from courses.models import Enrolment
from lti.models import PlatformAccount
from people.models import User
from tests.factories.courses import course_page

from .conftest import DEEP_LINK_URL, STUDENT, authenticate, deep_link_claims, launch
from .platform import LTI, Platform, form_of

pytestmark = [pytest.mark.lti]

CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items"


def _choose(client: Client, platform: Platform) -> tuple[Any, Any]:
    platform.launches["teacher"] = deep_link_claims(platform, "moodle-teacher")
    action, fields = authenticate(client, platform, "teacher", target=DEEP_LINK_URL)
    chooser = client.post(action.removeprefix("http://testserver"), fields)
    return chooser, form_of(chooser.content.decode())


@pytest.mark.django_db(transaction=True)
def test_a_teacher_links_a_module_and_the_platform_verifies_the_response(
    client: Client, platform: Platform, registered: object, live_server: Any
) -> None:
    platform.tool_jwks_url = f"{live_server.url}/lti/jwks/"
    course = course_page("Inclusive classrooms", modules=["Seeing the child"])
    module = course.get_children().live().specific()[0]

    chooser, (action, fields) = _choose(client, platform)

    assert chooser.status_code == 200
    html = chooser.content.decode()
    assert "Inclusive classrooms" in html
    assert "Seeing the child" in html
    assert f'<label for="page-{module.pk}">' in html
    assert "frame-ancestors " + platform.url in chooser["Content-Security-Policy"]
    assert "X-Frame-Options" not in chooser.headers
    assert not User.objects.exists()  # choosing signs nobody in

    answer = client.post(action, {"launch_id": fields["launch_id"], "page": module.pk})

    assert answer.status_code == 200
    return_url, posted = form_of(answer.content.decode())
    assert return_url == f"{platform.url}/deep-link-return"
    assert platform.url in answer["Content-Security-Policy"].split("form-action")[1]
    received = requests.post(return_url, data=posted, timeout=10)
    assert received.status_code == 200, platform.refusals
    claims = platform.deep_link_responses[-1]
    assert claims[LTI + "message_type"] == "LtiDeepLinkingResponse"
    assert claims["https://purl.imsglobal.org/spec/lti-dl/claim/data"] == "platform-data-123"
    [item] = claims[CONTENT_ITEMS]
    assert item["type"] == "ltiResourceLink"
    assert item["title"] == "Seeing the child"
    assert item["custom"] == {"lms_page": str(module.pk)}
    assert item["lineItem"] == {
        "scoreMaximum": 100,
        "label": "Seeing the child",
        "resourceId": str(module.pk),
    }

    # The link the platform saved opens that module for a learner.
    learner = resource_claims_from(item, sub="moodle-learner", email="lina@school.example")
    opened = launch(Client(HTTP_ACCEPT_LANGUAGE="en"), platform, "lina", learner)
    assert opened["Location"] == module.url
    assert Enrolment.objects.get(person__email="lina@school.example").course_id == course.pk

    again = client.post(action, {"launch_id": fields["launch_id"], "page": course.pk})
    assert again.status_code == 400  # a choice is sent once


def resource_claims_from(item: dict[str, Any], *, sub: str, email: str) -> dict[str, Any]:
    return {
        "sub": sub,
        "email": email,
        "name": "Lina Learner",
        LTI + "message_type": "LtiResourceLinkRequest",
        LTI + "resource_link": {"id": "link-from-deep-linking"},
        LTI + "target_link_uri": item["url"],
        LTI + "roles": [STUDENT],
        LTI + "custom": item["custom"],
    }


@pytest.mark.django_db
def test_a_learner_cannot_choose_links(
    client: Client, platform: Platform, registered: object
) -> None:
    course_page()
    platform.launches["pupil"] = {
        **deep_link_claims(platform, "moodle-pupil"),
        LTI + "roles": [STUDENT],
    }
    action, fields = authenticate(client, platform, "pupil", target=DEEP_LINK_URL)

    response = client.post(action.removeprefix("http://testserver"), fields)

    assert response.status_code == 403
    assert "Only teachers" in response.content.decode()
    assert not PlatformAccount.objects.exists()


@pytest.mark.django_db
def test_a_made_up_launch_id_is_refused(client: Client, registered: object) -> None:
    course = course_page()

    response = client.post(
        "/lti/deep-link/choose/", {"launch_id": "lti1p3-launch-made-up", "page": course.pk}
    )

    assert response.status_code == 400
    assert "expired" in response.content.decode()


@pytest.mark.django_db
def test_a_translated_course_is_offered_once_in_the_teachers_language(
    client: Client, platform: Platform, registered: object
) -> None:
    from wagtail.models import Locale

    course = course_page("Inclusive classrooms", modules=["Seeing the child"])
    russian = course.copy_for_translation(Locale.objects.get(language_code="ru"), copy_parents=True)
    russian.title = "Инклюзивные классы"
    russian.save_revision().publish()
    claims = deep_link_claims(platform, "moodle-teacher")
    claims[LTI + "launch_presentation"] = {"locale": "ru"}
    platform.launches["teacher"] = claims
    action, fields = authenticate(client, platform, "teacher", target=DEEP_LINK_URL)

    html = client.post(action.removeprefix("http://testserver"), fields).content.decode()

    assert html.count("Инклюзивные классы") == 2  # the legend and the whole-course choice
    assert "Inclusive classrooms" not in html
    assert f'value="{russian.pk}"' in html
