"""A small programme for certificate tests: two regions with a school each, a tutor with a
Kazakh name and its Latin spelling, other learners, a coordinator per region, a trainer,
a programme manager; a course that awards a certificate. PDFs go to a temporary private
folder, uploaded images to a temporary media folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client

from courses.models import CoursePage
from people.models import Region, School, User
from people.roles import Role
from tests.factories import RegionFactory, SchoolFactory, TrainingAreaFactory, UserFactory, grant
from tests.factories.courses import course_page
from tests.workers import WorkerProcess, worker_env, workers


@dataclass
class World:
    region_a: Region
    region_b: Region
    school_a: School
    school_b: School
    tutor: User
    tutor_b: User
    teacher: User
    coordinator_a: User
    coordinator_b: User
    trainer: User
    manager: User
    course: CoursePage


@pytest.fixture(autouse=True)
def _no_mfa_requirement(settings: Any) -> None:
    """These tests are about certificates; MFA enforcement has its own tests."""
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False


@pytest.fixture(autouse=True)
def private_dir(settings: Any, tmp_path: Path) -> Path:
    """Certificates are stored in a temporary private folder, never the project's; images
    uploaded in tests go to a temporary media folder."""
    folder = tmp_path / "private"
    settings.STORAGES = {
        **django_settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder), "base_url": None},
        },
    }
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.SITE_URL = "http://testserver"
    return folder


@pytest.fixture
def world(db: None) -> World:
    region_a = RegionFactory(code="cert-region-a", name_en="Region A")
    region_b = RegionFactory(code="cert-region-b", name_en="Region B")
    school_a = SchoolFactory(region=region_a, name_en="School A")
    school_b = SchoolFactory(region=region_b, name_en="School B")
    area = TrainingAreaFactory()

    def person(role: str, name: str, alt: str = "", language: str = "en", **where: Any) -> User:
        user = UserFactory(full_name=name, full_name_alt=alt, preferred_language=language)
        grant(user, role, **where)
        return user

    return World(
        region_a=region_a,
        region_b=region_b,
        school_a=school_a,
        school_b=school_b,
        tutor=person(
            Role.TUTOR,
            "Әйгерім Ғалымқызы Сейітова",
            "Aigerim Galymqyzy Seiitova",
            "kk",
            school=school_a,
            training_area=area,
        ),
        tutor_b=person(
            Role.TUTOR, "Бауыржан Нұрланов", "", "ru", school=school_b, training_area=area
        ),
        teacher=person(Role.TEACHER, "Teacher A", school=school_a),
        coordinator_a=person(Role.REGIONAL_COORDINATOR, "Coordinator A", region=region_a),
        coordinator_b=person(Role.REGIONAL_COORDINATOR, "Coordinator B", region=region_b),
        trainer=person(Role.TRAINER, "Trainer"),
        manager=person(Role.PROGRAMME_MANAGER, "Manager"),
        course=course_page(
            "Supporting a child with autism",
            modules=2,
            audiences=[("tutor", None, False), ("teacher", None, False)],
        ),
    )


@pytest.fixture
def finish(django_capture_on_commit_callbacks: Any) -> Any:
    """Complete a course as a learner, running what is queued after commit (the
    certificate task, the e-mail), as happens outside a test's transaction."""
    from tests.factories.certificates import complete

    def run(person: User, course: CoursePage) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return complete(person, course)

    return run


@pytest.fixture
def worker(transactional_db: None, private_dir: Path, tmp_path: Path) -> Any:
    """Yields a maker of (not yet started) workers whose certificates land in
    ``private_dir``; every one is stopped at the end."""
    env = worker_env(tmp_path, private_dir)
    with workers(env) as processes:

        def make() -> WorkerProcess:
            processes.append(WorkerProcess(env))
            return processes[-1]

        yield make


@pytest.fixture
def client() -> Client:
    """Pages without a language prefix (the QR target) speak the visitor's browser
    language; these tests read them in English."""
    return Client(headers={"accept-language": "en"})
