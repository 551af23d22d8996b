"""Statements for the events of courses and certificates, written in the event's own
transaction. With ``LRS_URL`` unset each receiver returns at once."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.dispatch import receiver

from certificates.signals import certificate_event
from courses.signals import learning_event

from . import services, statements


@receiver(learning_event)
def record_learning_event(
    sender: Any,
    kind: str,
    enrolment: Any,
    module: Any,
    result: dict[str, Any] | None,
    at: datetime,
    **kwargs: Any,
) -> None:
    if not services.lrs_enabled():
        return
    payload = statements.learning_statement(
        kind=kind, enrolment=enrolment, module=module, result=result, at=at
    )
    services.statement_record(kind=kind, person=enrolment.person, payload=payload)


@receiver(certificate_event)
def record_certificate_event(
    sender: Any, kind: str, certificate: Any, at: datetime, **kwargs: Any
) -> None:
    if not services.lrs_enabled() or certificate.person is None:
        return
    kind = f"certificate_{kind}"
    payload = statements.certificate_statement(kind=kind, certificate=certificate, at=at)
    services.statement_record(kind=kind, person=certificate.person, payload=payload)
