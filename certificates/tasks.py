"""Background work for certificates. Each task takes ids, calls one service and is
repeat-safe: it is acknowledged only when it has finished, and a task whose worker died
(``reject_on_worker_lost``) runs again and finds the work done or not yet done, never half
done (see ``services``)."""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from django.core.exceptions import ValidationError
from django.db import OperationalError

from courses.models import Enrolment

from . import services

logger = logging.getLogger(__name__)

RELIABLE: dict[str, Any] = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OperationalError,),
    "retry_backoff": True,
    "max_retries": 5,
}


@shared_task(name="certificates.certificate_issue", **RELIABLE)
def certificate_issue(enrolment_id: int) -> str | None:
    """Issue the certificate of a completed enrolment (queued when a course is completed)."""
    enrolment = Enrolment.objects.filter(pk=enrolment_id).first()
    if enrolment is None:
        return None
    try:
        certificate = services.certificate_issue(enrolment=enrolment)
    except ValidationError as error:
        logger.info("No certificate for enrolment %s: %s", enrolment_id, " ".join(error.messages))
        return None
    return certificate.code


@shared_task(name="certificates.reconcile", **RELIABLE)
def reconcile() -> int:
    """Beat: issue what completion did not get issued, and wake stalled bulk jobs."""
    issued = services.certificates_reconcile()
    services.certificate_jobs_resume()
    return issued


@shared_task(name="certificates.renewal_reminders_send", **RELIABLE)
def renewal_reminders_send() -> int:
    """Beat: e-mail the people whose certificates end soon (each reminder once)."""
    return services.renewal_reminders_send()


@shared_task(name="certificates.job_run", **RELIABLE)
def job_run(job_id: int) -> int:
    return services.certificate_job_run(job_id=job_id)


@shared_task(name="certificates.job_chunk", **RELIABLE)
def job_chunk(job_id: int, item_ids: list[int]) -> int:
    return services.certificate_job_chunk_process(job_id=job_id, item_ids=item_ids)
