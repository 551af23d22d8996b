"""A resource launch from a registered platform signs the person in, enrols them and
opens the course or module the link names."""

from __future__ import annotations

import pytest
import requests
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client

from courses.models import Enrolment
from lti.models import PlatformAccount
from people.models import User
from tests.factories import UserFactory, grant
from tests.factories.courses import course_page

from .conftest import launch, resource_claims
from .platform import CLIENT_ID, Platform, form_of

pytestmark = [pytest.mark.lti, pytest.mark.django_db]


def test_a_first_launch_makes_the_account_enrols_and_opens_the_course(
    client: Client, platform: Platform, registered: object
) -> None:
    course = course_page("Inclusive classrooms")
    claims = resource_claims(
        "moodle-user-17", email="Dana@School.example", page=course, locale="ru-RU"
    )

    response = launch(client, platform, "dana", claims)

    assert response.status_code == 302
    assert response["Location"] == course.url
    person = User.objects.get(email="dana@school.example")
    assert person.full_name == "Dana Learner"
    assert person.preferred_language == "ru"
    assert not person.has_usable_password()
    assert PlatformAccount.objects.get(person=person).subject == "moodle-user-17"
    enrolment = Enrolment.objects.get(person=person)
    assert (enrolment.course_id, enrolment.source) == (course.pk, Enrolment.Source.LTI)
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.wsgi_request.user == person
    assert "Inclusive classrooms" in page.content.decode()


def test_a_second_launch_finds_the_same_account(
    client: Client, platform: Platform, registered: object
) -> None:
    course = course_page()
    claims = resource_claims("moodle-user-18", email="sam@school.example", page=course)
    assert launch(client, platform, "sam", claims).status_code == 302

    other = Client(HTTP_ACCEPT_LANGUAGE="en")
    renamed = {**claims, "email": "sam.new@school.example", "name": "Sam Renamed"}
    response = launch(other, platform, "sam", renamed)

    assert response.status_code == 302
    assert User.objects.filter(lti_accounts__subject="moodle-user-18").count() == 1
    assert User.objects.count() == 1
    assert Enrolment.objects.count() == 1
    assert other.get(response["Location"]).wsgi_request.user.email == "sam@school.example"


def test_a_module_launch_opens_the_module(
    client: Client, platform: Platform, registered: object
) -> None:
    course = course_page(modules=["Seeing the child", "Planning support"])
    module = course.get_children().live().specific()[1]
    claims = resource_claims(
        "moodle-user-19", email="ali@school.example", target=f"http://testserver{module.url}"
    )

    response = launch(client, platform, "ali", claims)

    assert response.status_code == 302
    assert response["Location"] == module.url
    assert Enrolment.objects.get(person__email="ali@school.example").course_id == course.pk
    assert client.get(response["Location"]).status_code == 200


def test_an_existing_account_with_the_address_confirmed_is_linked(
    client: Client, platform: Platform, registered: object
) -> None:
    person = UserFactory(email="aigerim@school.example")
    EmailAddress.objects.update_or_create(
        user=person, email=person.email, defaults={"primary": True, "verified": True}
    )
    course = course_page()

    response = launch(
        client,
        platform,
        "aigerim",
        resource_claims("moodle-user-20", email="AIGERIM@school.example", page=course),
    )

    assert response.status_code == 302
    assert PlatformAccount.objects.get(subject="moodle-user-20").person == person
    assert User.objects.count() == 1
    assert client.get(response["Location"]).wsgi_request.user == person


def test_an_existing_account_with_the_address_unconfirmed_is_refused(
    client: Client, platform: Platform, registered: object
) -> None:
    person = UserFactory(email="bota@school.example")
    EmailAddress.objects.update_or_create(
        user=person, email=person.email, defaults={"primary": True, "verified": False}
    )
    course = course_page()

    response = launch(
        client, platform, "bota", resource_claims("moodle-user-21", email=person.email, page=course)
    )

    assert response.status_code == 403
    assert "Sign in with your password" in response.content.decode()
    assert not PlatformAccount.objects.exists()
    assert not Enrolment.objects.exists()
    assert "_auth_user_id" not in client.session


def test_an_account_with_a_programme_role_is_not_signed_in_by_a_launch(
    client: Client, platform: Platform, registered: object
) -> None:
    person = UserFactory(email="coach@school.example")
    EmailAddress.objects.update_or_create(
        user=person, email=person.email, defaults={"primary": True, "verified": True}
    )
    grant(person, "trainer")
    course = course_page()

    response = launch(
        client,
        platform,
        "coach",
        resource_claims("moodle-user-22", email=person.email, page=course),
    )

    assert response.status_code == 403
    assert "two-factor" in response.content.decode()
    assert not PlatformAccount.objects.exists()
    assert not Enrolment.objects.exists()
    assert "_auth_user_id" not in client.session


def test_over_https_the_state_cookie_is_cross_site_and_the_session_cookie_stays_lax(
    client: Client, platform: Platform, registered: object
) -> None:
    course = course_page()
    platform.redirect_uris = {"https://testserver/lti/launch/"}
    platform.launches["lena"] = resource_claims(
        "moodle-user-23", email="lena@school.example", page=course
    )
    start = client.get(
        "/lti/login/",
        {"iss": platform.issuer, "client_id": CLIENT_ID, "login_hint": "lena"},
        secure=True,
    )
    state = next(c for name, c in start.cookies.items() if name.startswith("lti1p3-state-"))
    assert state["samesite"] == "None"
    assert state["secure"]
    action, fields = form_of(requests.get(start["Location"], timeout=10).text)

    # A browser that did not keep the platform-bound cookies.
    stranger = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert stranger.post("/lti/launch/", fields, secure=True).status_code == 400
    response = client.post("/lti/launch/", fields, secure=True)

    assert action == "https://testserver/lti/launch/"
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["samesite"] == "Lax"
    assert response["Location"] == course.url


def test_an_lti_enrolment_opens_a_course_whatever_the_roles_but_only_for_oneself() -> None:
    from django.core.exceptions import PermissionDenied

    from courses.services.enrolment import enrolment_create

    course = course_page(audiences=[("tutor", None, False)])
    learner, other = UserFactory(), UserFactory()

    enrolment = enrolment_create(
        actor=learner, person=learner, course=course, source=Enrolment.Source.LTI
    )

    assert enrolment.source == Enrolment.Source.LTI
    with pytest.raises(PermissionDenied):
        enrolment_create(actor=other, person=learner, course=course, source=Enrolment.Source.LTI)
    with pytest.raises(PermissionDenied):  # self-enrolment still needs an audience role
        enrolment_create(actor=other, person=other, course=course)
