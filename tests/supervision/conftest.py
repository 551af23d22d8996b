"""A small supervised world: two regions, three schools, their staff, supervisors,
leaders and a coordinator, a rubric, and a supervision year per school."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import storages

from people.models import Region, School, User
from people.roles import Role
from supervision.models import Attachment, Rubric, RubricVersion, SupervisionYear
from tests.factories import RegionFactory, SchoolFactory, UserFactory, grant
from tests.factories.supervision import RubricFactory, make_year, published


@dataclass
class World:
    region_a: Region
    region_b: Region
    school_a1: School
    school_a2: School
    school_b1: School
    supervisor_a1: User
    supervisor_b1: User
    leader_a1: User
    leader_a2: User
    coordinator_a: User
    coordinator_b: User
    manager: User
    trainer: User
    tutor_a1: User
    teacher_a1: User
    teacher_a2: User
    teacher_b1: User
    rubric: Rubric
    version: RubricVersion
    year_a1: SupervisionYear
    year_a2: SupervisionYear
    year_b1: SupervisionYear


@pytest.fixture(autouse=True)
def _no_mfa_requirement(settings: Any) -> None:
    """These tests are about supervision; MFA enforcement has its own tests."""
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False


@pytest.fixture(autouse=True)
def private_dir(settings: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Attachments go to a temporary private folder, never the project's."""
    folder = tmp_path / "private"
    settings.STORAGES = {
        **django_settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder), "base_url": None},
        },
    }
    # The file field resolved its storage when the model was defined.
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", storages["private"])
    return folder


@pytest.fixture
def world(db: None) -> World:
    region_a = RegionFactory(code="sv-region-a", name_en="Region A")
    region_b = RegionFactory(code="sv-region-b", name_en="Region B")
    school_a1 = SchoolFactory(region=region_a, name_en="School A1")
    school_a2 = SchoolFactory(region=region_a, name_en="School A2")
    school_b1 = SchoolFactory(region=region_b, name_en="School B1")

    def person(role: str, name: str, **where: Any) -> User:
        user = UserFactory(full_name=name)
        grant(user, role, **where)
        return user

    supervisor_a1 = person(Role.SUPERVISOR, "Supervisor A1", school=school_a1)
    grant(supervisor_a1, Role.SUPERVISOR, school=school_a2)
    supervisor_b1 = person(Role.SUPERVISOR, "Supervisor B1", school=school_b1)
    rubric = RubricFactory()
    version = published(rubric)
    return World(
        region_a=region_a,
        region_b=region_b,
        school_a1=school_a1,
        school_a2=school_a2,
        school_b1=school_b1,
        supervisor_a1=supervisor_a1,
        supervisor_b1=supervisor_b1,
        leader_a1=person(Role.SCHOOL_LEADER, "Leader A1", school=school_a1),
        leader_a2=person(Role.SCHOOL_LEADER, "Leader A2", school=school_a2),
        coordinator_a=person(Role.REGIONAL_COORDINATOR, "Coordinator A", region=region_a),
        coordinator_b=person(Role.REGIONAL_COORDINATOR, "Coordinator B", region=region_b),
        manager=person(Role.PROGRAMME_MANAGER, "Manager"),
        trainer=person(Role.TRAINER, "Trainer"),
        tutor_a1=person(Role.TUTOR, "Tutor A1", school=school_a1),
        teacher_a1=person(Role.TEACHER, "Teacher A1", school=school_a1),
        teacher_a2=person(Role.TEACHER, "Teacher A2", school=school_a2),
        teacher_b1=person(Role.TEACHER, "Teacher B1", school=school_b1),
        rubric=rubric,
        version=version,
        year_a1=make_year(school_a1, [supervisor_a1], starts_on=date(2026, 9, 1)),
        year_a2=make_year(school_a2, [supervisor_a1], starts_on=date(2026, 9, 1)),
        year_b1=make_year(school_b1, [supervisor_b1], starts_on=date(2026, 9, 1)),
    )
