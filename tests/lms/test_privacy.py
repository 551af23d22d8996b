"""A person's data: the download of everything, and erasure that keeps the figures."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from courses import services as course_services
from courses.models import Enrolment, ModulePage, Reflection
from lms import privacy
from people.models import User
from people.roles import Role
from programmes import services as programme_services
from programmes.models import Programme, RequiredCourse, TrainedStatus
from tests.factories import SchoolFactory, UserFactory, grant
from tests.factories.courses import course_page, module_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(django_capture_on_commit_callbacks: Any) -> dict[str, Any]:
    school = SchoolFactory()
    person = UserFactory(full_name="Жанар Омарова", email="zhanar@example.org")
    grant(person, Role.TEACHER, school=school)
    course = course_page("Adapting lessons", modules=1, audiences=[("teacher", None, False)])
    reflection_module = module_page(
        course, "Your practice", completion=ModulePage.Completion.REFLECTION
    )
    programme = Programme.objects.create(
        code="p",
        name_kk="П",
        name_ru="П",
        name_en="P",
        starts_on="2026-08-15",
        ends_on="2027-05-31",
    )
    programme.regions.add(school.region)
    programme.save()
    RequiredCourse.objects.create(programme=programme, role="teacher", course=course)
    trainer = UserFactory()
    grant(trainer, Role.TRAINER)
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrolment_create(actor=person, person=person, course=course)
        course_services.module_mark_done(
            person=person, module=ModulePage.objects.child_of(course).first()
        )
        reflection = course_services.reflection_submit(
            person=person, module=reflection_module, text="I seat the child near the board now."
        )
        course_services.reflection_review(actor=trainer, reflection=reflection, accept=True)
    programme_services.statuses_refresh(programme=programme)
    administrator = UserFactory()
    grant(administrator, Role.ADMINISTRATOR)
    return {
        "person": person,
        "programme": programme,
        "administrator": administrator,
        "course": course,
    }


def test_a_person_downloads_everything_about_them(client: Client, learner: dict[str, Any]) -> None:
    client.force_login(learner["person"])
    response = client.get(reverse("my_data"))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("data.json"))
    assert data["people"]["full_name"] == "Жанар Омарова"
    assert data["courses"]["reflections"][0]["text"] == "I seat the child near the board now."
    assert data["courses"]["enrolments"][0]["status"]
    assert data["programmes"]["training_statuses"][0]["stage"]
    pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
    assert len(pdfs) == Certificate.objects.filter(person=learner["person"]).count() == 1
    assert archive.read(pdfs[0]).startswith(b"%PDF")


def test_erasure_removes_personal_data_and_keeps_the_figures(
    learner: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    person, programme = learner["person"], learner["programme"]
    before = list(
        TrainedStatus.objects.filter(programme=programme).values_list("stage", "trained_on")
    )
    certificate = Certificate.objects.get(person=person)
    with django_capture_on_commit_callbacks(execute=True):
        privacy.person_erase(
            actor=learner["administrator"], person=person, reason="Written request of 2 November"
        )
    person.refresh_from_db()
    assert person.erased_at is not None
    assert "Жанар" not in person.full_name
    assert person.email.endswith("@erased.invalid")
    assert not person.is_active
    assert not person.has_usable_password()
    assert Reflection.objects.get().text != "I seat the child near the board now."
    assert Enrolment.objects.get(person=person).is_completed  # progress still counts
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert "Жанар" not in certificate.full_name
    programme_services.statuses_refresh(programme=programme)
    after = list(
        TrainedStatus.objects.filter(programme=programme).values_list("stage", "trained_on")
    )
    assert after == before
    entry = ModelLogEntry.objects.get(action="people.person.erase")
    assert entry.data["reason"] == "Written request of 2 November"
    assert entry.user_id == learner["administrator"].pk


def test_erasure_is_for_administrators_with_a_reason(learner: dict[str, Any]) -> None:
    manager = UserFactory()
    grant(manager, Role.PROGRAMME_MANAGER)
    with pytest.raises(PermissionDenied):
        privacy.person_erase(actor=manager, person=learner["person"], reason="No")
    with pytest.raises(ValidationError):
        privacy.person_erase(actor=learner["administrator"], person=learner["person"], reason="  ")
    assert User.objects.get(pk=learner["person"].pk).erased_at is None


def test_erasing_twice_changes_nothing(learner: dict[str, Any]) -> None:
    privacy.person_erase(actor=learner["administrator"], person=learner["person"], reason="Request")
    privacy.person_erase(actor=learner["administrator"], person=learner["person"], reason="Again")
    assert ModelLogEntry.objects.filter(action="people.person.erase").count() == 1


def test_the_erase_page_asks_to_confirm_the_address(
    client: Client, learner: dict[str, Any], settings: Any
) -> None:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False
    client.force_login(learner["administrator"])
    url = reverse("person_erase", args=[learner["person"].public_id])
    response = client.post(url, {"reason": "Request", "confirm_email": "someone.else@example.org"})
    assert response.status_code == 200
    assert User.objects.get(pk=learner["person"].pk).erased_at is None
    response = client.post(url, {"reason": "Request", "confirm_email": "ZHANAR@example.org"})
    assert response.status_code == 302
    assert User.objects.get(pk=learner["person"].pk).erased_at is not None
