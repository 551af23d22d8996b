"""A small world of two regions, three schools and people in every role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from people.models import Region, School, User
from people.roles import Role
from tests.factories import RegionFactory, SchoolFactory, UserFactory, grant


@dataclass
class World:
    region_a: Region
    region_b: Region
    school_a1: School
    school_a2: School
    school_b1: School
    tutor_a1: User
    teacher_a2: User
    teacher_b1: User
    leader_a1: User
    supervisor_a1: User
    coordinator_a: User
    methodologist_region_a: User
    trainer: User
    manager: User
    administrator: User
    nobody: User


@pytest.fixture
def world(db: None) -> World:
    region_a = RegionFactory(code="region-a", name_en="Region A")
    region_b = RegionFactory(code="region-b", name_en="Region B")
    school_a1 = SchoolFactory(region=region_a, name_en="School A1")
    school_a2 = SchoolFactory(region=region_a, name_en="School A2")
    school_b1 = SchoolFactory(region=region_b, name_en="School B1")

    def person(role: str, name: str, **where: Any) -> User:
        user = UserFactory(full_name=name)
        grant(user, role, **where)
        return user

    return World(
        region_a=region_a,
        region_b=region_b,
        school_a1=school_a1,
        school_a2=school_a2,
        school_b1=school_b1,
        tutor_a1=person(Role.TUTOR, "Tutor A1", school=school_a1),
        teacher_a2=person(Role.TEACHER, "Teacher A2", school=school_a2),
        teacher_b1=person(Role.TEACHER, "Teacher B1", school=school_b1),
        leader_a1=person(Role.SCHOOL_LEADER, "Leader A1", school=school_a1),
        supervisor_a1=person(Role.SUPERVISOR, "Supervisor A1", school=school_a1),
        coordinator_a=person(Role.REGIONAL_COORDINATOR, "Coordinator A", region=region_a),
        methodologist_region_a=person(Role.METHODOLOGIST, "Methodologist A", region=region_a),
        trainer=person(Role.TRAINER, "Trainer"),
        manager=person(Role.PROGRAMME_MANAGER, "Manager"),
        administrator=person(Role.ADMINISTRATOR, "Administrator"),
        nobody=UserFactory(full_name="Nobody"),
    )
