"""Sending the outbox: batches with the xAPI version header and basic authentication,
marked sent only when the LRS accepted them, retried with an exponential backoff, never
sent twice (a 409 for a stored id counts as sent; locked rows are skipped)."""

from __future__ import annotations

import base64
import threading
import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection, transaction
from django.utils import timezone

from people.models import User
from tests.certificates.conftest import World
from tests.factories import UserFactory
from xapi import privacy, services
from xapi.models import Statement

from .lrs_server import Recorder, lrs_server
from .validator import statement_problems


def pending(person: User, count: int, *, queue: bool = True) -> list[Statement]:
    """``count`` statements in the outbox, through the service (which queues sending after
    commit) or, with ``queue=False``, as rows alone."""
    rows = []
    for n in range(count):
        payload = {
            "id": str(uuid.uuid4()),
            "actor": {
                "objectType": "Agent",
                "account": {"homePage": "http://testserver", "name": str(person.public_id)},
            },
            "verb": {"id": "http://adlnet.gov/expapi/verbs/registered"},
            "object": {"objectType": "Activity", "id": f"http://testserver/kk/course-{n}/"},
            "timestamp": timezone.now().isoformat(),
            "version": "1.0.3",
        }
        assert statement_problems(payload) == []
        if queue:
            rows.append(
                services.statement_record(kind="registered", person=person, payload=payload)
            )
        else:
            rows.append(
                Statement.objects.create(
                    id=payload["id"], kind="registered", person=person, payload=payload
                )
            )
    return rows


@pytest.fixture
def lrs(settings: Any) -> Any:
    with lrs_server() as recorder:
        settings.LRS_URL = recorder.url
        yield recorder


@pytest.fixture
def person(db: None) -> User:
    return UserFactory()


def test_pending_statements_go_in_batches_and_are_marked_sent(lrs: Recorder, person: User) -> None:
    rows = pending(person, 5)
    assert services.statements_send(batch=2) == 5
    assert [len(r["statements"]) for r in lrs.requests] == [2, 2, 1]
    first = lrs.requests[0]
    assert first["path"] == "/xAPI/statements"
    assert first["headers"]["X-Experience-API-Version"] == "1.0.3"
    credentials = base64.b64encode(b"qamqor:secret").decode()
    assert first["headers"]["Authorization"] == f"Basic {credentials}"
    assert set(lrs.stored) == {str(r.id) for r in rows}
    assert lrs.stored[str(rows[0].id)] == rows[0].payload
    assert Statement.objects.filter(sent_at__isnull=True).count() == 0

    assert services.statements_send() == 0  # repeat-safe: nothing is sent again
    assert len(lrs.requests) == 3


def test_a_failure_is_retried_later_with_a_growing_wait(lrs: Recorder, person: User) -> None:
    [row] = pending(person, 1)
    lrs.answer = lambda statements: 503
    before = timezone.now()
    assert services.statements_send() == 0
    row.refresh_from_db()
    assert (row.sent_at, row.attempts) == (None, 1)
    assert "HTTP 503" in row.last_error
    assert row.next_attempt_at is not None
    assert timedelta(seconds=59) < row.next_attempt_at - before <= timedelta(seconds=61)

    assert services.statements_send() == 0  # not due yet: the LRS is not asked
    assert len(lrs.requests) == 1

    Statement.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    before = timezone.now()
    services.statements_send()
    row.refresh_from_db()
    assert row.attempts == 2
    assert timedelta(seconds=119) < row.next_attempt_at - before <= timedelta(seconds=121)

    lrs.answer = lambda statements: None
    Statement.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert services.statements_send() == 1
    row.refresh_from_db()
    assert row.sent_at is not None
    assert (row.last_error, row.next_attempt_at) == ("", None)


def test_the_backoff_doubles_up_to_six_hours() -> None:
    assert [services.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert services.backoff(30) == timedelta(hours=6)


def test_an_unreachable_lrs_stops_the_run_and_keeps_every_row(settings: Any, person: User) -> None:
    settings.LRS_URL = "http://127.0.0.1:9/xAPI"
    pending(person, 3)
    assert services.statements_send(batch=1) == 0
    attempts = sorted(Statement.objects.values_list("attempts", flat=True))
    assert attempts == [0, 0, 1]  # the first batch failed; the run stopped there
    row = Statement.objects.get(attempts=1)
    assert "ConnectionError" in row.last_error


def test_an_id_the_lrs_already_has_counts_as_sent(lrs: Recorder, person: User) -> None:
    rows = pending(person, 3)
    lrs.stored[str(rows[1].id)] = rows[1].payload  # sent before; the answer was lost
    assert services.statements_send() == 3
    assert Statement.objects.filter(sent_at__isnull=True).count() == 0
    sizes = [len(r["statements"]) for r in lrs.requests]
    assert sizes == [3, 1, 1, 1]  # refused as a batch (409), then one by one
    assert set(lrs.stored) == {str(r.id) for r in rows}


def test_a_rejected_statement_is_not_marked_sent(lrs: Recorder, person: User) -> None:
    pending(person, 1)
    lrs.answer = lambda statements: 400
    assert services.statements_send() == 0
    assert Statement.objects.get().attempts == 1


def test_nothing_is_sent_without_an_lrs(settings: Any, lrs: Recorder, person: User) -> None:
    pending(person, 1)
    settings.LRS_URL = ""
    assert services.statements_send() == 0
    assert lrs.requests == []


def test_the_task_sends_after_commit(
    lrs: Recorder, person: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        pending(person, 2)
        assert lrs.requests == []
    assert Statement.objects.filter(sent_at__isnull=True).count() == 0
    assert sum(len(r["statements"]) for r in lrs.requests) == 2


def test_unsent_statements_are_in_the_download_and_erasure_removes_all(
    lrs: Recorder, person: User
) -> None:
    sent = pending(person, 1)
    services.statements_send()
    unsent = pending(person, 1)
    other = UserFactory()
    pending(other, 1)
    exported = privacy.export(person)["learning_records_not_yet_sent"]
    assert exported == [unsent[0].payload]
    assert sent[0].payload not in exported
    privacy.erase(person, other)
    assert not Statement.objects.filter(person=person).exists()
    assert Statement.objects.filter(person=other).count() == 1


def test_an_erased_person_is_removed_through_the_shell(world: World, lrs: Recorder) -> None:
    from lms.privacy import person_erase
    from people.roles import Role
    from tests.factories import grant

    admin = UserFactory()
    grant(admin, Role.ADMINISTRATOR)
    pending(world.tutor, 2)
    person_erase(actor=admin, person=world.tutor, reason="Asked to be forgotten")
    assert Statement.objects.count() == 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_never_send_the_same_row(lrs: Recorder) -> None:
    person = UserFactory()
    rows = pending(person, 4, queue=False)  # each would commit, and be sent, at once
    assert Statement.objects.filter(sent_at__isnull=True).count() == 4
    locked = threading.Event()
    release = threading.Event()

    def other_worker() -> None:
        try:
            with transaction.atomic():
                list(Statement.objects.select_for_update().filter(pk__in=[rows[0].pk, rows[1].pk]))
                locked.set()
                release.wait(10)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    assert locked.wait(10)
    try:
        assert services.statements_send() == 2  # the locked two are skipped, not waited for
    finally:
        release.set()
        thread.join()
    assert set(lrs.stored) == {str(rows[2].id), str(rows[3].id)}
    assert services.statements_send() == 2
    assert len(lrs.stored) == 4
    assert sum(len(r["statements"]) for r in lrs.requests) == 4
