"""The signal by which courses announce completion to the apps above them.

``course_completed``
    Sent after the transaction that completed an enrolment commits. Argument:
    ``enrolment_id``. ``certificates`` listens and issues the certificate. A process that
    dies between commit and signal loses nothing: certificates also reconciles completed
    enrolments that have no certificate.

``learner_progress_changed``
    Sent after commit whenever something courses owns that decides whether a person is
    trained changes: an enrolment is created, left or taken up again, its progress or
    status is recomputed, or the person's observed practice is recorded. Arguments:
    ``person_id`` (int). ``programmes`` listens and refreshes the person's stored training
    statuses. Last activity alone does not send it.

``learning_event``
    Sent synchronously, inside the transaction of the service that records the event, so a
    listener's writes commit or roll back with it (``xapi`` writes an outbox row that no
    crash after commit can lose). Arguments: ``kind`` (one of ``LEARNING_EVENTS``),
    ``enrolment`` (the ``Enrolment``), ``module`` (a ``ModulePage`` or ``None``), ``result``
    (for knowledge checks a dict of ``correct`` and ``questions`` counts, ``score`` as a
    whole percentage and ``passed``; else ``None``), and ``at`` (the aware datetime of the
    event). Listeners must not send e-mail or call out; they write rows or queue work after
    commit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.dispatch import Signal
from django.utils import timezone

course_completed = Signal()
learner_progress_changed = Signal()
learning_event = Signal()

# What ``learning_event`` reports.
LEARNING_EVENTS = (
    "registered",  # an enrolment was created (also a retake's new cycle)
    "module_completed",
    "check_answered",  # a knowledge check attempt was marked; ``result`` says how
    "check_passed",
    "check_failed",
    "reflection_accepted",
    "course_completed",
)


def announce_learning_event(
    kind: str,
    *,
    enrolment: Any,
    module: Any = None,
    result: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Send ``learning_event`` now, inside the caller's transaction."""
    if kind not in LEARNING_EVENTS:
        raise ValueError(f"unknown learning event {kind!r}")
    learning_event.send(
        sender=None,
        kind=kind,
        enrolment=enrolment,
        module=module,
        result=result,
        at=at or timezone.now(),
    )
