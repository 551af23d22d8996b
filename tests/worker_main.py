"""The Celery worker of the tests that need a real one, started as its own process by
``tests.workers.WorkerProcess``.

It runs the product's tasks as production does, with test-only knobs read from the
environment so that a test can kill the worker in the middle of a piece of work:

- ``TEST_WORKER_GATE`` (a folder): certificate renders and staff-import rows may be held.
  A held step writes ``<folder>/held-<pid>`` and waits while ``<folder>/hold`` exists.
- ``TEST_WORKER_RENDERS_FREE`` (a number): that many certificate renders pass before the
  next one is held (``0``: every render is held; unset: none is).
- ``TEST_WORKER_IMPORT_ROWS_FREE`` (a number): that many staff-import rows are written
  before the next one is held (unset: no row is held).
- ``TEST_WORKER_VISIBILITY_TIMEOUT`` (seconds): how long Redis keeps a message taken by a
  worker that died before acknowledging it.
- ``TEST_WORKER_CONCURRENCY``: worker processes (default 1).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

import django  # noqa: E402

django.setup()

from lms.celery import app  # noqa: E402

gate = os.environ.get("TEST_WORKER_GATE", "")


def hold() -> None:
    folder = Path(gate)
    (folder / f"held-{os.getpid()}").write_text(str(os.getpid()))
    deadline = time.monotonic() + 120
    while (folder / "hold").exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def counted(name: str, step: Any) -> Any:
    free = int(os.environ[name])
    seen = [0]

    def gated(*args: Any, **kwargs: Any) -> Any:
        seen[0] += 1
        if seen[0] > free:
            hold()
        return step(*args, **kwargs)

    return gated


if gate and os.environ.get("TEST_WORKER_RENDERS_FREE"):
    from certificates import pdf

    pdf.render_document = counted("TEST_WORKER_RENDERS_FREE", pdf.render_document)

if gate and os.environ.get("TEST_WORKER_IMPORT_ROWS_FREE"):
    from programmes import services as programme_services

    programme_services._import_row = counted(
        "TEST_WORKER_IMPORT_ROWS_FREE", programme_services._import_row
    )

timeout = os.environ.get("TEST_WORKER_VISIBILITY_TIMEOUT")
if timeout:
    app.conf.broker_transport_options = {
        "visibility_timeout": int(timeout),
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
    }

app.worker_main(
    [
        "worker",
        "--loglevel=WARNING",
        f"--concurrency={os.environ.get('TEST_WORKER_CONCURRENCY', '1')}",
        "--pool=prefork",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
)
