"""Concurrent completions on PostgreSQL: the enrolment row lock keeps one of everything."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection

from courses import services, signals
from courses.models import Enrolment, ModuleCompletion, ModulePage
from people.roles import Role
from tests.factories import SchoolFactory, UserFactory, grant
from tests.factories.courses import course_page

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_simultaneous_completions_of_the_last_module_complete_the_course_once() -> None:
    course = course_page(modules=2)
    tutor = UserFactory()
    grant(tutor, Role.TUTOR, school=SchoolFactory())
    services.enrolment_create(actor=tutor, person=tutor, course=course)
    first, last = ModulePage.objects.child_of(course).order_by("path")
    services.module_mark_done(person=tutor, module=first)

    announced: list[int] = []
    lock = threading.Lock()

    def listener(sender: Any, enrolment_id: int, **kwargs: Any) -> None:
        with lock:
            announced.append(enrolment_id)

    signals.course_completed.connect(listener)
    workers = 8
    barrier = threading.Barrier(workers)
    errors: list[BaseException] = []

    def complete() -> None:
        try:
            barrier.wait()
            services.module_mark_done(person=tutor, module=last)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(workers)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        signals.course_completed.disconnect(listener)

    assert errors == []
    assert ModuleCompletion.objects.filter(module=last).count() == 1
    enrolment = Enrolment.objects.get()
    assert enrolment.is_completed
    assert enrolment.required_done == 2
    assert announced == [enrolment.pk]
