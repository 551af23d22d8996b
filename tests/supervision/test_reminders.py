"""Reminders: visit coming up, visit not submitted after 48 hours, action point overdue.
Each is sent once; the database refuses a second one."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from supervision import services, tasks
from supervision.models import ActionPoint, Reminder, Visit
from tests.factories.supervision import make_visit

from .conftest import World

State = Visit.State


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> date:
    day = date(2026, 10, 12)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
    return day


def run(task: Any, capture: Any) -> int:
    with capture(execute=True):
        return task()


def test_beat_runs_each_reminder_task() -> None:
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "supervision.remind_upcoming_visits",
        "supervision.remind_unsubmitted_visits",
        "supervision.remind_overdue_action_points",
    } <= scheduled


def test_a_visit_coming_up_is_announced_once_to_supervisors_and_leaders(
    world: World, today: date, django_capture_on_commit_callbacks: Any
) -> None:
    soon = make_visit(world.year_a1, today + timedelta(days=2))
    make_visit(world.year_a1, today + timedelta(days=20))  # too far ahead
    assert run(tasks.remind_upcoming_visits, django_capture_on_commit_callbacks) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.supervisor_a1.email, world.leader_a1.email]
    )
    assert "School A1" in mail.outbox[0].subject
    assert f"/supervision/visits/{soon.public_id}/" in mail.outbox[0].body
    assert run(tasks.remind_upcoming_visits, django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 2


def test_a_visit_not_submitted_48_hours_after_its_day_is_reminded_once(
    world: World, today: date, django_capture_on_commit_callbacks: Any
) -> None:
    late = make_visit(world.year_a1, today - timedelta(days=2), state=State.IN_PROGRESS)
    make_visit(world.year_a1, today - timedelta(days=1), state=State.IN_PROGRESS)  # not yet
    make_visit(world.year_a2, today - timedelta(days=5), state=State.SUBMITTED)  # done
    assert run(tasks.remind_unsubmitted_visits, django_capture_on_commit_callbacks) == 1
    assert [m.to for m in mail.outbox] == [[world.supervisor_a1.email]]
    assert "48 hours" in mail.outbox[0].body
    assert Reminder.objects.get().visit == late
    assert run(tasks.remind_unsubmitted_visits, django_capture_on_commit_callbacks) == 0


def test_an_overdue_action_point_is_reminded_once_per_due_date(
    world: World, today: date, django_capture_on_commit_callbacks: Any
) -> None:
    visit = make_visit(world.year_a1, today - timedelta(days=30), state=State.SUBMITTED)
    point = ActionPoint.objects.create(
        client_id=uuid.uuid4(),
        visit=visit,
        school=world.school_a1,
        description="Quiet corner",
        owner=world.tutor_a1,
        due_on=today - timedelta(days=1),
    )
    draft_visit = make_visit(world.year_a2, today - timedelta(days=30), state=State.IN_PROGRESS)
    ActionPoint.objects.create(
        client_id=uuid.uuid4(),
        visit=draft_visit,
        school=world.school_a2,
        description="Not agreed yet",
        owner=world.teacher_a2,
        due_on=today - timedelta(days=1),
    )
    assert run(tasks.remind_overdue_action_points, django_capture_on_commit_callbacks) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.tutor_a1.email, world.leader_a1.email]
    )
    assert run(tasks.remind_overdue_action_points, django_capture_on_commit_callbacks) == 0
    # A new due date that passes too is worth one more reminder.
    ActionPoint.objects.filter(pk=point.pk).update(due_on=today - timedelta(days=2))
    assert run(tasks.remind_overdue_action_points, django_capture_on_commit_callbacks) == 2
    assert run(tasks.remind_overdue_action_points, django_capture_on_commit_callbacks) == 0


def test_the_database_refuses_a_second_reminder(world: World) -> None:
    visit = make_visit(world.year_a1)
    Reminder.objects.create(kind="visit_upcoming", recipient=world.leader_a1, visit=visit)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.create(kind="visit_upcoming", recipient=world.leader_a1, visit=visit)


def test_reminders_are_written_in_the_recipients_language(
    world: World, today: date, django_capture_on_commit_callbacks: Any
) -> None:
    world.leader_a1.preferred_language = "ru"
    world.leader_a1.save()
    visit = make_visit(world.year_a1, today + timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        services.reminder_send(kind="visit_upcoming", recipient=world.leader_a1, visit=visit)
    assert "/ru/supervision/visits/" in mail.outbox[0].body
    assert world.leader_a1.email in mail.outbox[0].to
    # The school's name and the month come in Russian, whatever the sender's language.
    assert "Школа" in mail.outbox[0].subject
    assert "октября" in mail.outbox[0].subject
