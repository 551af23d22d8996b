"""Queueing work after commit, and the task that sends e-mail.

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
from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


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


@shared_task(
    name="core.email_send",
    acks_late=True,
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
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
