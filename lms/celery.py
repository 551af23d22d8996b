"""The Celery app.

With ``REDIS_URL`` set, tasks go to Redis and a worker and beat run them (see the README).
Unset, tasks run inline in the process that sends them, so a fresh checkout needs nothing
running beside the web server.
"""

import logging
import os
from functools import lru_cache
from typing import Any

from celery import Celery
from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@lru_cache(maxsize=1)
def _import_tasks() -> None:
    """Import every app's tasks module once (Celery's own import also runs Django's system
    checks, far too slow to repeat per task)."""
    app.loader.import_default_modules()


def send_task_after_commit(name: str, *args: Any, **kwargs: Any) -> None:
    """Queue the task called ``name`` once the current transaction commits.

    Tasks are addressed by name so that a lower app can trigger work owned by a higher
    one without importing it. Outside a transaction the task is queued at once. When
    tasks run inline, the named task is looked up in the registry and applied, because
    Celery's ``send_task`` would otherwise bypass eager mode.
    """

    def send() -> None:
        if app.conf.task_always_eager:
            _import_tasks()
            app.tasks[name].apply_async(args=args, kwargs=kwargs)
            return
        try:
            app.send_task(name, args=args, kwargs=kwargs)
        except (KombuOperationalError, RedisError, OSError):
            # The work itself is committed; the broker is down. Each task that matters has
            # a reconciliation job on the beat schedule that finds and redoes what was not
            # sent, so the person's request must not fail for it.
            logger.exception("Could not queue task %s; reconciliation will pick it up", name)

    transaction.on_commit(send, robust=False)
