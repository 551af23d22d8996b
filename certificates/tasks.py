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

from . import renewal, services
from .models import Certificate, CertificateJob, CertificateJobItem

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


@shared_task(name="certificates.renewal_open", **RELIABLE)
def renewal_open(certificate_id: int) -> int | None:
    """Open the renewal of one certificate if its window is open (queued after commit
    when a certificate is issued)."""
    if not Certificate.objects.filter(pk=certificate_id).exists():
        return None
    opened = renewal.renewal_open(certificate=Certificate(pk=certificate_id))
    return opened.pk if opened else None


@shared_task(name="certificates.renewals_open", **RELIABLE)
def renewals_open() -> int:
    """Beat, and after a renewal rule is saved: open every renewal whose window has
    opened (also those an after-commit task lost to a broker outage)."""
    return renewal.renewals_open()


@shared_task(name="certificates.renewals_follow_up", **RELIABLE)
def renewals_follow_up() -> int:
    """Beat: reminders as expiry comes closer (each once); renewals that no longer apply
    are closed."""
    return renewal.renewals_follow_up()


@shared_task(name="certificates.job_run", **RELIABLE)
def job_run(job_id: int) -> int:
    job = CertificateJob.objects.filter(pk=job_id, finished_at__isnull=True).first()
    if job is None:
        return 0
    return services.certificate_job_dispatch(job=job)


@shared_task(name="certificates.job_chunk", **RELIABLE)
def job_chunk(job_id: int, item_ids: list[int]) -> int:
    job = CertificateJob.objects.filter(pk=job_id).first()
    if job is None:
        return 0
    handled = 0
    for item in CertificateJobItem.objects.filter(job=job, pk__in=item_ids).order_by("pk"):
        services.certificate_job_item_process(item=item)
        handled += 1
    services.certificate_job_finish_if_done(job=job)
    return handled
