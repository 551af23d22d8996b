"""Launches the tool refuses: a clear page (400 or 403), and nothing created: no account,
no link, no enrolment, nobody signed in."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import jwt
import pytest
from django.test import Client

from courses.models import Enrolment
from lti.models import PlatformAccount
from people.models import User
from tests.factories.courses import course_page

from .conftest import authenticate, resource_claims
from .platform import CLIENT_ID, LTI, Platform, new_key

pytestmark = [pytest.mark.lti, pytest.mark.django_db]


def _nothing_created(client: Client) -> None:
    assert not User.objects.exists()
    assert not PlatformAccount.objects.exists()
    assert not Enrolment.objects.exists()
    assert "_auth_user_id" not in client.session


def _post_tampered(
    client: Client, platform: Platform, change: Callable[[dict[str, Any]], str]
) -> Any:
    """A launch whose id_token the test replaces: ``change`` gets the claims the platform
    signed (with the tool's nonce) and returns the token to post instead."""
    course = course_page()
    platform.launches["eve"] = resource_claims(
        "moodle-eve", email="eve@school.example", page=course
    )
    action, fields = authenticate(client, platform, "eve")
    claims = jwt.decode(fields["id_token"], options={"verify_signature": False})
    fields["id_token"] = change(claims)
    return client.post(action.removeprefix("http://testserver"), fields)


def test_a_replayed_id_token_is_refused(
    client: Client, platform: Platform, registered: object
) -> None:
    course = course_page()
    platform.launches["eve"] = resource_claims(
        "moodle-eve", email="eve@school.example", page=course
    )
    action, fields = authenticate(client, platform, "eve")
    path = action.removeprefix("http://testserver")
    assert client.post(path, fields).status_code == 302
    people = User.objects.count()

    replay = Client(HTTP_ACCEPT_LANGUAGE="en")
    replay.cookies = client.cookies
    response = replay.post(path, fields)

    assert response.status_code == 400
    assert "already used" in response.content.decode()
    assert User.objects.count() == people == 1
    assert PlatformAccount.objects.count() == 1


@pytest.mark.parametrize(
    ("case", "change", "reason"),
    [
        (
            "expired",
            lambda p, c: p.sign(
                {**c, "iat": int(time.time()) - 900, "exp": int(time.time()) - 600}
            ),
            "expired",
        ),
        (
            "without exp",
            lambda p, c: p.sign({k: v for k, v in c.items() if k != "exp"}),
            "could not be verified",
        ),
        ("wrong audience", lambda p, c: p.sign({**c, "aud": ["someone-else"]}), "not registered"),
        (
            "unsigned",
            lambda p, c: jwt.encode(
                c, None, algorithm="none", headers={"kid": p.public_jwk["kid"]}
            ),
            "could not be verified",
        ),
        (
            "signed by another key",
            lambda p, c: p.sign(c, key=new_key()[0]),
            "could not be verified",
        ),
        (
            "unknown issuer",
            lambda p, c: p.sign({**c, "iss": "https://other.example"}),
            "not registered",
        ),
        (
            "unknown deployment",
            lambda p, c: p.sign({**c, LTI + "deployment_id": "deployment-9"}),
            "deployment",
        ),
        ("another nonce", lambda p, c: p.sign({**c, "nonce": "made-up"}), "expired"),
    ],
)
def test_a_bad_id_token_is_refused_and_creates_nothing(
    client: Client,
    platform: Platform,
    registered: object,
    case: str,
    change: Callable[[Platform, dict[str, Any]], str],
    reason: str,
) -> None:
    response = _post_tampered(client, platform, lambda claims: change(platform, claims))

    assert response.status_code == 400, case
    assert reason in response.content.decode(), case
    _nothing_created(client)


def test_a_launch_without_the_state_cookie_is_refused(
    client: Client, platform: Platform, registered: object
) -> None:
    course = course_page()
    platform.launches["eve"] = resource_claims(
        "moodle-eve", email="eve@school.example", page=course
    )
    action, fields = authenticate(client, platform, "eve")
    stranger = Client(HTTP_ACCEPT_LANGUAGE="en")

    response = stranger.post(action.removeprefix("http://testserver"), fields)

    assert response.status_code == 400
    _nothing_created(stranger)


def test_a_launch_for_a_course_that_does_not_exist_is_refused(
    client: Client, platform: Platform, registered: object
) -> None:
    course = course_page()
    missing = resource_claims("moodle-eve", email="eve@school.example")
    missing[LTI + "custom"] = {"lms_page": str(course.pk + 1000)}
    platform.launches["eve"] = missing
    action, fields = authenticate(client, platform, "eve")

    response = client.post(action.removeprefix("http://testserver"), fields)

    assert response.status_code == 400
    assert "does not exist" in response.content.decode()
    _nothing_created(client)


def test_an_unpublished_course_is_refused(
    client: Client, platform: Platform, registered: object
) -> None:
    course = course_page()
    course.unpublish()
    platform.launches["eve"] = resource_claims(
        "moodle-eve", email="eve@school.example", page=course
    )
    action, fields = authenticate(client, platform, "eve")

    response = client.post(action.removeprefix("http://testserver"), fields)

    assert response.status_code == 400
    _nothing_created(client)


@pytest.mark.parametrize(
    "params",
    [
        {"iss": "https://unknown.example", "client_id": CLIENT_ID, "login_hint": "eve"},
        {"client_id": "unknown-client", "login_hint": "eve"},
        {"client_id": CLIENT_ID},
    ],
    ids=["unknown issuer", "unknown client id", "no login hint"],
)
def test_a_login_initiation_from_an_unknown_platform_is_refused(
    client: Client, platform: Platform, registered: object, params: dict[str, str]
) -> None:
    response = client.get("/lti/login/", {"iss": platform.issuer, **params})

    assert response.status_code == 400
    assert "Launch refused" in response.content.decode()
    _nothing_created(client)


@pytest.mark.parametrize(
    ("language", "title"), [("ru", "Запуск отклонён"), ("kk", "Іске қосу қабылданбады")]
)
def test_a_refusal_speaks_the_browser_language(
    platform: Platform, registered: object, language: str, title: str
) -> None:
    browser = Client(HTTP_ACCEPT_LANGUAGE=language)
    response = browser.get("/lti/login/", {"iss": "https://unknown.example", "client_id": "x"})

    assert response.status_code == 400
    page = response.content.decode()
    assert title in page
    assert f'lang="{language}"' in page


def test_a_switched_off_platform_is_refused(
    client: Client, platform: Platform, registered: Any
) -> None:
    registered.is_active = False
    registered.save()

    response = client.get(
        "/lti/login/", {"iss": platform.issuer, "client_id": CLIENT_ID, "login_hint": "eve"}
    )

    assert response.status_code == 400
    assert "not registered" in response.content.decode()
