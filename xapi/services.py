"""Writing statements into the outbox, and sending the outbox to the LRS."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.tasks import send_task_after_commit

from .models import Statement

logger = logging.getLogger(__name__)

BATCH = 50
MAX_BATCHES = 20  # per run: a minute's beat picks up the rest
TIMEOUT = 10  # seconds, for the LRS to answer one batch
BACKOFF_BASE = 60  # seconds before the first retry; doubled each attempt
BACKOFF_MAX = 6 * 60 * 60


def lrs_enabled() -> bool:
    return bool(settings.LRS_URL)


@transaction.atomic
def statement_record(*, kind: str, person: Any, payload: dict[str, Any]) -> Statement:
    """Put one statement in the outbox, in the caller's transaction, and queue sending it
    after commit. The row's id is the statement's id, fixed now, so every resend is the
    same statement. Callers check ``lrs_enabled()`` first."""
    row = Statement.objects.create(id=payload["id"], kind=kind, person=person, payload=payload)
    send_task_after_commit("xapi.statements_send")
    return row


def backoff(attempts: int) -> timedelta:
    """How long to wait after the ``attempts``-th failed attempt."""
    return timedelta(seconds=min(BACKOFF_BASE * 2 ** max(attempts - 1, 0), BACKOFF_MAX))


def _post(payloads: Sequence[dict[str, Any]]) -> requests.Response:
    return requests.post(
        f"{settings.LRS_URL}/statements",
        json=list(payloads),
        auth=(settings.LRS_USERNAME, settings.LRS_PASSWORD),
        headers={"X-Experience-API-Version": "1.0.3"},
        timeout=TIMEOUT,
    )


def _mark_sent(rows: Sequence[Statement]) -> None:
    Statement.objects.filter(pk__in=[r.pk for r in rows]).update(
        sent_at=timezone.now(), last_error="", next_attempt_at=None
    )


def _mark_failed(rows: Sequence[Statement], error: str) -> None:
    now = timezone.now()
    for row in rows:
        row.attempts += 1
        row.next_attempt_at = now + backoff(row.attempts)
        row.last_error = error[:2000]
        row.save(update_fields=["attempts", "next_attempt_at", "last_error"])


def _send(rows: Sequence[Statement]) -> tuple[int, bool]:
    """Send ``rows`` as one batch. Returns how many are now sent, and whether the LRS
    answered at all (a batch it could not be reached for stops the run)."""
    try:
        response = _post([row.payload for row in rows])
    except requests.RequestException as error:
        _mark_failed(rows, f"{type(error).__name__}: {error}")
        return 0, False
    if response.status_code in (200, 204):
        _mark_sent(rows)
        return len(rows), True
    if response.status_code == 409 and len(rows) > 1:
        # Some id is already stored (a batch sent before, its answer lost): one by one, so
        # the others go and each stored one is recognised on its own.
        sent = 0
        for row in rows:
            count, reached = _send([row])
            sent += count
            if not reached:
                break
        return sent, True
    if response.status_code == 409:
        # The LRS already has a statement with this id: ours, since ids are ours alone.
        _mark_sent(rows)
        return len(rows), True
    _mark_failed(rows, f"HTTP {response.status_code}: {response.text[:500]}")
    return 0, True


def statements_send(*, batch: int = BATCH, max_batches: int = MAX_BATCHES) -> int:
    """Send the statements that are due, oldest first, in batches; returns how many were
    sent. Repeat-safe and safe to run in parallel: each batch's rows are locked with
    ``skip_locked`` for as long as its request lasts, so two workers never send one row,
    and a row is marked sent only once the LRS accepted it (200/204, or 409 for an id it
    already holds). A failure leaves rows pending with an exponential backoff. Nothing to
    do when ``LRS_URL`` is unset."""
    if not lrs_enabled():
        return 0
    sent = 0
    for _ in range(max_batches):
        with transaction.atomic():
            rows = list(
                Statement.objects.select_for_update(skip_locked=True)
                .filter(sent_at__isnull=True)
                .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now()))
                .order_by("created_at", "pk")[:batch]
            )
            if not rows:
                break
            count, reached = _send(rows)
            sent += count
        if not reached or len(rows) < batch:
            break
    return sent
