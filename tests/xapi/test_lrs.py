"""Against a real LRS (Ralph, started by ``.ci/run``; ``LRS_URL``, ``LRS_USERNAME`` and
``LRS_PASSWORD`` name it): the events of a course end up stored there, each once, also when
the LRS was out of reach while they happened and when a statement is sent again.

With ``LRS_RALPH_PYTHON`` (the Python of ``.venv-lrs``) and ``RALPH_APP_DIR`` (its
credentials) set, as ``.ci/run`` sets them, one test also starts a Ralph of its own, stops
it while the events happen, and starts it again on the same data."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from django.conf import settings
from django.utils import timezone

from certificates.models import Certificate
from courses.services import enrolment_create
from people.models import User
from tests.certificates.conftest import World
from tests.factories.courses import course_page
from xapi import services
from xapi.models import Statement

from .conftest import UNREACHABLE
from .test_events import run_course

pytestmark = pytest.mark.lrs


def stored_for(person: User) -> list[dict[str, Any]]:
    """Every statement the LRS holds about ``person``, following ``more`` links."""
    agent = {"account": {"homePage": settings.SITE_URL, "name": str(person.public_id)}}
    auth = (settings.LRS_USERNAME, settings.LRS_PASSWORD)
    headers = {"X-Experience-API-Version": "1.0.3"}
    response = requests.get(
        f"{settings.LRS_URL}/statements",
        params={"agent": json.dumps(agent), "limit": 100},
        auth=auth,
        headers=headers,
        timeout=10,
    )
    found = []
    while True:
        response.raise_for_status()
        body = response.json()
        found += body["statements"]
        more = body.get("more")
        if not more:
            return found
        base = settings.LRS_URL.split("/", 3)
        response = requests.get(
            f"{base[0]}//{base[2]}{more}", auth=auth, headers=headers, timeout=10
        )


def test_a_course_s_events_are_stored_in_the_lrs(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    run_course(world, django_capture_on_commit_callbacks)
    services.statements_send()
    assert Statement.objects.filter(sent_at__isnull=True).count() == 0
    stored = stored_for(world.tutor)
    assert sorted(s["id"] for s in stored) == sorted(
        str(pk) for pk in Statement.objects.values_list("pk", flat=True)
    )
    verbs = {s["verb"]["id"].rsplit("/", 1)[-1] for s in stored}
    assert {"registered", "answered", "passed", "failed", "completed", "earned"} <= verbs


def test_statements_made_while_the_lrs_was_down_arrive_once(
    world: World, django_capture_on_commit_callbacks: Any, monkeypatch: Any
) -> None:
    real_url = settings.LRS_URL
    monkeypatch.setattr(settings, "LRS_URL", UNREACHABLE)
    run_course(world, django_capture_on_commit_callbacks)
    rows = Statement.objects.count()
    assert rows == 11
    assert Statement.objects.filter(sent_at__isnull=True).count() == rows
    assert Statement.objects.filter(attempts__gte=1).exists()  # sending was tried, and failed

    monkeypatch.setattr(settings, "LRS_URL", real_url)
    Statement.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert services.statements_send() == rows
    assert services.statements_send() == 0

    # A worker that died after the LRS stored a batch but before marking it sent: the
    # same statements go again, and the LRS still holds each once.
    Statement.objects.update(sent_at=None, next_attempt_at=None)
    assert services.statements_send() == rows
    stored = stored_for(world.tutor)
    ids = [s["id"] for s in stored]
    assert len(ids) == len(set(ids)) == rows
    assert set(ids) == {str(pk) for pk in Statement.objects.values_list("pk", flat=True)}


ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def ralph(port: int, data: Path) -> Iterator[str]:
    """A Ralph LRS on ``port`` storing into ``data``, stopped on leaving."""
    python = os.environ["LRS_RALPH_PYTHON"]
    process = subprocess.Popen(
        [python, str(ROOT / "scripts" / "ralph_lrs.py"), "127.0.0.1", str(port), str(data)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(150):
            try:
                if requests.get(f"{url}/__lbheartbeat__", timeout=1).ok:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.2)
        else:
            raise RuntimeError("Ralph did not start")
        yield f"{url}/xAPI"
    finally:
        process.terminate()
        process.wait(10)


@pytest.mark.skipif(
    not (os.environ.get("LRS_RALPH_PYTHON") and os.environ.get("RALPH_APP_DIR")),
    reason="needs LRS_RALPH_PYTHON and RALPH_APP_DIR to start a Ralph of its own",
)
def test_events_while_the_lrs_is_stopped_arrive_once_it_is_back(
    world: World, django_capture_on_commit_callbacks: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    port, data = free_port(), tmp_path / "lrs"
    data.mkdir()
    with ralph(port, data) as url:
        monkeypatch.setattr(settings, "LRS_URL", url)
        with django_capture_on_commit_callbacks(execute=True):
            course = course_page("Before the outage", modules=1)
            enrolment_create(actor=world.tutor, person=world.tutor, course=course)
        assert services.statements_send() == 0  # sent at once, after commit
        assert Statement.objects.filter(sent_at__isnull=True).count() == 0
    # Stopped: the rest of the course happens, and sending fails.
    certificate = run_course(world, django_capture_on_commit_callbacks)
    assert certificate.status == Certificate.Status.REVOKED
    waiting = Statement.objects.filter(sent_at__isnull=True).count()
    assert waiting == 11
    assert Statement.objects.filter(attempts__gte=1, sent_at__isnull=True).exists()
    with ralph(port, data) as url:
        Statement.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))
        assert services.statements_send() == waiting
        assert services.statements_send() == 0
        stored = stored_for(world.tutor)
    ids = [s["id"] for s in stored]
    assert len(ids) == len(set(ids)) == Statement.objects.count() == waiting + 1
