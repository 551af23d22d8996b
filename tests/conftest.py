"""Shared fixtures.

Tests marked ``postgres`` need ``DATABASE_URL`` to point at PostgreSQL; tests marked
``worker`` also need ``REDIS_URL``, and start a real Celery worker against the test
database; tests marked ``s3`` need ``STORAGE_URL`` to point at an S3 API server.
Everything else runs on SQLite with tasks applied inline.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from core.storage import s3_options
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
    has_s3 = s3_options(os.environ) is not None
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
        if "s3" in item.keywords and not has_s3:
            item.add_marker(
                pytest.mark.skip(reason="needs STORAGE_URL pointing at an S3 API server")
            )


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
def celery_worker_process(transactional_db: None, tmp_path: object) -> Iterator[dict[str, str]]:
    """A real Celery worker, in its own process, over Redis, against the test database.

    Yields the environment it runs with; ``EMAIL_DIR`` is where it writes the e-mail it sends.
    """
    import subprocess
    import sys
    import time
    from pathlib import Path

    database = settings.DATABASES["default"]
    email_dir = Path(str(tmp_path)) / "mail"
    email_dir.mkdir()
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database.get('PASSWORD') or ''}"
            f"@{database['HOST'] or 'localhost'}:{database['PORT'] or 5432}/{database['NAME']}"
        ),
        "EMAIL_URL": f"filemail:///{email_dir}",
        "EMAIL_DIR": str(email_dir),
    }
    celery_app.control.purge()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--loglevel=WARNING",
            "--concurrency=1",
            "--pool=prefork",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        replies = celery_app.control.ping(timeout=1)
        if replies:
            break
    else:
        process.kill()
        pytest.fail("the Celery worker did not start within a minute")
    try:
        yield env
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
