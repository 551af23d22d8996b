"""What only a real database with row locks shows: simultaneous requests on one visit."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from people.roles import Role
from supervision import services
from supervision.models import Observation, Reminder, Visit
from tests.factories.supervision import make_visit, observe, scores_for

from .conftest import World

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
State = Visit.State


def at_once(*calls: Callable[[], Any]) -> list[str]:
    barrier = threading.Barrier(len(calls))
    outcomes: list[str] = []

    def run(call: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            call()
            outcomes.append("done")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_the_same_observation_sent_twice_at_once_is_recorded_once(world: World) -> None:
    visit = make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)
    client_id = uuid.uuid4()

    def save() -> None:
        services.observation_save(
            actor=world.supervisor_a1,
            visit=visit,
            client_id=client_id,
            observed_person=world.teacher_a1,
            observed_role=Role.TEACHER,
            rubric=world.rubric,
            scores=scores_for(world.version),
        )

    assert at_once(save, save) == ["done", "done"]
    assert Observation.objects.filter(client_id=client_id).count() == 1


def test_two_leaders_signing_off_at_once_sign_it_once(world: World) -> None:
    from tests.factories import UserFactory, grant

    deputy = UserFactory(full_name="Deputy A1")
    grant(deputy, Role.SCHOOL_LEADER, school=world.school_a1)
    visit = make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)
    observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
    services.visit_transition(actor=world.supervisor_a1, visit=visit, to_state=State.SUBMITTED)

    def sign(person: Any) -> Callable[[], None]:
        return lambda: services.visit_transition(
            actor=person, visit=visit, to_state=State.ACKNOWLEDGED
        )

    assert at_once(sign(world.leader_a1), sign(deputy)) == ["done", "refused"]
    visit.refresh_from_db()
    assert visit.state == State.ACKNOWLEDGED


def test_a_reminder_raced_by_two_workers_goes_once(world: World) -> None:
    visit = make_visit(world.year_a1, date(2026, 10, 5))
    results: list[bool] = []

    def send() -> None:
        results.append(
            services.reminder_send(kind="visit_upcoming", recipient=world.leader_a1, visit=visit)
        )

    at_once(send, send, send)
    assert sorted(results) == [False, False, True]
    assert Reminder.objects.count() == 1
