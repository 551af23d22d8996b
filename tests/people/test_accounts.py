"""Sign-in: verified addresses, throttling, two-factor for programme roles, the admin door."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from people.models import User
from people.roles import Role
from tests.factories import PASSWORD, UserFactory, activate_totp, grant, totp_code


def url(name: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse(name)


def sign_in(client: Client, email: str, password: str = PASSWORD, language: str = "en") -> Any:
    return client.post(url("account_login", language), {"login": email, "password": password})


def test_a_verified_person_signs_in_and_lands_on_home_in_their_language(
    client: Client, db: None
) -> None:
    person = UserFactory(preferred_language="ru")
    response = sign_in(client, person.email, language="kk")
    assert response.status_code == 302
    assert response["Location"] == "/ru/"
    assert client.get("/ru/").wsgi_request.user == person


def test_email_is_the_login_whatever_its_case(client: Client, db: None) -> None:
    person = UserFactory(email="mixed@example.org")
    sign_in(client, "  MIXED@Example.org ")
    assert client.get("/en/").wsgi_request.user == person


def test_an_unverified_address_cannot_sign_in_until_verified(
    client: Client, db: None, django_capture_on_commit_callbacks: Any
) -> None:
    person = UserFactory(verified=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_in(client, person.email)
    assert response["Location"] == url("account_email_verification_sent")
    assert not client.get("/en/").wsgi_request.user.is_authenticated
    assert len(mail.outbox) == 1
    assert "confirm" in mail.outbox[0].body.lower()


def test_a_wrong_password_gets_a_clear_message(client: Client, db: None) -> None:
    person = UserFactory()
    response = sign_in(client, person.email, "not-the-password")
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode() or "error-summary" in (
        response.content.decode()
    )


def test_repeated_failures_lock_the_address_even_with_the_right_password(
    client: Client, db: None
) -> None:
    person = UserFactory()
    for _attempt in range(5):
        sign_in(client, person.email, "wrong-password")
    response = sign_in(client, person.email)
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()
    assert not client.get("/en/").wsgi_request.user.is_authenticated


def test_throttling_is_per_address(client: Client, db: None) -> None:
    locked, other = UserFactory(), UserFactory()
    for _attempt in range(5):
        sign_in(client, locked.email, "wrong-password")
    sign_in(client, other.email)
    assert client.get("/en/").wsgi_request.user == other


def test_open_sign_up_is_off_by_default(client: Client, db: None) -> None:
    response = client.post(
        url("account_signup"),
        {
            "email": "x@example.org",
            "password1": "a-long-passphrase-42",
            "password2": "a-long-passphrase-42",
        },
    )
    assert not User.objects.filter(email="x@example.org").exists()
    assert response.status_code == 200


def test_open_sign_up_when_enabled_asks_for_the_name(
    client: Client, db: None, settings: Any
) -> None:
    settings.LMS_OPEN_SIGNUP = True
    client.post(
        url("account_signup"),
        {
            "email": "self@example.org",
            "full_name": "Self  Registered",
            "preferred_language": "kk",
            "password1": "a-long-passphrase-42",
            "password2": "a-long-passphrase-42",
        },
    )
    person = User.objects.get(email="self@example.org")
    assert person.full_name == "Self Registered"
    assert person.preferred_language == "kk"
    assert not person.emailaddress_set.get().verified


def test_password_reset_sends_a_link(
    client: Client, db: None, django_capture_on_commit_callbacks: Any
) -> None:
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("account_reset_password"), {"email": person.email})
    assert len(mail.outbox) == 1
    assert "/en/accounts/password/reset/key/" in mail.outbox[0].body


class TestTwoFactor:
    @pytest.mark.parametrize(
        "role", [Role.SUPERVISOR, Role.REGIONAL_COORDINATOR, Role.TRAINER, Role.PROGRAMME_MANAGER]
    )
    def test_programme_roles_must_set_up_an_authenticator_first(
        self, client: Client, db: None, role: str
    ) -> None:
        person = UserFactory()
        if role == Role.SUPERVISOR:
            from tests.factories import SchoolFactory

            grant(person, role, school=SchoolFactory())
        elif role == Role.REGIONAL_COORDINATOR:
            from tests.factories import RegionFactory

            grant(person, role, region=RegionFactory())
        else:
            grant(person, role)
        sign_in(client, person.email)
        response = client.get("/en/")
        assert response.status_code == 302
        assert response["Location"] == url("mfa_activate_totp")
        assert client.get(response["Location"]).status_code == 200

    def test_adding_the_first_authenticator_later_asks_for_the_password_again(
        self, client: Client, db: None
    ) -> None:
        person = UserFactory()
        grant(person, Role.TRAINER)
        client.force_login(person)  # a session without a fresh password sign-in
        response = client.get(url("mfa_activate_totp"))
        assert response.status_code == 302
        assert "/accounts/reauthenticate/" in response["Location"]

    def test_activating_the_authenticator_unlocks_the_product(
        self, client: Client, db: None
    ) -> None:
        person = UserFactory()
        grant(person, Role.TRAINER)
        sign_in(client, person.email)
        page = client.get(url("mfa_activate_totp"))
        secret = page.context["form"].secret
        response = client.post(url("mfa_activate_totp"), {"code": totp_code(secret)})
        assert response.status_code == 302
        assert client.get("/en/").status_code == 200

    def test_learners_are_not_forced(self, client: Client, db: None) -> None:
        from tests.factories import SchoolFactory

        person = UserFactory()
        grant(person, Role.TEACHER, school=SchoolFactory())
        sign_in(client, person.email)
        assert client.get("/en/").status_code == 200

    def test_with_an_authenticator_sign_in_asks_for_the_code(
        self, client: Client, db: None
    ) -> None:
        person = UserFactory()
        grant(person, Role.TRAINER)
        secret = activate_totp(person)
        response = sign_in(client, person.email)
        assert response["Location"] == url("mfa_authenticate")
        assert not client.get("/en/").wsgi_request.user.is_authenticated
        response = client.post(url("mfa_authenticate"), {"code": "000000"})
        assert not client.get("/en/").wsgi_request.user.is_authenticated
        client.post(url("mfa_authenticate"), {"code": totp_code(secret)})
        home = client.get("/en/")
        assert home.status_code == 200
        assert home.wsgi_request.user == person


class TestAdminDoor:
    def test_admin_login_goes_through_the_products_sign_in(self, client: Client, db: None) -> None:
        response = client.get("/admin/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert "next=/admin/" in response["Location"]
        response = client.get("/admin/login/?next=/admin/pages/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    def test_a_manager_with_two_factor_reaches_the_admin(self, client: Client, db: None) -> None:
        person = UserFactory()
        grant(person, Role.PROGRAMME_MANAGER)
        activate_totp(person)
        client.force_login(person)
        assert client.get("/admin/").status_code == 200

    def test_a_learner_cannot_reach_the_admin(self, client: Client, db: None) -> None:
        client.force_login(UserFactory())
        response = client.get("/admin/")
        assert response.status_code in (302, 403)
        assert client.get("/admin/pages/").status_code in (302, 403)


class TestIdleTimeout:
    def test_programme_roles_are_signed_out_after_thirty_idle_minutes(
        self, client: Client, db: None, settings: Any
    ) -> None:
        settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
        person = UserFactory()
        grant(person, Role.TRAINER)
        client.force_login(person)
        assert client.get("/en/").status_code == 200
        session = client.session
        session["lms_last_seen"] = session["lms_last_seen"] - 31 * 60
        session.save()
        response = client.get("/en/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert not client.get("/en/").wsgi_request.user.is_authenticated

    def test_active_people_stay_signed_in(self, client: Client, db: None, settings: Any) -> None:
        settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
        person = UserFactory()
        grant(person, Role.TRAINER)
        client.force_login(person)
        client.get("/en/")
        session = client.session
        session["lms_last_seen"] = session["lms_last_seen"] - 29 * 60
        session.save()
        assert client.get("/en/").wsgi_request.user == person

    def test_learners_have_no_idle_limit(self, client: Client, db: None) -> None:
        from tests.factories import SchoolFactory

        person = UserFactory()
        grant(person, Role.TEACHER, school=SchoolFactory())
        client.force_login(person)
        client.get("/en/")
        assert "lms_last_seen" not in client.session


class TestFirstAuthenticator:
    def test_the_recovery_codes_follow_the_first_authenticator_without_the_password(
        self, client: Client, db: None
    ) -> None:
        person = UserFactory()
        grant(person, Role.TRAINER)
        sign_in(client, person.email)
        secret = client.get(url("mfa_activate_totp")).context["form"].secret
        response = client.post(url("mfa_activate_totp"), {"code": totp_code(secret)})
        assert response["Location"] == url("mfa_view_recovery_codes")
        page = client.get(response["Location"])
        assert page.status_code == 200
        text = page.content.decode()
        assert "recovery_codes" in text
        assert f'href="{url("home")}"' in text  # a way on

    def test_recovery_codes_of_an_earlier_authenticator_still_ask_for_the_password(
        self, client: Client, db: None
    ) -> None:
        person = UserFactory()
        grant(person, Role.TRAINER)
        secret = activate_totp(person)
        sign_in(client, person.email)
        client.post(url("mfa_authenticate"), {"code": totp_code(secret)})
        response = client.get(url("mfa_generate_recovery_codes"))
        assert response.status_code == 302
        assert "/accounts/reauthenticate/" in response["Location"]


def test_signing_in_from_a_language_keeps_it_for_the_visit(client: Client, db: None) -> None:
    """From the default language's sign-in page a person goes home in their own language;
    from a page in another language they chose, in that one."""
    person = UserFactory(preferred_language="ru")
    assert sign_in(client, person.email, language="en")["Location"] == "/en/"
    client.logout()
    assert sign_in(client, person.email, language="kk")["Location"] == "/ru/"
