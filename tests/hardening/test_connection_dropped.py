"""The database connection of a request dropped half-way (its backend terminated from
another connection, as a database restart or failover does): the request fails cleanly
with the error page and nothing half-written, the next request reconnects and succeeds,
and a device sending the same submission again (same client id) records it once.

Requests go to a real server thread (``live_server``), which opens and closes its database
connections the way a deployed server does."""

from __future__ import annotations

import http.client
import json
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode, urlsplit

import psycopg
import pytest
from django.conf import settings
from django.core import mail
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from certificates.models import Certificate
from courses import services as course_services
from courses.models import Enrolment, ModuleCompletion
from courses.services import progress as course_progress
from people.models import User
from people.roles import Role
from supervision.models import Observation, ObservationScore, Visit
from supervision.services import observations as observation_services
from supervision.services import transitions as transition_services
from tests.factories import UserFactory, grant
from tests.factories.supervision import RubricFactory, make_visit, make_year, published

from .conftest import World, enrol, modules_of

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

CSRF = "hardeningcsrfsecret0123456789abc"  # 32 letters and digits: a valid cookie secret
SYNC = {"X-Offline-Sync": "1"}


def terminate_own_backend() -> None:
    """End this thread's database session from another connection, and wait until it is
    gone, as a restarted database server or a failover does."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    database = settings.DATABASES["default"]
    with psycopg.connect(
        dbname=database["NAME"],
        user=database["USER"],
        password=database.get("PASSWORD") or None,
        host=database["HOST"] or "localhost",
        port=database["PORT"] or 5432,
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
        for _attempt in range(200):
            if other.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone():
                other.execute("SELECT pg_sleep(0.02)")


def drop_connection_on(
    monkeypatch: pytest.MonkeyPatch, module: Any, action: str
) -> Callable[[], int]:
    """The first time ``module`` writes the audit entry ``action`` (after the change it
    records, in the same transaction), the connection is dropped first. Returns a counter
    of the drops."""
    original = module.log
    drops = [0]

    def log(instance: Any, logged: str, *args: Any, **kwargs: Any) -> Any:
        if logged == action and drops[0] == 0:
            drops[0] += 1
            terminate_own_backend()
        return original(instance, logged, *args, **kwargs)

    monkeypatch.setattr(module, "log", log)
    return lambda: drops[0]


class Browser:
    """A signed-in person's browser (or device) talking to the server thread."""

    def __init__(self, base_url: str, person: User) -> None:
        address = urlsplit(base_url)
        self.host, self.port = address.hostname or "localhost", address.port or 80
        client = Client()
        client.force_login(person)
        self.session = client.cookies[settings.SESSION_COOKIE_NAME].value

    def post(
        self, path: str, data: dict[str, str], headers: dict[str, str] | None = None
    ) -> tuple[int, str]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            conn.request(
                "POST",
                path,
                urlencode(data),
                {
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"{settings.SESSION_COOKIE_NAME}={self.session}; "
                    f"{settings.CSRF_COOKIE_NAME}={CSRF}",
                    "X-CSRFToken": CSRF,
                    "Accept-Language": "en",
                    **(headers or {}),
                },
            )
            response = conn.getresponse()
            return response.status, response.read().decode()
        finally:
            conn.close()


