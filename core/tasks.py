"""Queueing work after commit, the one retry policy of every task, and the task that sends
e-mail.

With ``REDIS_URL`` set, tasks go to Redis and a worker runs them; unset, they run inline in
the process that sends them (see ``lms.celery``, which configures the Celery app).
"""

import logging
from functools import lru_cache
from smtplib import SMTPException
from typing import Any

from celery import current_app, shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import InterfaceError, transaction
from django.db import OperationalError as DatabaseOperationalError
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Errors that go away on their own: the database or the mail server restarting, a dropped
# connection, a network timeout. Anything else is a bug or bad data and is not retried.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    DatabaseOperationalError,
    InterfaceError,
    SMTPException,
    ConnectionError,
    TimeoutError,
)

# The retry policy of every task. Each task is repeat-safe, so it is acknowledged only
# when it has finished (``acks_late``) and runs again when its worker dies mid-way
# (``reject_on_worker_lost``); a transient error retries it with an exponential, jittered
# backoff (so that workers do not all come back at the same second), at most
# ``max_retries`` times.
RETRY_POLICY: dict[str, Any] = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 5,
}


def reliable_task(name: str, **overrides: Any) -> Any:
    """``shared_task`` with ``RETRY_POLICY``. ``overrides`` change one option for a task
    with a stated reason (for example a task that must not retry on its own)."""
    unknown = set(overrides) - set(RETRY_POLICY)
    if unknown:
        raise TypeError(f"reliable_task takes only policy options, not {sorted(unknown)}")
    return shared_task(name=name, **{**RETRY_POLICY, **overrides})


@lru_cache(maxsize=1)
def _import_tasks() -> None:
    """Import every app's tasks module once (Celery's own import also runs Django's system
    checks, far too slow to repeat per task)."""
    current_app.loader.import_default_modules()


def send_task_after_commit(name: str, *args: Any, **kwargs: Any) -> None:
    """Queue the task called ``name`` once the current transaction commits.

    Tasks are addressed by name so that a lower app can trigger work owned by a higher
    one without importing it. Outside a transaction the task is queued at once. When
    tasks run inline, the named task is looked up in the registry and applied, because
    Celery's ``send_task`` would otherwise bypass eager mode.
    """

    def send() -> None:
        app = current_app
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


# A mail server can be away longer than a database: a few more tries.
@reliable_task("core.email_send", max_retries=8)
def email_send(*, to: str, subject: str, text: str, html: str = "", reply_to: str = "") -> None:
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[reply_to] if reply_to else None,
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()
