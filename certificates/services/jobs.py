"""Bulk jobs: issuing missing certificates of a course, or reissuing them, in chunks."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.tasks import send_task_after_commit
from courses.models import CoursePage, Enrolment
from courses.services import canonical_course
from people.models import User

from ..models import (
    Certificate,
    CertificateJob,
    CertificateJobItem,
)
from .access import Status, _check_may_manage
from .building import template_for
from .issue import certificate_issue
from .lifecycle import _clean_reason, certificate_reissue

# --- Bulk jobs ----------------------------------------------------------------------------------


def _job_targets(kind: str, course: CoursePage) -> tuple[str, list[int]]:
    if kind == CertificateJob.Kind.ISSUE_MISSING:
        ids = (
            Enrolment.objects.filter(course=course, status=Enrolment.Status.COMPLETED)
            .exclude(Exists(Certificate.objects.filter(enrolment=OuterRef("pk"))))
            .order_by("completed_at", "pk")
            .values_list("pk", flat=True)
        )
        return "enrolment", list(ids)
    template = template_for(course)
    outdated = Certificate.objects.filter(course=course, status=Status.VALID).exclude(
        template=template, template_revision_id=template.live_revision_id
    )
    return "certificate", list(outdated.order_by("issued_at", "pk").values_list("pk", flat=True))


@transaction.atomic
def certificate_job_start(
    *,
    actor: User | None,
    course: CoursePage,
    kind: str,
    reason: str = "",
    queue: bool = True,
) -> CertificateJob:
    """Start a bulk job on a course: issue the certificates its completed enrolments are
    missing, or reissue its valid certificates not made with the template as published now
    (after a template fix; a reason is required).

    The targets are listed as items now, so progress is exact. Only programme managers and
    administrators (``None``: an operator's command). Audited. With ``queue`` the work is
    sent to the workers after commit; a command runs the items itself.
    """
    _check_may_manage(actor)
    course = canonical_course(course)
    reason = _clean_reason(reason)
    if kind not in CertificateJob.Kind.values:
        raise ValidationError({"kind": _("Choose what to do.")})
    if not course.awards_certificate:
        raise ValidationError({"course": _("This course does not award a certificate.")})
    if kind == CertificateJob.Kind.REGENERATE and not reason:
        raise ValidationError(
            {"reason": _("Say why the certificates are reissued, for example what was corrected.")}
        )
    field, ids = _job_targets(kind, course)
    job = CertificateJob.objects.create(
        kind=kind, course=course, reason=reason, requested_by=actor, total=len(ids)
    )
    CertificateJobItem.objects.bulk_create(
        [CertificateJobItem(job=job, **{f"{field}_id": pk}) for pk in ids], batch_size=1000
    )
    log(
        job,
        "certificates.job.start",
        user=actor,
        data={"kind": kind, "course": course.pk, "total": len(ids), "reason": reason},
    )
    if not ids:
        job.started_at = job.finished_at = timezone.now()
        job.save(update_fields=["started_at", "finished_at"])
    elif queue:
        send_task_after_commit("certificates.job_run", job.pk)
    return job


JOB_CHUNK = 20


def certificate_job_dispatch(*, job: CertificateJob) -> int:
    """Send a job's waiting items to the workers in chunks, so that every worker process
    takes part. Repeat-safe: an item handled twice is handled once (see
    ``certificate_job_item_process``). Returns how many items were sent."""
    CertificateJob.objects.filter(pk=job.pk, started_at__isnull=True).update(
        started_at=timezone.now()
    )
    pending = list(
        job.items.filter(outcome=CertificateJobItem.Outcome.PENDING)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not pending:
        certificate_job_finish_if_done(job=job)
        return 0
    for start in range(0, len(pending), JOB_CHUNK):
        send_task_after_commit("certificates.job_chunk", job.pk, pending[start : start + JOB_CHUNK])
    return len(pending)


@transaction.atomic
def certificate_job_item_process(*, item: CertificateJobItem) -> str:
    """Handle one item of a bulk job and record its outcome. Repeat-safe: the item row is
    locked, and an item already handled is left as it is. A failure (the course stopped
    awarding certificates, the requester lost their role) marks the item failed and
    changes nothing else."""
    item = (
        CertificateJobItem.objects.select_for_update(of=("self",))
        .select_related("job", "job__requested_by")
        .get(pk=item.pk)
    )
    if item.outcome != CertificateJobItem.Outcome.PENDING:
        return item.outcome
    job = item.job
    outcome, message = CertificateJobItem.Outcome.SKIPPED, ""
    try:
        with transaction.atomic():
            if item.enrolment_id is not None:
                if not Certificate.objects.filter(enrolment_id=item.enrolment_id).exists():
                    certificate_issue(enrolment=Enrolment(pk=item.enrolment_id), job=job)
                    outcome = CertificateJobItem.Outcome.DONE
            elif item.certificate_id is not None:
                certificate = Certificate.objects.select_related("course").get(
                    pk=item.certificate_id
                )
                template = template_for(certificate.course)
                outdated = (
                    certificate.template_id != template.pk
                    or certificate.template_revision_id != template.live_revision_id
                )
                if certificate.status == Status.VALID and outdated:
                    certificate_reissue(
                        actor=job.requested_by, certificate=certificate, reason=job.reason, job=job
                    )
                    outcome = CertificateJobItem.Outcome.DONE
    except (ValidationError, PermissionDenied) as error:
        outcome = CertificateJobItem.Outcome.FAILED
        message = " ".join(getattr(error, "messages", [str(error)]))
    item.outcome = outcome
    item.message = message
    item.save(update_fields=["outcome", "message"])
    return outcome


def certificate_job_run(*, job_id: int) -> int:
    """Dispatch a job that is not finished yet (a finished or unknown one: nothing)."""
    job = CertificateJob.objects.filter(pk=job_id, finished_at__isnull=True).first()
    return 0 if job is None else certificate_job_dispatch(job=job)


def certificate_job_chunk_process(*, job_id: int, item_ids: list[int]) -> int:
    """Handle one chunk of a job's items in order, then finish the job if nothing waits.
    Returns how many items of the chunk were handled."""
    job = CertificateJob.objects.filter(pk=job_id).first()
    if job is None:
        return 0
    handled = 0
    for item in CertificateJobItem.objects.filter(job=job, pk__in=item_ids).order_by("pk"):
        certificate_job_item_process(item=item)
        handled += 1
    certificate_job_finish_if_done(job=job)
    return handled


def certificate_job_finish_if_done(*, job: CertificateJob) -> bool:
    """Mark the job finished once no item waits. Run after the items' transactions have
    committed, so that the last worker to finish sees them all."""
    now = timezone.now()
    CertificateJob.objects.filter(pk=job.pk).update(progressed_at=now)
    if job.items.filter(outcome=CertificateJobItem.Outcome.PENDING).exists():
        return False
    CertificateJob.objects.filter(pk=job.pk, finished_at__isnull=True).update(finished_at=now)
    return True


def certificate_jobs_resume(*, stalled_after: timedelta = timedelta(minutes=10)) -> int:
    """Send again the jobs that have waiting items but made no progress for a while (their
    worker died, or the broker was down when they started). Returns how many."""
    stalled = CertificateJob.objects.filter(finished_at__isnull=True).filter(
        Q(progressed_at__lt=timezone.now() - stalled_after)
        | Q(progressed_at__isnull=True, created_at__lt=timezone.now() - stalled_after)
    )
    count = 0
    for job in stalled:
        CertificateJob.objects.filter(pk=job.pk).update(progressed_at=timezone.now())
        send_task_after_commit("certificates.job_run", job.pk)
        count += 1
    return count
