"""What the failure and concurrency tests share: a small programme with a course that
awards a certificate, certificates and uploaded files in temporary folders, a real Celery
worker that a test may start, kill and start again, a Redis server of the test's own that
it may stop and start again, and helpers to wait and to run work in many threads at once.

Everything here runs against the configured test database (PostgreSQL for these tests)
and the configured Redis; only the Redis restart test uses a Redis server of its own, on a
free port.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import storages
from django.db import connection

from courses import services as course_services
from courses.models import CoursePage, Enrolment, ModulePage
from lms.celery import app
from people.models import Region, School, User
from people.roles import Role
from programmes.models import StaffImport
from tests.factories import RegionFactory, SchoolFactory, TrainingAreaFactory, UserFactory, grant
from tests.factories.courses import course_page
from tests.workers import WorkerProcess, workers
from tests.workers import worker_env as shared_worker_env

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class World:
    region: Region
    school: School
    learners: list[User]
    coordinator: User
    manager: User
    course: CoursePage

    @property
    def learner(self) -> User:
        return self.learners[0]


@pytest.fixture(autouse=True)
def _no_mfa_requirement(settings: Any) -> None:
    """These tests are about failures; MFA enforcement has its own tests."""
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False


@pytest.fixture(autouse=True)
def private_dir(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Certificates and uploaded staff lists go to a temporary private folder."""
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
    # The file field resolved its storage when the model was defined.
    monkeypatch.setattr(StaffImport._meta.get_field("file"), "storage", storages["private"])
    return folder


def learners_of(school: School, count: int) -> list[User]:
    area = TrainingAreaFactory()
    people = []
    for number in range(count):
        person = UserFactory(full_name=f"Learner {number}", preferred_language="ru")
        grant(person, Role.TUTOR, school=school, training_area=area)
        people.append(person)
    return people


@pytest.fixture
def world(db: None) -> World:
    region = RegionFactory(code="hard-region", name_en="Region H")
    school = SchoolFactory(region=region, code="hard-school", name_en="School H")
    coordinator = UserFactory(full_name="Coordinator H")
    grant(coordinator, Role.REGIONAL_COORDINATOR, region=region)
    manager = UserFactory(full_name="Manager H")
    grant(manager, Role.PROGRAMME_MANAGER)
    return World(
        region=region,
        school=school,
        learners=learners_of(school, 3),
        coordinator=coordinator,
        manager=manager,
        course=course_page("Working with families", modules=3),
    )


def modules_of(course: CoursePage) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course).live().order_by("path"))


def enrol(person: User, course: CoursePage) -> Enrolment:
    return course_services.enrolment_create(actor=person, person=person, course=course)


def complete(person: User, course: CoursePage) -> Enrolment:
    enrolment = enrol(person, course)
    for module in modules_of(course):
        course_services.module_mark_done(person=person, module=module)
    enrolment.refresh_from_db()
    assert enrolment.is_completed
    return enrolment


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def in_threads(works: list[Callable[[], Any]]) -> list[Any]:
    """Run every callable in its own thread, all released at once; each thread's result or
    exception, in the order given. Each thread has its own database connection."""
    barrier = threading.Barrier(len(works))
    results: list[Any] = [None] * len(works)

    def run(index: int, work: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            results[index] = work()
        except BaseException as error:  # collected and checked by the test
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(works)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def queue_length(queue: str = "celery") -> int:
    with app.connection_for_write() as conn:
        return int(conn.default_channel.client.llen(queue))


@pytest.fixture
def worker_env(transactional_db: None, private_dir: Path, tmp_path: Path) -> dict[str, str]:
    """The environment of a worker whose files land where this test's do; e-mail it sends
    is written to ``EMAIL_DIR``, and ``TEST_WORKER_GATE`` is the folder of its holds."""
    gate = tmp_path / "gate"
    gate.mkdir()
    return shared_worker_env(
        tmp_path, private_dir, LMS_MFA_REQUIRED="false", TEST_WORKER_GATE=str(gate)
    )


@pytest.fixture
def worker(worker_env: dict[str, str]) -> Iterator[Callable[[], WorkerProcess]]:
    """Yields a maker of (not yet started) workers; every one is stopped at the end."""
    with workers(worker_env) as processes:

        def make() -> WorkerProcess:
            processes.append(WorkerProcess(worker_env))
            return processes[-1]

        yield make


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RedisServer:
    """A Redis server of the test's own, without persistence, that it may stop and start
    again on the same port (a restart loses everything queued, as a Redis without
    persistence does)."""

    def __init__(self, port: int, folder: Path) -> None:
        self.port = port
        self.folder = folder
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is not installed"
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        pytest.fail("the test's own Redis server did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server")
    folder = tmp_path / "redis"
    folder.mkdir()
    server = RedisServer(free_port(), folder)
    server.start()
    yield server
    server.stop()


def use_broker(url: str) -> None:
    """Send this process's tasks to the broker at ``url`` from now on."""
    app.conf.broker_url = app.conf.broker_write_url = app.conf.broker_read_url = url
    app._pool = None
    app.amqp._producer_pool = None
