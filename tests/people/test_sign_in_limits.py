"""A school's shared address: its whole staff signs in together, and guessing is still
stopped, per account and per address, by counting wrong passwords only."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from people.models import User
from tests.factories import PASSWORD, UserFactory

SCHOOL = "192.0.2.10"  # the address a school's computer lab signs in from
ELSEWHERE = "198.51.100.7"
LOCKED = "Too many failed login attempts"

pytestmark = pytest.mark.django_db


def url(name: str) -> str:
    with translation.override("en"):
        return reverse(name)


def sign_in(email: str, password: str = PASSWORD, address: str = SCHOOL) -> tuple[Client, Any]:
    """One person at one computer: a browser of their own, the school's address."""
    client = Client(REMOTE_ADDR=address)
    response = client.post(url("account_login"), {"login": email, "password": password})
    return client, response


def signed_in_as(client: Client) -> Any:
    return client.get(url("profile")).wsgi_request.user


def assert_signed_in(email: str, address: str = SCHOOL) -> None:
    client, response = sign_in(email, address=address)
    assert response.status_code == 302, response.content.decode()[:300]
    assert signed_in_as(client).email == email


def assert_refused(email: str, password: str = PASSWORD, address: str = SCHOOL) -> None:
    client, response = sign_in(email, password, address)
    assert response.status_code in (200, 429)
    assert LOCKED in response.content.decode()
    assert not signed_in_as(client).is_authenticated


def test_a_lab_of_sixty_signs_in_from_one_address_and_guessing_is_still_stopped() -> None:
    lab: list[User] = UserFactory.create_batch(60)
    for person in lab:
        assert_signed_in(person.email)

    # Someone at the lab guesses one colleague's password: stopped after the configured
    # failures, even when the right password comes next ...
    target, colleague = lab[0], lab[1]
    for _guess in range(settings.LMS_SIGN_IN_FAILURES_PER_ACCOUNT):
        _client, response = sign_in(target.email, "guess-" + PASSWORD)
        assert response.status_code == 200
        assert "not correct" in response.content.decode()
    assert_refused(target.email)
    # ... from anywhere: the pause is the account's, not the address's.
    assert_refused(target.email, address=ELSEWHERE)
    # Everyone else at the school still signs in with their own password.
    assert_signed_in(colleague.email)


def test_wrong_passwords_from_one_address_pause_that_address_only() -> None:
    budget = settings.LMS_SIGN_IN_FAILURES_PER_ADDRESS
    per_account = settings.LMS_SIGN_IN_FAILURES_PER_ACCOUNT - 1  # stay under each account's
    sprayed: list[User] = UserFactory.create_batch(budget // per_account + 1)
    someone_else = UserFactory()
    assert_signed_in(someone_else.email)  # successes are not counted against the budget
    failures = 0
    for person in sprayed:
        for _guess in range(per_account):
            if failures == budget:
                break
            _client, response = sign_in(person.email, "spray-" + PASSWORD)
            assert "not correct" in response.content.decode()
            failures += 1
    assert failures == budget
    assert_refused(someone_else.email)
    assert_signed_in(someone_else.email, address=ELSEWHERE)
    assert_signed_in(sprayed[0].email, address=ELSEWHERE)


def test_the_settings_count_failures_only() -> None:
    limits = settings.ACCOUNT_RATE_LIMITS
    assert not limits["login"], "sign-ins themselves must not be counted per address"
    assert limits["login_failed"] == (
        f"{settings.LMS_SIGN_IN_FAILURES_PER_ADDRESS}/5m/ip,"
        f"{settings.LMS_SIGN_IN_FAILURES_PER_ACCOUNT}/5m/key"
    )
    assert settings.LMS_SIGN_IN_FAILURES_PER_ADDRESS >= 40  # a computer lab's typos


def test_a_lab_asking_for_password_resets_together_gets_every_e_mail(
    django_capture_on_commit_callbacks: Any,
) -> None:
    lab: list[User] = UserFactory.create_batch(40)
    for person in lab:
        client = Client(REMOTE_ADDR=SCHOOL)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url("account_reset_password"), {"email": person.email})
        assert response.status_code == 302, person.email
    assert sorted(message.to[0] for message in mail.outbox) == sorted(p.email for p in lab)


def test_resets_for_one_address_are_still_limited(django_capture_on_commit_callbacks: Any) -> None:
    person = UserFactory()
    answers = []
    for _request in range(6):
        client = Client(REMOTE_ADDR=SCHOOL)
        with django_capture_on_commit_callbacks(execute=True):
            answers.append(
                client.post(url("account_reset_password"), {"email": person.email}).status_code
            )
    assert answers[:5] == [302] * 5
    assert answers[5] == 429
    assert len(mail.outbox) == 5
