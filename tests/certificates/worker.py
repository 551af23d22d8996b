"""A Celery worker for the reliability tests, started as its own process.

Like the shared ``celery_worker_process`` fixture, with two test-only knobs read from the
environment: ``CERTS_TEST_RENDER_GATE`` (a folder) makes every certificate render wait,
once it has started, while ``<folder>/hold`` exists, after writing
``<folder>/rendering-<pid>``, so that a test can kill the process mid-render;
``CERTS_TEST_VISIBILITY_TIMEOUT`` shortens how long Redis keeps a message taken by a
worker that died before acknowledging it.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

import django  # noqa: E402

django.setup()

from lms.celery import app  # noqa: E402

gate = os.environ.get("CERTS_TEST_RENDER_GATE")
if gate:
    from certificates import pdf

    render = pdf.render_document

    def held_render(certificate: object) -> bytes:
        folder = Path(gate)
        (folder / f"rendering-{os.getpid()}").write_text(str(os.getpid()))
        deadline = time.monotonic() + 120
        while (folder / "hold").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        return render(certificate)

    pdf.render_document = held_render

timeout = os.environ.get("CERTS_TEST_VISIBILITY_TIMEOUT")
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
        f"--concurrency={os.environ.get('CERTS_TEST_CONCURRENCY', '1')}",
        "--pool=prefork",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
)
