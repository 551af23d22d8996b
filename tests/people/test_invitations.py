"""Invitation links: single-use, expiring, only for accounts not yet set up, and never a
way around the sign-in flow and its second factor."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from people import services
from people.models import Invitation, User
from people.roles import Role
from people.services import MembershipSpec, _token_hash
from people.services import invitations as invitation_services
from tests.factories import PASSWORD, UserFactory, activate_totp, grant, totp_code

from .conftest import World

NEW_PASSWORD = "a-long-passphrase-42"

Invite = Callable[..., tuple[User, str]]


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def accept_data(name: str = "Guest Person", language: str = "en") -> dict[str, str]:
    return {
        "full_name": name,
        "full_name_alt": "",
        "preferred_language": language,
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }


def signed_in_user(client: Client) -> Any:
    return client.get(url("profile")).wsgi_request.user


@pytest.fixture
def invite(world: World, django_capture_on_commit_callbacks: Any) -> Invite:
    """Add a person at school A1 as its leader would; returns them and their link's token."""

    def make(role: str = Role.TEACHER, language: str = "en") -> tuple[User, str]:
        actor = world.leader_a1 if role != Role.SUPERVISOR else world.coordinator_a
        with django_capture_on_commit_callbacks(execute=True):
            person = services.person_create(
                actor=actor,
                email=f"guest-{secrets.token_hex(4)}@example.org",
                full_name="Guest Person",
                preferred_language=language,
                memberships=[MembershipSpec(role, school=world.school_a1)],
            )
        match = re.search(r"/invitations/([\w-]+)/", mail.outbox[-1].body)
        assert match
        return person, match.group(1)

    return make


def stale_invitation(person: User) -> str:
    """An unused, unexpired invitation left over for ``person`` (sent before they set up
    their account, say); returns its token."""
    token = "stale-" + secrets.token_urlsafe(16)
    Invitation.objects.create(
        person=person, token_hash=_token_hash(token), expires_at=timezone.now() + timedelta(days=7)
    )
    return token


