"""Background work for certificates. Each task takes ids, calls one service and is
repeat-safe: it is acknowledged only when it has finished, and a task whose worker died
(``reject_on_worker_lost``) runs again and finds the work done or not yet done, never half
done (see ``services``)."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError

from core.tasks import reliable_task
from courses.models import Enrolment

from . import renewal, services
from .models import Certificate

logger = logging.getLogger(__name__)


@reliable_task("certificates.certificate_issue")
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


@reliable_task("certificates.reconcile")
def reconcile() -> int:
    """Beat: issue what completion did not get issued, and wake stalled bulk jobs."""
    issued = services.certificates_reconcile()
    services.certificate_jobs_resume()
    return issued


@reliable_task("certificates.renewal_reminders_send")
def renewal_reminders_send() -> int:
    """Beat: e-mail the people whose certificates end soon (each reminder once)."""
    return services.renewal_reminders_send()


@reliable_task("certificates.renewal_open")
def renewal_open(certificate_id: int) -> int | None:
    """Open the renewal of one certificate if its window is open (queued after commit
    when a certificate is issued)."""
    if not Certificate.objects.filter(pk=certificate_id).exists():
        return None
    opened = renewal.renewal_open(certificate=Certificate(pk=certificate_id))
    return opened.pk if opened else None


@reliable_task("certificates.renewals_open")
def renewals_open() -> int:
    """Beat, and after a renewal rule is saved: open every renewal whose window has
    opened (also those an after-commit task lost to a broker outage)."""
    return renewal.renewals_open()


@reliable_task("certificates.renewals_practice_issue")
def renewals_practice_issue(person_id: int | None = None) -> int:
    """Issue the renewed certificates that waited for observed practice: of one person
    (queued after commit when their practice is recorded) or of everyone (beat, with the
    follow-up, in case that task was lost)."""
    return services.renewals_practice_issue(person_ids=None if person_id is None else [person_id])


@reliable_task("certificates.renewals_follow_up")
def renewals_follow_up() -> int:
    """Beat: reminders as expiry comes closer (each once); renewals that no longer apply
    are closed; renewed certificates that waited for observed practice recorded since
    are issued (in case the task queued when it was recorded was lost)."""
    sent = renewal.renewals_follow_up()
    services.renewals_practice_issue()
    return sent


@reliable_task("certificates.job_run")
def job_run(job_id: int) -> int:
    return services.certificate_job_run(job_id=job_id)


@reliable_task("certificates.job_chunk")
def job_chunk(job_id: int, item_ids: list[int]) -> int:
    return services.certificate_job_chunk_process(job_id=job_id, item_ids=item_ids)
