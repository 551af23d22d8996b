"""The scoping rules, one by one: who sees and may change which places and people."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from people import scoping
from people.models import RoleMembership, User
from people.roles import Role
from tests.factories import UserFactory, grant

from .conftest import World


def names(people: Any) -> set[str]:
    return {person.full_name for person in people}


def school_names(user: User) -> set[str]:
    return {school.name_en for school in scoping.visible_schools(user)}


def test_learner_sees_only_themselves_and_their_school(world: World) -> None:
    assert names(scoping.visible_people(world.tutor_a1)) == {"Tutor A1"}
    assert school_names(world.tutor_a1) == {"School A1"}
    assert not scoping.scope_for(world.tutor_a1).oversees_people
    assert not scoping.can_see_person(world.tutor_a1, world.teacher_a2)


def test_school_leader_sees_only_their_school(world: World) -> None:
    assert names(scoping.visible_people(world.leader_a1)) == {
        "Leader A1",
        "Tutor A1",
        "Supervisor A1",
    }
    assert school_names(world.leader_a1) == {"School A1"}
    assert not scoping.can_see_school(world.leader_a1, world.school_a2)
    assert not scoping.can_see_person(world.leader_a1, world.teacher_a2)


def test_supervisor_sees_only_assigned_schools(world: World) -> None:
    assert names(scoping.visible_people(world.supervisor_a1)) == {
        "Supervisor A1",
        "Tutor A1",
        "Leader A1",
    }
    assert school_names(world.supervisor_a1) == {"School A1"}
    assert {r.code for r in scoping.visible_regions(world.supervisor_a1)} == {"region-a"}
    assert not scoping.can_see_person(world.supervisor_a1, world.teacher_b1)


def test_coordinator_sees_only_their_region(world: World) -> None:
    assert names(scoping.visible_people(world.coordinator_a)) == {
        "Coordinator A",
        "Tutor A1",
        "Teacher A2",
        "Leader A1",
        "Supervisor A1",
        "Methodologist A",
    }
    assert school_names(world.coordinator_a) == {"School A1", "School A2"}
    assert {r.code for r in scoping.visible_regions(world.coordinator_a)} == {"region-a"}
    assert not scoping.can_see_school(world.coordinator_a, world.school_b1)
    assert not scoping.can_see_region(world.coordinator_a, world.region_b)


def test_trainer_sees_learners_everywhere_but_not_programme_staff(world: World) -> None:
    seen = names(scoping.visible_people(world.trainer))
    assert {"Tutor A1", "Teacher A2", "Teacher B1", "Leader A1", "Methodologist A"} <= seen
    assert not seen & {"Manager", "Administrator", "Coordinator A", "Supervisor A1", "Nobody"}
    assert school_names(world.trainer) == {"School A1", "School A2", "School B1"}


@pytest.mark.parametrize("who", ["manager", "administrator"])
def test_national_roles_see_everyone(world: World, who: str) -> None:
    user = getattr(world, who)
    assert scoping.visible_people(user).count() == User.objects.count()
    assert scoping.visible_schools(user).count() == 3


def test_superuser_without_membership_counts_as_administrator(world: World) -> None:
    superuser = UserFactory(is_superuser=True)
    assert scoping.scope_for(superuser).is_administrator
    assert scoping.can_grant(superuser, Role.ADMINISTRATOR)


def test_anonymous_sees_nothing(world: World) -> None:
    anonymous = AnonymousUser()
    assert not scoping.visible_people(anonymous).exists()
    assert not scoping.visible_schools(anonymous).exists()
    assert not scoping.can_grant(anonymous, Role.TEACHER, school=world.school_a1)


def test_ended_membership_grants_nothing(world: World) -> None:
    RoleMembership.objects.filter(person=world.coordinator_a).update(ended_on=timezone.localdate())
    coordinator = User.objects.get(pk=world.coordinator_a.pk)
    assert names(scoping.visible_people(coordinator)) == {"Coordinator A"}
    assert not scoping.visible_schools(coordinator).exists()


def test_scope_is_the_union_of_roles(world: World) -> None:
    both = UserFactory(full_name="Teacher B1 who supervises A1")
    grant(both, Role.TEACHER, school=world.school_b1)
    grant(both, Role.SUPERVISOR, school=world.school_a1)
    seen = names(scoping.visible_people(both))
    assert {"Tutor A1", "Leader A1"} <= seen
    assert "Teacher B1" not in seen  # a colleague at one's own school as a learner stays hidden
    assert school_names(both) == {"School A1", "School B1"}


class TestGrants:
    def test_coordinator_grants_learner_roles_and_supervisors_in_their_region(
        self, world: World
    ) -> None:
        coordinator = world.coordinator_a
        assert scoping.can_grant(coordinator, Role.TUTOR, school=world.school_a1)
        assert scoping.can_grant(coordinator, Role.SCHOOL_LEADER, school=world.school_a2)
        assert scoping.can_grant(coordinator, Role.SUPERVISOR, school=world.school_a1)
        assert scoping.can_grant(coordinator, Role.METHODOLOGIST, region=world.region_a)
        assert not scoping.can_grant(coordinator, Role.TUTOR, school=world.school_b1)
        assert not scoping.can_grant(coordinator, Role.METHODOLOGIST, region=world.region_b)
        assert not scoping.can_grant(coordinator, Role.REGIONAL_COORDINATOR, region=world.region_a)
        assert not scoping.can_grant(coordinator, Role.TRAINER)

    def test_school_leader_grants_staff_roles_at_their_school_only(self, world: World) -> None:
        leader = world.leader_a1
        assert scoping.can_grant(leader, Role.TEACHER, school=world.school_a1)
        assert scoping.can_grant(leader, Role.SPECIALIST, school=world.school_a1)
        assert not scoping.can_grant(leader, Role.SCHOOL_LEADER, school=world.school_a1)
        assert not scoping.can_grant(leader, Role.SUPERVISOR, school=world.school_a1)
        assert not scoping.can_grant(leader, Role.TEACHER, school=world.school_a2)

    @pytest.mark.parametrize("who", ["tutor_a1", "supervisor_a1", "trainer", "nobody"])
    def test_other_roles_grant_nothing(self, world: World, who: str) -> None:
        user = getattr(world, who)
        assert scoping.grantable_roles(user) == []
        assert not scoping.can_grant(user, Role.TEACHER, school=world.school_a1)

    def test_manager_grants_everything_but_administrator(self, world: World) -> None:
        assert scoping.can_grant(world.manager, Role.REGIONAL_COORDINATOR, region=world.region_b)
        assert scoping.can_grant(world.manager, Role.TRAINER)
        assert not scoping.can_grant(world.manager, Role.ADMINISTRATOR)
        assert Role.ADMINISTRATOR not in scoping.grantable_roles(world.manager)

    def test_administrator_grants_everything(self, world: World) -> None:
        assert scoping.grantable_roles(world.administrator) == list(Role.values)

    def test_grantable_places_follow_the_scope(self, world: World) -> None:
        assert {s.name_en for s in scoping.grantable_schools(world.coordinator_a)} == {
            "School A1",
            "School A2",
        }
        assert {s.name_en for s in scoping.grantable_schools(world.leader_a1)} == {"School A1"}
        assert not scoping.grantable_schools(world.supervisor_a1).exists()


class TestChangingPeople:
    def test_coordinator_changes_staff_of_their_region(self, world: World) -> None:
        assert scoping.can_change_person(world.coordinator_a, world.tutor_a1)
        assert scoping.can_change_person(world.coordinator_a, world.supervisor_a1)
        assert not scoping.can_change_person(world.coordinator_a, world.teacher_b1)

    def test_nobody_below_national_changes_someone_with_a_role_they_cannot_grant(
        self, world: World
    ) -> None:
        grant(world.tutor_a1, Role.TRAINER)
        assert not scoping.can_change_person(world.coordinator_a, world.tutor_a1)
        assert not scoping.can_change_person(world.leader_a1, world.tutor_a1)

    def test_leader_changes_staff_but_not_other_leaders(self, world: World) -> None:
        deputy = UserFactory()
        grant(deputy, Role.SCHOOL_LEADER, school=world.school_a1)
        assert scoping.can_change_person(world.leader_a1, world.tutor_a1)
        assert not scoping.can_change_person(world.leader_a1, deputy)

    def test_person_without_roles_is_managed_nationally(self, world: World) -> None:
        assert not scoping.can_change_person(world.coordinator_a, world.nobody)
        assert scoping.can_change_person(world.manager, world.nobody)

    def test_manager_cannot_change_an_administrator(self, world: World) -> None:
        assert not scoping.can_change_person(world.manager, world.administrator)
        assert scoping.can_change_person(world.administrator, world.manager)
