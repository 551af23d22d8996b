"""Many requests at once on one enrolment, on PostgreSQL with real row locks: each module is
recorded once, the enrolment completes once, its completion is announced once and exactly
one certificate is issued (tasks run inline here, in the thread that committed)."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from certificates import services as certificate_services
from certificates.models import Certificate
from courses import services as course_services
from courses import signals
from courses.models import CoursePage, Enrolment, ModuleCompletion, ModulePage
from courses.services import progress as course_progress
from people.models import User
from tests.factories.courses import course_page, module_page

from .conftest import World, enrol, in_threads, modules_of

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def announced() -> Iterator[list[int]]:
    """The enrolment ids ``course_completed`` announced, in order."""
    seen: list[int] = []
    lock = threading.Lock()

    def listener(sender: Any, enrolment_id: int, **kwargs: Any) -> None:
        with lock:
            seen.append(enrolment_id)

    signals.course_completed.connect(listener, weak=False)
    yield seen
    signals.course_completed.disconnect(listener)


def failures(results: list[Any]) -> list[BaseException]:
    return [result for result in results if isinstance(result, BaseException)]


def assert_completed_once(enrolment: Enrolment, announced: list[int]) -> Certificate:
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert enrolment.required_done == enrolment.required_total
    assert enrolment.percent == 100
    completions = ModuleCompletion.objects.filter(enrolment=enrolment)
    assert completions.count() == len(modules_of(enrolment.course))
    assert completions.values("module").distinct().count() == completions.count()
    assert (
        ModelLogEntry.objects.filter(
            object_id=str(enrolment.pk), action="courses.enrolment.complete"
        ).count()
        == 1
    )
    assert announced.count(enrolment.pk) == 1
    [certificate] = Certificate.objects.filter(enrolment=enrolment)
    with certificate_services.private_storage().open(certificate.pdf_name, "rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == certificate.pdf_sha256
    issued = [m for m in mail.outbox if certificate.grouped_code in m.body]
    assert len(issued) == 1, [m.subject for m in mail.outbox]
    return certificate


def test_the_same_module_completed_from_many_requests_at_once_counts_once(
    world: World, announced: list[int]
) -> None:
    """Sixteen requests mark the last module done at once; then, on a course whose last
    module completes by viewing it, opening it in some tabs races pressing "done" in
    others."""
    learner = world.learner
    enrolment = enrol(learner, world.course)
    *first, last = modules_of(world.course)
    for module in first:
        course_services.module_mark_done(person=learner, module=module)
    mail.outbox.clear()

    results = in_threads(
        [lambda: course_services.module_mark_done(person=learner, module=last)] * 16
    )

    assert failures(results) == []
    assert len({completion.pk for completion in results}) == 1
    assert_completed_once(enrolment, announced)

    course = course_page("Viewed modules", modules=1)
    viewed: ModulePage = module_page(course, "Read this", completion=ModulePage.Completion.VIEWED)
    other = world.learners[1]
    enrolment = enrol(other, course)
    course_services.module_mark_done(person=other, module=modules_of(course)[0])
    announced.clear()
    mail.outbox.clear()

    def open_it() -> None:
        course_services.module_open(person=other, module=viewed)

    def mark_it() -> ModuleCompletion:
        return course_services.module_mark_done(person=other, module=viewed)

    results = in_threads([open_it, mark_it] * 8)

    assert failures(results) == []
    assert ModuleCompletion.objects.filter(enrolment=enrolment, module=viewed).count() == 1
    assert_completed_once(enrolment, announced)


def test_every_module_and_the_enrolment_itself_from_many_requests_at_once(
    world: World, announced: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each learner, from several tabs at once, enrols (or finds the enrolment) and marks
    every module done: one enrolment each, one completion per module, each enrolment
    completed and announced once, one certificate each.

    Recomputing the progress is slowed down, so that without the enrolment row lock the
    requests would surely overlap there (each counting the others' modules as not done
    yet, or all of them completing the course)."""
    course: CoursePage = world.course
    modules = modules_of(course)
    final_check = course_services.final_check_module

    def slowly(course: CoursePage) -> ModulePage | None:
        time.sleep(0.05)  # between counting the modules done and saving the progress
        return final_check(course)

    # Patched where the completion reads it.
    monkeypatch.setattr(course_progress, "final_check_module", slowly)

    def enrol_and_mark(person: User, module: ModulePage) -> Callable[[], ModuleCompletion]:
        def run() -> ModuleCompletion:
            enrol(person, course)
            return course_services.module_mark_done(person=person, module=module)

        return run

    results = in_threads(
        [
            enrol_and_mark(person, module)
            for person in world.learners
            for module in modules
            for _tab in range(3)
        ]
    )

    assert failures(results) == []
    assert sorted(announced) == sorted(
        Enrolment.objects.filter(person__in=world.learners).values_list("pk", flat=True)
    )
    for person in world.learners:
        [enrolment] = Enrolment.objects.filter(person=person)
        assert_completed_once(enrolment, [enrolment.pk])
    assert Certificate.objects.count() == len(world.learners)
