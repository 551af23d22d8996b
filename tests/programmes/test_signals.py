"""Programmes keep training statuses current from the signals the owning apps send, not
from other apps' model saves."""

from __future__ import annotations

from typing import Any

import pytest

from certificates.signals import certificate_changed
from courses import services as course_services
from courses.models import Enrolment
from people.roles import Role
from programmes import receivers
from tests.factories import SchoolFactory, UserFactory, grant
from tests.factories.courses import course_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[Any, ...]]]:
    sent: list[tuple[str, tuple[Any, ...]]] = []
    monkeypatch.setattr(
        receivers, "send_task_after_commit", lambda name, *args: sent.append((name, args))
    )
    return sent


def test_a_save_outside_the_services_refreshes_nobody(
    queued: list[tuple[str, tuple[Any, ...]]], django_capture_on_commit_callbacks: Any
) -> None:
    person = UserFactory()
    grant(person, Role.TUTOR, school=SchoolFactory())
    course = course_page(modules=1)
    enrolment = course_services.enrolment_create(actor=person, person=person, course=course)
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        enrolment.status = Enrolment.Status.LEFT
        enrolment.save(update_fields=["status"])
    assert queued == []


def test_the_courses_services_announce_progress_after_commit(
    queued: list[tuple[str, tuple[Any, ...]]], django_capture_on_commit_callbacks: Any
) -> None:
    person = UserFactory()
    grant(person, Role.TUTOR, school=SchoolFactory())
    course = course_page(modules=1)
    with django_capture_on_commit_callbacks(execute=True):
        enrolment = course_services.enrolment_create(actor=person, person=person, course=course)
    assert ("programmes.person_refresh", (person.pk,)) in queued
    queued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrolment_leave(actor=person, enrolment=enrolment)
    assert queued == [("programmes.person_refresh", (person.pk,))]


def test_a_certificate_change_refreshes_its_holder() -> None:
    sent: list[int | None] = []
    original = receivers._refresh
    receivers._refresh = sent.append
    try:
        certificate_changed.send(sender=None, certificate_id=7, person_id=42)
        certificate_changed.send(sender=None, certificate_id=8, person_id=None)
    finally:
        receivers._refresh = original
    assert sent == [42, None]
