"""Scores sent back: completing a module or the course a platform launched sends the score
to the line item of the launch, through a token the platform grants only to the tool's key."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import requests
from django.test import Client

from courses.models import ModulePage
from courses.services import knowledge_check_submit, module_mark_done
from lti import grades, tasks
from lti.models import GradeTarget
from people.models import User
from tests.factories.courses import check_value, course_page, module_page

from .conftest import launch, resource_claims
from .platform import Platform

pytestmark = [pytest.mark.lti, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tool_keys(platform: Platform, live_server: Any) -> None:
    """The platform reads the tool's key set from the running product."""
    platform.tool_jwks_url = f"{live_server.url}/lti/jwks/"


def test_completing_the_launched_module_sends_full_marks(
    client: Client, platform: Platform, registered: object, tool_keys: None
) -> None:
    course = course_page(modules=["Seeing the child", "Planning support"])
    first = course.get_children().live().specific()[0]
    claims = resource_claims(
        "moodle-user-30",
        email="nur@school.example",
        page=first,
        lineitem=platform.lineitem(7),
    )
    assert launch(client, platform, "nur", claims).status_code == 302
    person = User.objects.get(email="nur@school.example")
    assert platform.scores == []

    module_mark_done(person=person, module=first)

    [score] = platform.scores
    assert score["lineitem"] == "/lineitems/7"
    assert (score["scoreGiven"], score["scoreMaximum"]) == (1.0, 1.0)
    assert score["userId"] == "moodle-user-30"
    assert score["activityProgress"] == "Completed"
    assert GradeTarget.objects.get().score_sent == 1.0

    module_mark_done(person=person, module=first)  # repeated: nothing new to send
    assert len(platform.scores) == 1


def test_completing_the_course_sends_the_course_score(
    client: Client, platform: Platform, registered: object, tool_keys: None
) -> None:
    course = course_page(modules=["One", "Two"])
    one, two = course.get_children().live().specific()
    claims = resource_claims(
        "moodle-user-31", email="erlan@school.example", page=course, lineitem=platform.lineitem(8)
    )
    assert launch(client, platform, "erlan", claims).status_code == 302
    person = User.objects.get(email="erlan@school.example")

    module_mark_done(person=person, module=one)
    assert platform.scores == []  # the course is not finished yet
    module_mark_done(person=person, module=two)

    [score] = platform.scores
    assert score["lineitem"] == "/lineitems/8"
    assert (score["scoreGiven"], score["scoreMaximum"]) == (1.0, 1.0)


def test_a_knowledge_check_sends_its_score(
    client: Client, platform: Platform, registered: object, tool_keys: None
) -> None:
    course = course_page(modules=[])
    questions = [
        ("Two plus two?", "single", [("Four", True), ("Five", False)]),
        ("Three plus three?", "single", [("Six", True), ("Seven", False)]),
    ]
    check = check_value(questions, pass_mark=50)
    module = module_page(
        course,
        "Check yourself",
        completion=ModulePage.Completion.KNOWLEDGE_CHECK,
        body=[{"type": "knowledge_check", "value": check, "id": str(uuid.uuid4())}],
    )
    claims = resource_claims(
        "moodle-user-32", email="aru@school.example", page=module, lineitem=platform.lineitem(9)
    )
    assert launch(client, platform, "aru", claims).status_code == 302
    person = User.objects.get(email="aru@school.example")
    first, second = check["questions"]
    right = first["value"]["options"][0]["id"]
    wrong = second["value"]["options"][1]["id"]

    attempt = knowledge_check_submit(
        person=person,
        module=module,
        answers={first["id"]: [right], second["id"]: [wrong]},
        attempt_number=1,
    )

    assert attempt.passed
    assert attempt.score == 50
    [score] = platform.scores
    assert (score["scoreGiven"], score["scoreMaximum"]) == (50.0, 100.0)


def test_a_launch_without_the_gradebook_sends_nothing(
    client: Client, platform: Platform, registered: object, tool_keys: None
) -> None:
    course = course_page(modules=["Only"])
    only = course.get_children().live().specific()[0]
    claims = resource_claims("moodle-user-33", email="dias@school.example", page=course)
    assert launch(client, platform, "dias", claims).status_code == 302

    module_mark_done(person=User.objects.get(email="dias@school.example"), module=only)

    assert not GradeTarget.objects.exists()
    assert platform.scores == []


def test_a_gradebook_briefly_down_is_retried_and_the_score_kept_for_then(
    client: Client, platform: Platform, registered: object, tool_keys: None
) -> None:
    course = course_page(modules=["Only"])
    only = course.get_children().live().specific()[0]
    claims = resource_claims("moodle-user-34", email="zhan@school.example", page=only)
    assert launch(client, platform, "zhan", claims).status_code == 302
    module_mark_done(person=User.objects.get(email="zhan@school.example"), module=only)
    # The teacher adds the link to the gradebook later; the next launch carries it.
    graded = {
        **claims,
        **resource_claims("moodle-user-34", email="", lineitem=platform.lineitem(10)),
    }
    graded["email"] = "zhan@school.example"
    assert launch(Client(HTTP_ACCEPT_LANGUAGE="en"), platform, "zhan", graded).status_code == 302
    target = GradeTarget.objects.get()
    platform.unavailable_scores = 1

    with pytest.raises(grades.PlatformUnavailable):
        grades.score_send(target_id=target.pk)

    target.refresh_from_db()
    assert target.score_sent is None
    assert platform.scores == []
    task = tasks.score_send
    assert grades.PlatformUnavailable in task.autoretry_for
    assert requests.RequestException in task.autoretry_for
    assert task.retry_backoff
    retried = task.apply(args=[target.pk])  # the retry, once the platform is back
    assert retried.successful()
    assert retried.result is True
    [score] = platform.scores
    assert score["lineitem"] == "/lineitems/10"
    again = task.apply(args=[target.pk])
    assert again.successful()
    assert again.result is False  # sent once