def test_a_completion_whose_connection_drops_is_not_half_written_and_can_be_repeated(
    world: World, live_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    learner = world.learner
    enrolment = enrol(learner, world.course)
    *first, last = modules_of(world.course)
    for module in first:
        course_services.module_mark_done(person=learner, module=module)
    drops = drop_connection_on(monkeypatch, course_progress, "courses.enrolment.complete")
    browser = Browser(live_server.url, learner)
    url = reverse("module_done", kwargs={"page_id": last.pk})

    status, page = browser.post(url, {})
    assert drops() == 1
    assert status == 500
    assert "Something went wrong" in page
    # The module's completion and the enrolment's completion were in one transaction.
    assert not ModuleCompletion.objects.filter(enrolment=enrolment, module=last).exists()
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert not Certificate.objects.exists()
    assert not ModelLogEntry.objects.filter(action="courses.enrolment.complete").exists()

    for _attempt in range(2):  # the learner presses the button again, then once more
        status, _page = browser.post(url, {})
        assert status == 302
    enrolment.refresh_from_db()
    assert enrolment.is_completed
    assert ModuleCompletion.objects.filter(enrolment=enrolment).count() == len(first) + 1
    assert ModelLogEntry.objects.filter(action="courses.enrolment.complete").count() == 1
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_a_kept_connection_lost_between_requests_is_replaced_when_the_next_one_starts() -> None:
    """Servers keep connections between requests (``CONN_MAX_AGE``); after a database
    restart, the check at the start of the next request replaces the dead one instead of
    failing that request."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        before = cursor.fetchone()[0]
    terminate_own_backend()
    close_old_connections()  # what Django runs when each request starts
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != before


def test_a_visit_whose_connection_drops_is_recorded_once_when_the_device_sends_it_again(
    world: World, live_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    supervisor = UserFactory(full_name="Supervisor H")
    grant(supervisor, Role.SUPERVISOR, school=world.school)
    leader = UserFactory(full_name="Leader H", email="leader.h@example.kz")
    grant(leader, Role.SCHOOL_LEADER, school=world.school)
    teacher = UserFactory(full_name="Teacher H")
    grant(teacher, Role.TEACHER, school=world.school)
    rubric = RubricFactory()
    version = published(rubric)
    year = make_year(world.school, [supervisor], starts_on=date(2026, 9, 1))
    visit = make_visit(year, date(2026, 10, 5), state=Visit.State.IN_PROGRESS)
    device = Browser(live_server.url, supervisor)

    # An observation queued on the device while offline, sent when the network is back.
    drops = drop_connection_on(monkeypatch, observation_services, "supervision.observation.create")
    observation_id = uuid.uuid4()
    data = {
        "client_id": str(observation_id),
        "rubric_version": str(version.pk),
        "observed": f"{teacher.public_id}:{Role.TEACHER}",
        "evidence": "The pupil followed the visual timetable.",
        **{f"score_{key}": "3" for key in version.indicator_keys()},
    }
    url = reverse("supervision:observation_create", kwargs={"public_id": visit.public_id})
    url += f"?rubric={rubric.pk}"
    status, page = device.post(url, data, SYNC)
    assert (drops(), status) == (1, 500), page[:500]
    assert not Observation.objects.filter(client_id=observation_id).exists()
    assert not ObservationScore.objects.exists()
    for _attempt in range(2):  # the device sends it again, and once more
        status, page = device.post(url, data, SYNC)
        assert status == 200, page[:300]
        assert json.loads(page)["saved"] is True
    [observation] = Observation.objects.filter(visit=visit)
    assert observation.client_id == observation_id
    assert observation.scores.count() == len(version.indicator_keys())
    assert ModelLogEntry.objects.filter(action__startswith="supervision.observation.").count() == 1

    # The submission of the visit, queued the same way.
    drops = drop_connection_on(monkeypatch, transition_services, "supervision.visit.submit")
    mail.outbox.clear()
    submit = {"client_id": str(uuid.uuid4())}
    url = reverse(
        "supervision:visit_transition", kwargs={"public_id": visit.public_id, "action": "submit"}
    )
    status, _page = device.post(url, submit, SYNC)
    assert (drops(), status) == (1, 500)
    visit.refresh_from_db()
    assert visit.state == Visit.State.IN_PROGRESS
    assert visit.submitted_at is None
    assert mail.outbox == []
    for _attempt in range(2):
        status, page = device.post(url, submit, SYNC)
        assert status == 200, page[:300]
        assert json.loads(page) == {"saved": True}
    visit.refresh_from_db()
    assert visit.state == Visit.State.SUBMITTED
    assert ModelLogEntry.objects.filter(action="supervision.visit.submit").count() == 1
    assert [m.to for m in mail.outbox] == [[leader.email]]