class TestAcceptingSignsInThroughTheSignInFlow:
    def test_a_learner_is_signed_in_with_allauths_authentication_record(
        self, client: Client, invite: Invite
    ) -> None:
        person, token = invite(language="ru")
        response = client.post(
            url("invitation_accept", "ru", token=token), accept_data(language="ru")
        )
        assert response.status_code == 302
        assert response["Location"] == "/ru/"
        records = client.session[AUTHENTICATION_METHODS_SESSION_KEY]
        assert [record["method"] for record in records] == ["password"]
        assert records[0]["email"] == person.email
        assert signed_in_user(client) == person

    def test_a_programme_role_is_sent_to_set_up_an_authenticator_at_once(
        self, client: Client, invite: Invite
    ) -> None:
        _person, token = invite(role=Role.SUPERVISOR)
        client.post(url("invitation_accept", token=token), accept_data())
        response = client.get(url("home"))
        assert response.status_code == 302
        assert response["Location"] == url("mfa_activate_totp")
        # The password was chosen a moment ago: setting up the app does not ask it again.
        assert client.get(url("mfa_activate_totp")).status_code == 200

    def test_the_hand_over_asks_an_account_with_an_authenticator_for_its_code(
        self, client: Client, world: World, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Even if an invitation for an account with an authenticator got through its
        checks, the sign-in flow would still stop at the second factor."""
        person = UserFactory()
        person.set_unusable_password()
        person.save()
        grant(person, Role.TEACHER, school=world.school_a1)
        secret = activate_totp(person)
        token = stale_invitation(person)
        # Patched where accepting an invitation reads it.
        monkeypatch.setattr(invitation_services, "_is_set_up", lambda person: False)
        response = client.post(url("invitation_accept", token=token), accept_data())
        assert response.status_code == 302
        assert response["Location"] == url("mfa_authenticate")
        assert not signed_in_user(client).is_authenticated
        client.post(url("mfa_authenticate"), {"code": totp_code(secret)})
        assert signed_in_user(client) == person


class TestAnAccountAlreadySetUp:
    def test_an_account_with_an_authenticator_is_not_signed_in_and_keeps_its_password(
        self, client: Client, world: World
    ) -> None:
        person = world.supervisor_a1
        activate_totp(person)
        token = stale_invitation(person)
        link = url("invitation_accept", token=token)
        page = client.get(link)
        assert page.status_code == 410
        assert "already set up" in page.content.decode()
        response = client.post(link, accept_data(name="Someone Else"))
        assert response.status_code == 410
        assert "already set up" in response.content.decode()
        assert not signed_in_user(client).is_authenticated
        person.refresh_from_db()
        assert person.check_password(PASSWORD)
        assert person.full_name == "Supervisor A1"
        assert Invitation.objects.get(person=person).accepted_at is None

    def test_an_authenticator_without_a_password_is_refused_too(
        self, client: Client, world: World
    ) -> None:
        person = world.trainer
        person.set_unusable_password()
        person.save()
        activate_totp(person)
        token = stale_invitation(person)
        response = client.post(url("invitation_accept", token=token), accept_data())
        assert response.status_code == 410
        assert not signed_in_user(client).is_authenticated
        person.refresh_from_db()
        assert not person.has_usable_password()

    def test_a_password_reset_makes_an_old_invitation_unusable(
        self, client: Client, invite: Invite, django_capture_on_commit_callbacks: Any
    ) -> None:
        person, token = invite()
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url("account_reset_password"), {"email": person.email})
        match = re.search(r"(/en/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)
        assert match
        set_password_page = client.get(match.group(1))
        assert set_password_page.status_code == 302
        client.post(
            set_password_page["Location"],
            {"password1": "a-reset-passphrase-9", "password2": "a-reset-passphrase-9"},
        )
        person.refresh_from_db()
        assert person.check_password("a-reset-passphrase-9")
        # A reset signs nobody in (ACCOUNT_LOGIN_ON_PASSWORD_RESET is off) ...
        assert not signed_in_user(client).is_authenticated
        # ... and the invitation no longer works.
        response = client.post(url("invitation_accept", token=token), accept_data())
        assert response.status_code == 410
        assert "already set up" in response.content.decode()
        person.refresh_from_db()
        assert person.check_password("a-reset-passphrase-9")
        assert not signed_in_user(client).is_authenticated

    def test_a_password_set_after_the_page_opened_is_checked_when_it_is_sent(
        self, client: Client, invite: Invite
    ) -> None:
        person, token = invite()
        link = url("invitation_accept", token=token)
        assert client.get(link).status_code == 200
        stored = User.objects.get(pk=person.pk)
        stored.set_password("set-in-another-tab-7")
        stored.save()
        response = client.post(link, accept_data())
        assert response.status_code == 410
        person.refresh_from_db()
        assert person.check_password("set-in-another-tab-7")
        assert not signed_in_user(client).is_authenticated

    def test_no_new_invitation_for_an_account_with_an_authenticator(self, world: World) -> None:
        person = world.teacher_a2
        person.set_unusable_password()
        person.save()
        activate_totp(person)
        with pytest.raises(ValidationError, match="already has an account"):
            services.invitation_create(actor=world.coordinator_a, person=person)


class TestLinksThatNoLongerWork:
    def test_a_used_link_says_so_and_signs_nobody_in(self, client: Client, invite: Invite) -> None:
        person, token = invite()
        link = url("invitation_accept", token=token)
        client.post(link, accept_data())
        client.post(url("account_logout"))
        response = client.post(link, {**accept_data(), "password1": "x-" + NEW_PASSWORD})
        assert response.status_code == 410
        assert "already been used" in response.content.decode()
        assert not signed_in_user(client).is_authenticated
        person.refresh_from_db()
        assert person.check_password(NEW_PASSWORD)

    def test_an_expired_link_says_so(self, client: Client, invite: Invite) -> None:
        person, token = invite()
        Invitation.objects.filter(person=person).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
        response = client.post(url("invitation_accept", token=token), accept_data())
        assert response.status_code == 410
        assert "has expired" in response.content.decode()
        person.refresh_from_db()
        assert not person.has_usable_password()

    def test_a_revoked_link_says_a_newer_one_was_sent(
        self,
        client: Client,
        world: World,
        invite: Invite,
        django_capture_on_commit_callbacks: Any,
    ) -> None:
        person, old_token = invite(language="kk")
        with django_capture_on_commit_callbacks(execute=True):
            services.invitation_create(actor=world.leader_a1, person=person)
        response = client.post(url("invitation_accept", "kk", token=old_token), accept_data())
        assert response.status_code == 410
        assert "Сізге жаңарақ шақыру жіберілді" in response.content.decode()
        person.refresh_from_db()
        assert not person.has_usable_password()

    def test_a_closed_account_cannot_use_its_link(self, client: Client, invite: Invite) -> None:
        person, token = invite()
        User.objects.filter(pk=person.pk).update(is_active=False)
        response = client.post(url("invitation_accept", token=token), accept_data())
        assert response.status_code == 410
        assert not signed_in_user(client).is_authenticated
