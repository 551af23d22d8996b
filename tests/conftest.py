"""Shared fixtures.

Tests marked ``postgres`` need ``DATABASE_URL`` to point at PostgreSQL; tests marked
``worker`` also need ``REDIS_URL``, and start a real Celery worker against the test
database. Everything else runs on SQLite with tasks applied inline.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from lms.celery import app as celery_app


def pytest_configure(config: pytest.Config) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    has_redis = bool(os.environ.get("REDIS_URL"))
    has_chromium = shutil.which("chromium") is not None
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            item.add_marker(pytest.mark.skip(reason="needs DATABASE_URL pointing at PostgreSQL"))
        if "worker" in item.keywords and not (has_redis and on_postgres):
            item.add_marker(
                pytest.mark.skip(
                    reason="needs REDIS_URL and DATABASE_URL (PostgreSQL) for a worker"
                )
            )
        if "browser" in item.keywords and not has_chromium:
            item.add_marker(pytest.mark.skip(reason="needs the system Chromium (apt: chromium)"))


@pytest.fixture(autouse=True)
def _isolation(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test starts with an empty cache (rate limits live there), in English, and,
    unless it asks for a real worker, runs tasks inline."""
    cache.clear()
    translation.activate("en")
    eager = "worker" not in request.keywords
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = eager
    yield
    celery_app.conf.task_always_eager = previous
    translation.deactivate()
    cache.clear()


@pytest.fixture
def on_postgres() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture
def celery_worker_process(transactional_db: None, tmp_path: Path) -> Iterator[dict[str, str]]:
    """A real Celery worker, in its own process, over Redis, against the test database
    (``tests.workers``). Yields the environment it runs with; ``EMAIL_DIR`` is where it
    writes the e-mail it sends."""
    from tests.workers import WorkerProcess, worker_env, workers

    env = worker_env(tmp_path)
    with workers(env) as processes:
        processes.append(WorkerProcess(env).start())
        yield env
