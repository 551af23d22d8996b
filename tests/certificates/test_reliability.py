"""Reliability on PostgreSQL with a real worker over Redis: concurrent completions, a worker
killed while rendering, and Redis down when a course is completed."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from certificates import services
from certificates.models import Certificate
from courses import services as course_services
from courses.models import Enrolment
from lms.celery import app
from tests.factories.certificates import modules_of

from .conftest import World

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def wait_for(condition: Callable[[], bool], seconds: float = 120) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def queue_empty() -> bool:
    with app.connection_for_write() as conn:
        return int(conn.default_channel.client.llen("celery")) == 0


def assert_one_certificate_with_its_pdf(enrolment: Enrolment) -> Certificate:
    certificates = list(Certificate.objects.filter(enrolment=enrolment))
    assert len(certificates) == 1, certificates
    certificate = certificates[0]
    with services.private_storage().open(certificate.pdf_name, "rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == certificate.pdf_sha256
    return certificate


def half_done(world: World) -> tuple[Enrolment, Any]:
    """The tutor has done every module but the last."""
    enrolment = course_services.enrolment_create(
        actor=world.tutor, person=world.tutor, course=world.course
    )
    *first, last = modules_of(world.course)
    for module in first:
        course_services.module_mark_done(person=world.tutor, module=module)
    return enrolment, last


def in_threads(count: int, work: Callable[[], Any]) -> list[Any]:
    barrier = threading.Barrier(count)
    results: list[Any] = []
    lock = threading.Lock()

    def run() -> None:
        try:
            barrier.wait()
            result = work()
        except BaseException as error:  # collected and checked by the test
            result = error
        finally:
            connection.close()
        with lock:
            results.append(result)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.worker
def test_fifty_concurrent_completions_of_the_last_module_make_one_certificate(
    world: World, worker: Any
) -> None:
    worker().start(TEST_WORKER_CONCURRENCY="2")
    enrolment, last = half_done(world)
    results = in_threads(
        50, lambda: course_services.module_mark_done(person=world.tutor, module=last)
    )
    assert [r for r in results if isinstance(r, BaseException)] == []
    enrolment.refresh_from_db()
    assert enrolment.is_completed
    assert wait_for(lambda: Certificate.objects.filter(enrolment=enrolment).exists())
    # The same task delivered many more times, to two worker processes at once.
    for _ in range(20):
        app.send_task("certificates.certificate_issue", args=[enrolment.pk])
    assert wait_for(queue_empty)
    time.sleep(2)  # let the last ones finish
    assert_one_certificate_with_its_pdf(enrolment)


def test_fifty_concurrent_issues_of_one_enrolment_make_one_certificate(world: World) -> None:
    enrolment, last = half_done(world)
    course_services.module_mark_done(person=world.tutor, module=last)
    Certificate.objects.all().delete()  # as if the completion's task had been lost
    results = in_threads(50, lambda: services.certificate_issue(enrolment=enrolment).pk)
    assert [r for r in results if isinstance(r, BaseException)] == []
    assert len(set(results)) == 1
    assert_one_certificate_with_its_pdf(enrolment)


@pytest.mark.worker
def test_a_worker_process_killed_while_rendering_is_replaced_and_issues_once(
    world: World, worker: Any, tmp_path: Path
) -> None:
    import os
    import signal

    gate = tmp_path / "gate"
    gate.mkdir()
    (gate / "hold").touch()
    worker().start(TEST_WORKER_GATE=str(gate), TEST_WORKER_RENDERS_FREE="0")
    enrolment, last = half_done(world)
    course_services.module_mark_done(person=world.tutor, module=last)
    assert wait_for(lambda: any(gate.glob("held-*")))
    [marker] = gate.glob("held-*")
    assert not Certificate.objects.exists()  # mid-render: nothing committed yet
    os.kill(int(marker.read_text()), signal.SIGKILL)  # the pool process doing the work
    marker.unlink()
    (gate / "hold").unlink()
    # Late acknowledgement and reject-on-worker-lost put the task back; a new pool
    # process runs it again from the start.
    assert wait_for(lambda: Certificate.objects.filter(enrolment=enrolment).exists())
    assert wait_for(queue_empty)
    time.sleep(2)
    assert_one_certificate_with_its_pdf(enrolment)


@pytest.mark.worker
def test_a_whole_worker_killed_while_rendering_issues_once_after_a_restart(
    world: World, worker: Any, tmp_path: Path
) -> None:
    gate = tmp_path / "gate"
    gate.mkdir()
    (gate / "hold").touch()
    first = worker().start(
        TEST_WORKER_GATE=str(gate), TEST_WORKER_RENDERS_FREE="0", TEST_WORKER_VISIBILITY_TIMEOUT="3"
    )
    enrolment, last = half_done(world)
    course_services.module_mark_done(person=world.tutor, module=last)
    assert wait_for(lambda: any(gate.glob("held-*")))
    first.kill()  # SIGKILL to the worker and its pool: no chance to put the task back
    for marker in gate.glob("held-*"):
        marker.unlink()
    (gate / "hold").unlink()
    assert not Certificate.objects.exists()
    # The message was taken but never acknowledged: Redis gives it to the next worker.
    worker().start(TEST_WORKER_VISIBILITY_TIMEOUT="3")
    assert wait_for(lambda: Certificate.objects.filter(enrolment=enrolment).exists(), 180)
    time.sleep(2)
    assert_one_certificate_with_its_pdf(enrolment)


@pytest.mark.worker
def test_with_redis_down_at_completion_reconciliation_issues_the_certificate(
    world: World, worker: Any
) -> None:
    worker().start()
    enrolment, last = half_done(world)

    def broker(url: str) -> None:
        app.conf.broker_url = app.conf.broker_write_url = url
        app._pool = None
        app.amqp._producer_pool = None

    working = app.conf.broker_url
    broker("redis://127.0.0.1:9/2")  # nothing listens there: Redis is "down"
    try:
        course_services.module_mark_done(person=world.tutor, module=last)
    finally:
        broker(working)
    enrolment.refresh_from_db()
    assert enrolment.is_completed  # the learner's completion is recorded all the same
    time.sleep(2)
    assert not Certificate.objects.exists()  # its certificate task never reached Redis

    app.send_task("certificates.reconcile")  # what beat sends every ten minutes
    assert wait_for(lambda: Certificate.objects.filter(enrolment=enrolment).exists())
    assert wait_for(queue_empty)
    time.sleep(1)
    assert_one_certificate_with_its_pdf(enrolment)
