"""Each kind of work on its own queue, and beat sending once however often it is started."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from core.beat import Leadership, SingleBeatScheduler
from lms.celery import app

needs_redis = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")


def queue_of(task: str) -> str:
    return str(app.amqp.router.route({}, task)["queue"].name)


def test_every_task_is_routed_to_a_queue_a_worker_consumes() -> None:
    app.loader.import_default_modules()
    tasks = {name for name in app.tasks if not name.startswith("celery.")}
    assert tasks - set(settings.CELERY_TASK_ROUTES) == set(), "route the new task"
    queues = {queue.name for queue in settings.CELERY_TASK_QUEUES}
    assert {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()} <= queues


def test_mail_never_waits_behind_certificates_imports_reports_or_reminders() -> None:
    assert queue_of("core.email_send") == "mail"
    assert queue_of("certificates.job_chunk") == "certificates"
    assert queue_of("certificates.certificate_issue") == "certificates"
    assert queue_of("programmes.staff_import_commit") == "imports"
    assert queue_of("programmes.refresh_all") == "reports"
    assert queue_of("supervision.remind_upcoming_visits") == "reminders"
    assert queue_of("courses.enrolment_rules_apply") == "default"


@pytest.fixture
def redis_client() -> Any:
    import redis

    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    client.delete("test:beat:leader")
    yield client
    client.delete("test:beat:leader")


@needs_redis
def test_one_beat_leads_and_another_takes_over_when_the_lease_runs_out(redis_client: Any) -> None:
    first = Leadership(redis_client, key="test:beat:leader", lease=1)
    second = Leadership(redis_client, key="test:beat:leader", lease=1)
    assert first.hold()
    assert not second.hold()
    assert first.hold()  # renewed
    time.sleep(1.3)  # the first machine died: nobody renews
    assert second.hold()
    assert not first.hold()
    second.release()
    assert first.hold()


@needs_redis
def test_two_beats_started_together_send_each_scheduled_task_once(
    redis_client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "REDIS_URL", os.environ["REDIS_URL"])
    sent: list[str] = []
    beats = []
    for index in range(2):
        beat = SingleBeatScheduler(
            app=app, schedule_filename=str(tmp_path / f"beat-{index}"), lazy=False
        )
        beat.leadership = Leadership(redis_client, key="test:beat:leader")
        beat.merge_inplace({"tick": {"task": "x.tick", "schedule": 0.01}})  # type: ignore[dict-item]
        beat.apply_entry = lambda entry, producer=None, who=index: sent.append(f"beat-{who}")
        beats.append(beat)
    try:
        for _round in range(3):
            for beat in beats:
                beat.tick()
            time.sleep(0.05)
        assert sent
        assert set(sent) == {"beat-0"}
        beats[0].close()  # the leader stops cleanly: the other takes over at once
        sent.clear()
        beats[1].tick()
        time.sleep(0.05)
        beats[1].tick()
        assert set(sent) == {"beat-1"}
    finally:
        beats[1].close()
