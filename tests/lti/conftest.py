"""The platform of the LTI tests, registered in the product, and a launch as a browser
makes it: login initiation here, authentication at the platform, the form post back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from django.test import Client

from lti.models import Platform as PlatformRow

from . import platform as lti_platform
from .platform import CLIENT_ID, DEPLOYMENT_ID, LTI, Platform

LAUNCH_URL = "http://testserver/lti/launch/"
DEEP_LINK_URL = "http://testserver/lti/deep-link/"
STUDENT = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
TEACHER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"


@pytest.fixture(scope="session")
def _server() -> Iterator[Platform]:
    platform = lti_platform.start()
    yield platform
    platform.server.shutdown()


@pytest.fixture
def platform(_server: Platform) -> Platform:
    """The running platform with nothing recorded yet and the tool registered there."""
    for recorded in (
        _server.launches,
        _server.tokens,
        _server.scores,
        _server.deep_link_responses,
        _server.refusals,
    ):
        recorded.clear()
    _server.redirect_uris = {LAUNCH_URL, DEEP_LINK_URL}
    _server.unavailable_scores = 0
    return _server


@pytest.fixture
def registered(platform: Platform, db: None) -> PlatformRow:
    """The platform as its administrator registered it in our admin."""
    return PlatformRow.objects.create(
        name="District Moodle",
        issuer=platform.issuer,
        client_id=CLIENT_ID,
        auth_login_url=f"{platform.url}/auth",
        auth_token_url=f"{platform.url}/token",
        key_set_url=f"{platform.url}/jwks",
        deployment_ids=f"other-deployment\n{DEPLOYMENT_ID}",
    )


def resource_claims(
    sub: str,
    *,
    email: str,
    name: str = "Dana Learner",
    page: Any = None,
    target: str = LAUNCH_URL,
    roles: tuple[str, ...] = (STUDENT,),
    locale: str | None = None,
    lineitem: str | None = None,
    link_id: str = "link-1",
) -> dict[str, Any]:
    claims: dict[str, Any] = {
        "sub": sub,
        "email": email,
        "name": name,
        LTI + "message_type": "LtiResourceLinkRequest",
        LTI + "resource_link": {"id": link_id, "title": "Course link"},
        LTI + "target_link_uri": target,
        LTI + "roles": list(roles),
    }
    if page is not None:
        claims[LTI + "custom"] = {"lms_page": str(page.pk)}
    if locale:
        claims[LTI + "launch_presentation"] = {"locale": locale, "document_target": "window"}
    if lineitem:
        claims["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"] = {
            "scope": [lti_platform.SCORE_SCOPE, lti_platform.LINEITEM_SCOPE],
            "lineitem": lineitem,
        }
    return claims


def deep_link_claims(
    platform: Platform, sub: str, *, roles: tuple[str, ...] = (TEACHER,)
) -> dict[str, Any]:
    return {
        "sub": sub,
        "email": f"{sub}@school.example",
        "name": "Teacher There",
        LTI + "message_type": "LtiDeepLinkingRequest",
        LTI + "roles": list(roles),
        "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings": {
            "deep_link_return_url": f"{platform.url}/deep-link-return",
            "accept_types": ["ltiResourceLink"],
            "accept_presentation_document_targets": ["window", "iframe"],
            "data": "platform-data-123",
        },
    }


def authenticate(
    client: Client, platform: Platform, login_hint: str, *, target: str = LAUNCH_URL
) -> tuple[str, dict[str, str]]:
    """Login initiation here, then the platform's authentication endpoint: the form the
    platform's page would post back (its action and its fields)."""
    response = client.get(
        "/lti/login/",
        {
            "iss": platform.issuer,
            "client_id": CLIENT_ID,
            "login_hint": login_hint,
            "target_link_uri": target,
            "lti_deployment_id": DEPLOYMENT_ID,
        },
    )
    assert response.status_code == 302, response.content
    auth = requests.get(response["Location"], timeout=10)
    assert auth.status_code == 200, auth.text
    action, fields = lti_platform.form_of(auth.text)
    return action, fields


def launch(
    client: Client, platform: Platform, login_hint: str, claims: dict[str, Any], **kwargs: Any
) -> Any:
    platform.launches[login_hint] = claims
    action, fields = authenticate(client, platform, login_hint, **kwargs)
    return client.post(action.removeprefix("http://testserver"), fields)


@pytest.fixture
def client() -> Client:
    """A browser reading English: the tool's addresses carry no language, so its pages
    (refusals included) speak the browser's language."""
    return Client(HTTP_ACCEPT_LANGUAGE="en")
