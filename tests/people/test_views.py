"""People pages through the browser's eyes: scoping on every view, refusals, invitations."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from people.models import Invitation, RoleMembership, User
from people.roles import Role
from tests.factories import SchoolFactory, UserFactory, grant

from .conftest import World


@pytest.fixture(autouse=True)
def _no_mfa_requirement(settings: Any) -> None:
    """These tests are about scoping; MFA enforcement has its own tests."""
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False


def url(name: str, language: str = "en", **kwargs: Any) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


class TestPeopleList:
    def test_coordinator_lists_only_their_region(self, client: Client, world: World) -> None:
        response = signed_in(client, world.coordinator_a).get(url("person_list"))
        assert response.status_code == 200
        body = response.content.decode()
        assert "Tutor A1" in body
        assert "Teacher A2" in body
        assert "Teacher B1" not in body

    def test_filter_by_school_and_search(self, client: Client, world: World) -> None:
        client = signed_in(client, world.coordinator_a)
        body = client.get(url("person_list"), {"school": world.school_a2.pk}).content.decode()
        assert "Teacher A2" in body
        assert "Tutor A1" not in body
        body = client.get(url("person_list"), {"q": "tutor"}).content.decode()
        assert "Tutor A1" in body
        assert "Teacher A2" not in body

    def test_a_school_outside_the_scope_cannot_be_used_as_a_filter(
        self, client: Client, world: World
    ) -> None:
        body = (
            signed_in(client, world.coordinator_a)
            .get(url("person_list"), {"school": world.school_b1.pk})
            .content.decode()
        )
        assert "Teacher B1" not in body

    @pytest.mark.parametrize("who", ["tutor_a1", "nobody"])
    def test_learners_are_refused(self, client: Client, world: World, who: str) -> None:
        response = signed_in(client, getattr(world, who)).get(url("person_list"))
        assert response.status_code == 403
        assert "Your roles do not include" in response.content.decode()

    def test_anonymous_is_sent_to_sign_in(self, client: Client, world: World) -> None:
        response = client.get(url("person_list"))
        assert response.status_code == 302
        assert response["Location"].startswith(url("account_login"))

    def test_query_count_does_not_grow_with_people(
        self, client: Client, world: World, django_assert_max_num_queries: Any
    ) -> None:
        client = signed_in(client, world.manager)
        client.get(url("person_list"))  # warm caches (content types, sessions)
        with django_assert_max_num_queries(12):
            client.get(url("person_list"))
        for number in range(40):
            grant(UserFactory(full_name=f"Extra {number}"), Role.TEACHER, school=world.school_a1)
        with django_assert_max_num_queries(12):
            response = client.get(url("person_list"))
        assert "Extra 39" in response.content.decode()


class TestPersonDetail:
    def test_someone_outside_the_scope_is_not_found(self, client: Client, world: World) -> None:
        response = signed_in(client, world.leader_a1).get(
            url("person_detail", public_id=world.teacher_a2.public_id)
        )
        assert response.status_code == 404

    def test_detail_shows_roles_and_actions_in_scope(self, client: Client, world: World) -> None:
        body = (
            signed_in(client, world.coordinator_a)
            .get(url("person_detail", public_id=world.tutor_a1.public_id))
            .content.decode()
        )
        assert "Tutor A1" in body
        assert "End role" in body
        assert "Give a role" in body

    def test_supervisor_sees_but_cannot_change(self, client: Client, world: World) -> None:
        body = (
            signed_in(client, world.supervisor_a1)
            .get(url("person_detail", public_id=world.tutor_a1.public_id))
            .content.decode()
        )
        assert "Tutor A1" in body
        assert "End role" not in body
        assert "Correct the details" not in body

    def test_ending_a_role_from_the_page(self, client: Client, world: World) -> None:
        membership = RoleMembership.objects.get(person=world.teacher_a2)
        response = signed_in(client, world.coordinator_a).post(
            url("membership_end", public_id=world.teacher_a2.public_id, membership_id=membership.pk)
        )
        assert response.status_code == 302
        membership.refresh_from_db()
        assert membership.ended_on is not None

    def test_ending_a_role_outside_the_scope_is_refused(self, client: Client, world: World) -> None:
        membership = RoleMembership.objects.get(person=world.supervisor_a1)
        response = signed_in(client, world.leader_a1).post(
            url(
                "membership_end",
                public_id=world.supervisor_a1.public_id,
                membership_id=membership.pk,
            )
        )
        assert response.status_code == 403
        membership.refresh_from_db()
        assert membership.ended_on is None


class TestAddPerson:
    def test_coordinator_adds_a_teacher(
        self, client: Client, world: World, django_capture_on_commit_callbacks: Any
    ) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            response = signed_in(client, world.coordinator_a).post(
                url("person_create"),
                {
                    "email": "new.teacher@example.org",
                    "full_name": "Сәуле Омарова",
                    "full_name_alt": "Säule Omarova",
                    "preferred_language": "kk",
                    "role": Role.TEACHER,
                    "school": world.school_a2.pk,
                },
            )
        person = User.objects.get(email="new.teacher@example.org")
        assert response.status_code == 302
        # The people list, not the new person's page: an address outside the reader's
        # scope gets the very same answer (tests/people/test_role_offers.py).
        assert response["Location"] == url("person_list")
        assert RoleMembership.objects.get(person=person).school == world.school_a2
        assert len(mail.outbox) == 1

    def test_a_school_outside_the_scope_is_refused_and_nothing_is_saved(
        self, client: Client, world: World
    ) -> None:
        response = signed_in(client, world.coordinator_a).post(
            url("person_create"),
            {
                "email": "sneaky@example.org",
                "full_name": "Sneaky",
                "preferred_language": "en",
                "role": Role.TEACHER,
                "school": world.school_b1.pk,
            },
        )
        assert response.status_code == 200
        body = response.content.decode()
        assert "Select a valid choice" in body
        assert 'aria-invalid="true"' in body
        assert not User.objects.filter(email="sneaky@example.org").exists()
        assert mail.outbox == []

    def test_errors_are_shown_in_the_users_language(self, client: Client, world: World) -> None:
        response = signed_in(client, world.coordinator_a).post(
            url("person_create", language="ru"),
            {"email": "not-an-address", "full_name": "", "preferred_language": "ru"},
        )
        body = response.content.decode()
        assert response.status_code == 200
        assert "Исправьте, пожалуйста" in body  # the error summary, in Russian
        assert not User.objects.filter(email="not-an-address").exists()

    def test_leader_is_offered_only_their_school_and_their_grantable_roles(
        self, client: Client, world: World
    ) -> None:
        body = signed_in(client, world.leader_a1).get(url("person_create")).content.decode()
        assert world.school_a1.name_en in body
        assert world.school_a2.name_en not in body
        assert f'value="{Role.SUPERVISOR.value}"' not in body
        assert f'value="{Role.TEACHER.value}"' in body

    def test_supervisor_cannot_open_the_form(self, client: Client, world: World) -> None:
        assert signed_in(client, world.supervisor_a1).get(url("person_create")).status_code == 403


class TestInvitationPages:
    @pytest.fixture
    def token(self, client: Client, world: World, django_capture_on_commit_callbacks: Any) -> str:
        with django_capture_on_commit_callbacks(execute=True):
            signed_in(client, world.coordinator_a).post(
                url("person_create"),
                {
                    "email": "guest@example.org",
                    "full_name": "Guest Person",
                    "preferred_language": "ru",
                    "role": Role.TEACHER,
                    "school": world.school_a1.pk,
                },
            )
        client.logout()
        match = re.search(r"/ru/invitations/([\w-]+)/", mail.outbox[-1].body)
        assert match
        return match.group(1)

    def test_accepting_signs_the_person_in(self, client: Client, token: str) -> None:
        link = url("invitation_accept", language="ru", token=token)
        assert client.get(link).status_code == 200
        response = client.post(
            link,
            {
                "full_name": "Guest Person",
                "full_name_alt": "",
                "preferred_language": "ru",
                "password1": "a-long-passphrase-42",
                "password2": "a-long-passphrase-42",
            },
        )
        assert response.status_code == 302
        home = client.get(response["Location"])
        assert home.wsgi_request.user.email == "guest@example.org"

    def test_mismatched_passwords_are_shown_next_to_the_field(
        self, client: Client, token: str
    ) -> None:
        response = client.post(
            url("invitation_accept", language="en", token=token),
            {
                "full_name": "Guest",
                "preferred_language": "en",
                "password1": "a-long-passphrase-42",
                "password2": "something-else-entirely",
            },
        )
        body = response.content.decode()
        assert 'id="id_password2_error"' in body
        assert "The two passwords are not the same." in body
        assert not User.objects.get(email="guest@example.org").has_usable_password()

    def test_an_expired_link_says_so_in_russian(self, client: Client, token: str) -> None:
        Invitation.objects.update(expires_at=timezone.now() - timedelta(hours=1))
        response = client.get(url("invitation_accept", language="ru", token=token))
        assert response.status_code == 410
        assert "Срок действия приглашения истёк" in response.content.decode()

    def test_a_used_link_says_so(self, client: Client, token: str) -> None:
        Invitation.objects.update(accepted_at=timezone.now())
        response = client.get(url("invitation_accept", language="en", token=token))
        assert response.status_code == 410
        assert "already been used" in response.content.decode()


class TestLanguage:
    def test_switching_keeps_the_page_and_remembers_the_choice(
        self, client: Client, world: World
    ) -> None:
        client = signed_in(client, world.coordinator_a)
        response = client.post(
            reverse("language_set"), {"language": "ru", "next": url("person_list", "en")}
        )
        assert response.status_code == 302
        assert response["Location"] == url("person_list", "ru")
        world.coordinator_a.refresh_from_db()
        assert world.coordinator_a.preferred_language == "ru"
        page = client.get(response["Location"])
        assert '<html lang="ru">' in page.content.decode()
        assert "Люди" in page.content.decode()

    def test_anonymous_switch_sets_the_cookie_only(self, client: Client, db: None) -> None:
        response = client.post(
            reverse("language_set"), {"language": "kk", "next": url("account_login", "en")}
        )
        assert response["Location"] == url("account_login", "kk")
        assert response.cookies["lms_language"].value == "kk"

    def test_root_follows_the_signed_in_persons_language(
        self, client: Client, world: World
    ) -> None:
        world.tutor_a1.preferred_language = "ru"
        world.tutor_a1.save()
        response = signed_in(client, world.tutor_a1).get("/")
        assert response["Location"] == "/ru/"

    def test_an_unknown_language_in_the_address_is_not_found(
        self, client: Client, db: None
    ) -> None:
        response = client.get("/xx/people/", follow=True, headers={"accept-language": "ru"})
        assert response.status_code == 404
        assert "Страница не найдена" in response.content.decode()


class TestProfile:
    def test_a_person_corrects_their_own_name(self, client: Client, world: World) -> None:
        response = signed_in(client, world.tutor_a1).post(
            url("profile"),
            {"full_name": "Tutor  Renamed", "full_name_alt": "", "preferred_language": "kk"},
        )
        assert response.status_code == 302
        world.tutor_a1.refresh_from_db()
        assert world.tutor_a1.full_name == "Tutor Renamed"
        assert world.tutor_a1.preferred_language == "kk"


def test_mfa_model_is_available() -> None:
    # The Authenticator model is what the MFA requirement checks; it must be installed.
    assert Authenticator._meta.app_label == "mfa"


def test_school_factory_gives_every_school_a_support_room(db: None) -> None:
    assert SchoolFactory().support_room.sen_places == 40
