"""Every task of the apps runs under the one retry policy of ``core.tasks``."""

from __future__ import annotations

import pytest
from django.db import OperationalError

from core.tasks import RETRY_POLICY, TRANSIENT_ERRORS, reliable_task
from lms.celery import app

# Tasks that change one option of the policy, and the option they change.
OVERRIDES = {
    "core.email_send": {"max_retries"},
    "programmes.staff_import_commit": {"autoretry_for"},
    # Also retried when the platform's gradebook is unreachable or answers a server error.
    "lti.score_send": {"autoretry_for"},
}


def _app_tasks() -> dict[str, object]:
    app.loader.import_default_modules()
    return {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}


def test_every_task_has_the_policy() -> None:
    tasks = _app_tasks()
    assert {"certificates.job_chunk", "supervision.remind_upcoming_visits"} <= set(tasks)
    for name, task in tasks.items():
        for option, value in RETRY_POLICY.items():
            if option in OVERRIDES.get(name, set()):
                continue
            assert getattr(task, option) == value, f"{name}: {option}"


def test_worker_loss_reruns_every_task_and_transient_errors_retry() -> None:
    for name, task in _app_tasks().items():
        assert task.acks_late, name
        assert task.reject_on_worker_lost, name
    assert OperationalError in TRANSIENT_ERRORS
    assert _app_tasks()["programmes.staff_import_commit"].autoretry_for == ()


def test_the_policy_takes_only_its_own_options() -> None:
    with pytest.raises(TypeError, match="bind"):
        reliable_task("tests.unknown", bind=True)
