"""People services: adding people, roles, invitations; refusals change nothing."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from people import services
from people.models import Invitation, RoleMembership, User
from people.roles import Role, Specialism
from people.services import MembershipSpec
from tests.factories import TrainingAreaFactory, UserFactory, grant

from .conftest import World


def invitation_token(message: mail.EmailMessage) -> str:
    match = re.search(r"/invitations/([\w-]+)/", message.body)
    assert match, message.body
    return match.group(1)


class TestPersonCreate:
    def test_coordinator_adds_a_tutor_in_their_region_and_invites_them(
        self, world: World, django_capture_on_commit_callbacks: Any
    ) -> None:
        area = TrainingAreaFactory()
        with django_capture_on_commit_callbacks(execute=True):
            person = services.person_create(
                actor=world.coordinator_a,
                email="  New.Tutor@Example.org ",
                full_name="  Жанар   Омарова ",
                preferred_language="kk",
                memberships=[
                    MembershipSpec(Role.TUTOR, school=world.school_a1, training_area=area)
                ],
            )
        assert person.email == "new.tutor@example.org"
        assert person.full_name == "Жанар Омарова"
        assert not person.has_usable_password()
        assert EmailAddress.objects.get(user=person).verified is False
        membership = RoleMembership.objects.get(person=person)
        assert (membership.role, membership.school, membership.training_area) == (
            Role.TUTOR,
            world.school_a1,
            area,
        )
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["new.tutor@example.org"]
        assert "/kk/invitations/" in mail.outbox[0].body
        actions = set(
            ModelLogEntry.objects.filter(object_id=str(person.pk)).values_list("action", flat=True)
        )
        assert actions == {
            "people.person.create",
            "people.membership.grant",
            "people.invitation.send",
        }

    def test_adding_someone_outside_the_scope_is_refused_and_saves_nothing(
        self, world: World, django_capture_on_commit_callbacks: Any
    ) -> None:
        before = User.objects.count()
        with (
            django_capture_on_commit_callbacks(execute=True),
            pytest.raises(PermissionDenied, match="School B1"),
        ):
            services.person_create(
                actor=world.coordinator_a,
                email="outsider@example.org",
                full_name="Outsider",
                memberships=[MembershipSpec(Role.TEACHER, school=world.school_b1)],
            )
        assert User.objects.count() == before
        assert mail.outbox == []

    def test_an_address_already_registered_is_refused_whatever_its_case(self, world: World) -> None:
        with pytest.raises(ValidationError) as error:
            services.person_create(
                actor=world.manager,
                email=world.tutor_a1.email.upper(),
                full_name="Twin",
                memberships=[MembershipSpec(Role.TEACHER, school=world.school_a1)],
            )
        assert "email" in error.value.message_dict

    @pytest.mark.parametrize(
        ("spec_kwargs", "field"),
        [
            ({"role": Role.TUTOR, "school": "a1"}, "training_area"),
            ({"role": Role.SPECIALIST, "school": "a1"}, "specialism"),
            ({"role": Role.TEACHER}, "school"),
            ({"role": Role.REGIONAL_COORDINATOR, "school": "a1"}, "school"),
            (
                {"role": Role.TEACHER, "school": "a1", "specialism": Specialism.PSYCHOLOGIST},
                "specialism",
            ),
            ({"role": "wizard"}, "role"),
        ],
    )
    def test_a_role_in_the_wrong_shape_is_refused_with_the_field_named(
        self, world: World, spec_kwargs: dict[str, object], field: str
    ) -> None:
        if spec_kwargs.get("school") == "a1":
            spec_kwargs["school"] = world.school_a1
        with pytest.raises(ValidationError) as error:
            services.person_create(
                actor=world.administrator,
                email="shape@example.org",
                full_name="Shape",
                memberships=[MembershipSpec(**spec_kwargs)],
            )
        assert field in error.value.message_dict
        assert not User.objects.filter(email="shape@example.org").exists()


class TestRoles:
    def test_granting_the_same_role_twice_is_refused(self, world: World) -> None:
        with pytest.raises(ValidationError):
            services.membership_grant(
                actor=world.coordinator_a,
                person=world.teacher_a2,
                spec=MembershipSpec(Role.TEACHER, school=world.school_a2),
            )
        assert RoleMembership.objects.filter(person=world.teacher_a2).count() == 1

    def test_leader_cannot_appoint_a_supervisor(self, world: World) -> None:
        with pytest.raises(PermissionDenied):
            services.membership_grant(
                actor=world.leader_a1,
                person=world.tutor_a1,
                spec=MembershipSpec(Role.SUPERVISOR, school=world.school_a1),
            )
        assert not RoleMembership.objects.filter(
            person=world.tutor_a1, role=Role.SUPERVISOR
        ).exists()

    def test_trainer_role_opens_the_admin_and_ending_it_closes_it(self, world: World) -> None:
        person = world.teacher_a2
        membership = services.membership_grant(
            actor=world.manager, person=person, spec=MembershipSpec(Role.TRAINER)
        )
        person = User.objects.get(pk=person.pk)
        assert person.groups.filter(name="Trainers").exists()
        assert person.has_perm("wagtailadmin.access_admin")

        services.membership_end(actor=world.manager, membership=membership)
        person = User.objects.get(pk=person.pk)
        assert not person.groups.filter(name="Trainers").exists()
        assert not person.has_perm("wagtailadmin.access_admin")

    def test_ending_a_role_keeps_it_as_history_and_is_repeat_safe(self, world: World) -> None:
        membership = RoleMembership.objects.get(person=world.teacher_a2)
        first = services.membership_end(actor=world.coordinator_a, membership=membership)
        second = services.membership_end(actor=world.coordinator_a, membership=membership)
        assert first.ended_on == second.ended_on == timezone.localdate()
        assert RoleMembership.objects.filter(person=world.teacher_a2).count() == 1
        assert (
            ModelLogEntry.objects.filter(
                object_id=str(world.teacher_a2.pk), action="people.membership.end"
            ).count()
            == 1
        )

    def test_ending_a_role_outside_the_scope_is_refused(self, world: World) -> None:
        membership = RoleMembership.objects.get(person=world.teacher_b1)
        with pytest.raises(PermissionDenied):
            services.membership_end(actor=world.coordinator_a, membership=membership)
        membership.refresh_from_db()
        assert membership.ended_on is None

    def test_administrator_role_makes_a_superuser_and_ending_it_undoes_that(
        self, world: World
    ) -> None:
        membership = services.membership_grant(
            actor=world.administrator,
            person=world.manager,
            spec=MembershipSpec(Role.ADMINISTRATOR),
        )
        assert User.objects.get(pk=world.manager.pk).is_superuser
        services.membership_end(actor=world.administrator, membership=membership)
        assert not User.objects.get(pk=world.manager.pk).is_superuser


class TestPersonUpdate:
    def test_name_correction_is_audited_with_before_and_after(self, world: World) -> None:
        services.person_update(
            actor=world.coordinator_a,
            person=world.tutor_a1,
            full_name="Tutor  A1  Corrected",
            preferred_language="ru",
        )
        world.tutor_a1.refresh_from_db()
        assert world.tutor_a1.full_name == "Tutor A1 Corrected"
        entry = ModelLogEntry.objects.get(
            object_id=str(world.tutor_a1.pk), action="people.person.update"
        )
        assert entry.data["changed"]["full_name"] == ["Tutor A1", "Tutor A1 Corrected"]
        assert entry.user_id == world.coordinator_a.pk

    def test_changing_someone_outside_the_scope_is_refused(self, world: World) -> None:
        with pytest.raises(PermissionDenied):
            services.person_update(
                actor=world.coordinator_a,
                person=world.teacher_b1,
                full_name="Changed",
                preferred_language="en",
            )
        world.teacher_b1.refresh_from_db()
        assert world.teacher_b1.full_name == "Teacher B1"


class TestInvitations:
    @pytest.fixture
    def invited(self, world: World, django_capture_on_commit_callbacks: Any) -> tuple[User, str]:
        with django_capture_on_commit_callbacks(execute=True):
            person = services.person_create(
                actor=world.leader_a1,
                email="invited@example.org",
                full_name="Invited Person",
                preferred_language="ru",
                memberships=[MembershipSpec(Role.TEACHER, school=world.school_a1)],
            )
        return person, invitation_token(mail.outbox[-1])

    def test_accepting_sets_the_password_and_verifies_the_address(
        self, invited: tuple[User, str]
    ) -> None:
        person, token = invited
        services.invitation_accept(
            token=token,
            password="a-long-passphrase-42",
            full_name="Invited Person",
            full_name_alt="Инвайтед Персон",
            preferred_language="kk",
        )
        person.refresh_from_db()
        assert person.check_password("a-long-passphrase-42")
        assert person.preferred_language == "kk"
        assert person.full_name_alt == "Инвайтед Персон"
        assert EmailAddress.objects.get(user=person).verified

    def test_a_link_works_once(self, invited: tuple[User, str]) -> None:
        _person, token = invited
        services.invitation_accept(
            token=token, password="a-long-passphrase-42", full_name="X", preferred_language="en"
        )
        with pytest.raises(services.InvitationError, match="already been used"):
            services.invitation_accept(
                token=token, password="another-passphrase-7", full_name="X", preferred_language="en"
            )

    def test_an_expired_link_is_refused_and_changes_nothing(
        self, invited: tuple[User, str]
    ) -> None:
        person, token = invited
        Invitation.objects.filter(person=person).update(
            expires_at=timezone.now() - timedelta(minutes=1)
        )
        with pytest.raises(services.InvitationError, match="expired"):
            services.invitation_accept(
                token=token, password="a-long-passphrase-42", full_name="X", preferred_language="en"
            )
        person.refresh_from_db()
        assert not person.has_usable_password()
        assert person.full_name == "Invited Person"

    def test_a_newer_invitation_replaces_the_older_link(
        self, world: World, invited: tuple[User, str], django_capture_on_commit_callbacks: Any
    ) -> None:
        person, old_token = invited
        with django_capture_on_commit_callbacks(execute=True):
            services.invitation_create(actor=world.leader_a1, person=person)
        new_token = invitation_token(mail.outbox[-1])
        with pytest.raises(services.InvitationError, match="newer invitation"):
            services.invitation_for_token(old_token)
        assert services.invitation_for_token(new_token).person == person

    def test_an_unknown_link_is_refused(self, db: None) -> None:
        with pytest.raises(services.InvitationError, match="not valid"):
            services.invitation_for_token("nonsense")

    def test_a_weak_password_is_refused_and_the_link_stays_usable(
        self, invited: tuple[User, str]
    ) -> None:
        person, token = invited
        with pytest.raises(ValidationError) as error:
            services.invitation_accept(
                token=token, password="12345678", full_name="X", preferred_language="en"
            )
        assert "password1" in error.value.message_dict
        assert services.invitation_for_token(token).person == person

    def test_someone_with_an_account_is_not_invited_again(self, world: World) -> None:
        with pytest.raises(ValidationError, match="already has an account"):
            services.invitation_create(actor=world.coordinator_a, person=world.tutor_a1)

    def test_inviting_someone_outside_the_scope_is_refused(self, world: World) -> None:
        stranger = UserFactory(password=None)
        stranger.set_unusable_password()
        stranger.save()
        grant(stranger, Role.TEACHER, school=world.school_b1)
        with pytest.raises(PermissionDenied):
            services.invitation_create(actor=world.coordinator_a, person=stranger)
        assert not Invitation.objects.filter(person=stranger).exists()


def test_groups_exist_with_admin_access(db: None) -> None:
    for name in ("Trainers", "Programme managers"):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()
