"""Redis stopped while people work, then started again empty (no persistence): requests
still succeed, what could not be queued is logged, and the beat's reconciliation tasks
do the work afterwards, exactly once. Uses a Redis server of the test's own, never the
shared one."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from courses import services as course_services
from courses.models import Enrolment
from lms.celery import app
from people import services as people_services
from people.models import RoleMembership, User
from people.roles import Role
from programmes import services as programme_services
from programmes.models import StaffImport
from tests.factories import UserFactory
from tests.factories.courses import course_page
from tests.workers import WorkerProcess

from .conftest import (
    RedisServer,
    World,
    enrol,
    modules_of,
    queue_length,
    use_broker,
    wait_for,
)
from .test_worker_killed import mail_to, staff_csv

pytestmark = [pytest.mark.postgres, pytest.mark.worker]


@pytest.fixture
def own_broker(
    own_redis: RedisServer,
    worker: Callable[[], WorkerProcess],
    worker_env: dict[str, str],
    settings: Any,
) -> Iterator[RedisServer]:
    """This process and the workers it starts use the test's own Redis, as broker and as
    cache, as a deployment with one Redis does."""
    previous = app.conf.broker_url
    worker_env["REDIS_URL"] = own_redis.url
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": own_redis.url}}
    use_broker(own_redis.url)
    yield own_redis
    use_broker(previous)


def test_with_redis_down_completions_imports_and_roles_are_done_once_it_is_back(
    world: World,
    own_broker: RedisServer,
    worker: Callable[[], WorkerProcess],
    worker_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    worker().start()
    learner = world.learner
    enrolment = enrol(learner, world.course)
    *first, last = modules_of(world.course)
    for module in first:
        course_services.module_mark_done(person=learner, module=module)
    monkeypatch.setattr(programme_services, "INLINE_IMPORT_ROWS", 0)  # every import queued
    emails = [f"outage{n}@example.kz" for n in range(3)]
    staff_import = programme_services.staff_import_create(
        actor=world.coordinator, data=staff_csv(*emails), filename="staff.csv"
    )
    required = course_page("Required of teachers", modules=1, audiences=[("teacher", None, True)])
    newcomer = UserFactory(full_name="Newcomer")

    own_broker.stop()
    caplog.set_level(logging.ERROR, logger="core.tasks")
    learner_client = Client()
    learner_client.force_login(learner)
    started = time.monotonic()
    response = learner_client.post(reverse("module_done", kwargs={"page_id": last.pk}))
    assert response.status_code == 302  # the learner's request succeeds all the same
    assert learner_client.get(response["Location"]).status_code == 200
    assert time.monotonic() - started < 15  # and is not held long by the broker
    assert Enrolment.objects.get(pk=enrolment.pk).is_completed
    coordinator_client = Client()
    coordinator_client.force_login(world.coordinator)
    response = coordinator_client.post(
        reverse("staff_import_start", kwargs={"public_id": staff_import.public_id}), follow=True
    )
    assert response.status_code == 200
    staff_import.refresh_from_db()
    assert staff_import.status == StaffImport.Status.QUEUED
    # A role granted meanwhile (by the manager: the newcomer is nobody's staff yet, so a
    # coordinator would only offer it): the course it requires is not enrolled yet.
    people_services.membership_grant(
        actor=world.manager,
        person=newcomer,
        spec=people_services.MembershipSpec(Role.TEACHER, school=world.school),
    )
    assert not Enrolment.objects.filter(person=newcomer).exists()
    logged = caplog.text
    assert "Could not queue task certificates.certificate_issue" in logged
    assert "Could not queue task programmes.staff_import_commit" in logged
    assert "Could not queue task courses.enrolment_rules_apply" in logged

    own_broker.start()  # empty: what was sent while it was down never reached it
    assert wait_for(lambda: bool(app.control.ping(timeout=0.5)), 60)  # the worker is back
    assert not Certificate.objects.exists()
    # Beat's next runs (the import has waited long enough to be sent again).
    StaffImport.objects.filter(pk=staff_import.pk).update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    for _run in range(2):  # this run and the next: nothing is done twice
        app.send_task("certificates.reconcile")
        app.send_task("programmes.staff_imports_resume")
        app.send_task("courses.rules_reconcile")
    assert wait_for(lambda: Certificate.objects.filter(enrolment=enrolment).exists())
    assert wait_for(
        lambda: StaffImport.objects.get(pk=staff_import.pk).status == StaffImport.Status.DONE
    )
    mail_dir = Path(worker_env["EMAIL_DIR"])
    assert wait_for(
        lambda: (
            queue_length() == 0
            and all(mail_to(mail_dir, email) >= 1 for email in [learner.email, *emails])
        )
    )
    time.sleep(1.5)
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    assert Certificate.objects.count() == 1
    assert User.objects.filter(email__in=emails).count() == len(emails)
    assert RoleMembership.objects.filter(person__email__in=emails).count() == len(emails)
    assert [mail_to(mail_dir, email) for email in [learner.email, *emails]] == [1] * 4
    assert Enrolment.objects.filter(person=newcomer, course=required).count() == 1
