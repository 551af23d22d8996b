"""The database settings read from the environment, as a fresh process reads them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from django.conf import settings

SHOW = (
    "import json, django; django.setup(); from django.conf import settings; "
    "db = settings.DATABASES['default']; "
    "print(json.dumps([db['CONN_MAX_AGE'], db.get('DISABLE_SERVER_SIDE_CURSORS', False)]))"
)


def database_settings(**variables: str) -> list[object]:
    inherited = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_PGBOUNCER", "DATABASE_CONN_MAX_AGE"}
    }
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "lms.settings",
        "DATABASE_URL": "postgres://lms@127.0.0.1:6432/lms",
        **variables,
    }
    output = subprocess.run(
        [sys.executable, "-c", SHOW],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return list(json.loads(output.strip().splitlines()[-1]))


def test_connections_are_kept_and_cursors_are_server_side_by_default() -> None:
    assert database_settings() == [60, False]


def test_behind_pgbouncer_no_connection_is_kept_and_no_cursor_is_server_side() -> None:
    assert database_settings(DATABASE_PGBOUNCER="true", DATABASE_CONN_MAX_AGE="300") == [0, True]
