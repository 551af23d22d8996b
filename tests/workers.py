"""The one harness of the tests that run a real Celery worker over Redis against the test
database: the worker's environment, and a worker process (``tests/worker_main.py``) that a
test may start, kill mid-work (SIGKILL to its process group) and stop."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings

from lms.celery import app

ROOT = Path(__file__).resolve().parents[1]
START_SECONDS = 120


def database_url() -> str:
    """The test database, as the worker process reads it."""
    database = settings.DATABASES["default"]
    return (
        f"postgres://{database['USER']}:{database.get('PASSWORD') or ''}"
        f"@{database['HOST'] or 'localhost'}:{database['PORT'] or 5432}/{database['NAME']}"
    )


def worker_env(tmp_path: Path, private_dir: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of a worker of this test: its e-mail is written to ``EMAIL_DIR``;
    with ``private_dir``, its files land where this test's do."""
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "EMAIL_URL": f"filemail:///{mail_dir}",
        "EMAIL_DIR": str(mail_dir),
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    if private_dir is not None:
        env |= {
            "PRIVATE_MEDIA_ROOT": str(private_dir),
            "MEDIA_ROOT": str(tmp_path / "media"),
            "SITE_URL": "http://testserver",
        }
    return env | extra


class WorkerProcess:
    """One worker process, in its own process group."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, **extra: str) -> WorkerProcess:
        """Start the worker (``extra``: knobs of ``worker_main``) and wait until it answers."""
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "worker_main.py")],
            cwd=ROOT,
            env={**self.env, **extra},
            start_new_session=True,
        )
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if app.control.ping(timeout=0.5):
                return self
            if self.process.poll() is not None:
                break
        self.kill()
        pytest.fail("the Celery worker did not start")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=20)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@contextmanager
def workers(env: dict[str, str]) -> Iterator[list[WorkerProcess]]:
    """A place for a test's workers: the queue is emptied before and after, and every
    worker put in the list is stopped at the end."""
    app.control.purge()
    processes: list[WorkerProcess] = []
    try:
        yield processes
    finally:
        for process in processes:
            process.stop()
        app.control.purge()
