"""Every change to certificates: issue, revoke, reissue, renewal reminders, reconciliation
and bulk jobs.

Each service runs in one transaction, checks the actor's scope through ``people.scoping``
(programme managers and administrators run the lifecycle; issuing on completion needs no
actor), writes an audit entry in the same transaction, and sends e-mail only after commit.

Issuing locks the enrolment row before it looks for a certificate, and the database keeps
one valid certificate per enrolment, so concurrent completions, retried tasks and the
reconciliation job end with exactly one. A certificate's PDF is rendered and stored before
its row is written, inside the transaction: a committed certificate always has its PDF.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import IntegrityError, transaction
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core import text
from core.mail import send_templated_email
from core.tasks import send_task_after_commit
from courses.models import CoursePage, Enrolment
from courses.services import canonical_course
from people import scoping
from people.models import User

from . import codes, pdf
from .models import (
    ALMATY,
    Certificate,
    CertificateJob,
    CertificateJobItem,
    CertificateSignatory,
    CertificateTemplate,
    RenewalReminder,
    today_in_almaty,
)
from .setup import ensure_default_template

logger = logging.getLogger(__name__)

Status = Certificate.Status

# The lifecycle: which moves each status allows, and where they lead. Expiry is not a
# status: a valid certificate past its end date shows as expired and can still be revoked
# or reissued.
ALLOWED_MOVES: dict[tuple[str, str], str] = {
    (Status.VALID, "revoke"): Status.REVOKED,
    (Status.VALID, "reissue"): Status.SUPERSEDED,
}


def _refusal(status: str, move: str) -> str:
    if move == "revoke" and status == Status.REVOKED:
        return _("This certificate is already revoked.")
    if move == "revoke":
        return _("This certificate has been replaced by a newer one. Revoke the newer one.")
    if status == Status.REVOKED:
        return _("A revoked certificate cannot be reissued.")
    return _("This certificate has already been replaced. Reissue the newer one.")


def _check_move(certificate: Certificate, move: str) -> str:
    target = ALLOWED_MOVES.get((certificate.status, move))
    if target is None:
        raise ValidationError(_refusal(certificate.status, move))
    return target


def may_manage(user: User | Any) -> bool:
    """Programme managers and administrators run the certificate lifecycle."""
    return scoping.scope_for(user).is_national


def _check_may_manage(actor: User | None) -> None:
    """``None`` is the system itself (an operator's management command)."""
    if actor is not None and not may_manage(actor):
        raise PermissionDenied(
            _("Only programme managers and administrators can change certificates.")
        )


def private_storage() -> Storage:
    return storages["private"]


# --- Templates and snapshots -----------------------------------------------------------------


@dataclass(frozen=True)
class PreparedTemplate:
    """A published template as issuing needs it: with its signatories, the URLs of its
    images and its version number."""

    template: CertificateTemplate
    version: int
    design: dict[str, Any]
    prepared_at: float


# Prepared templates, kept in the process by (id, live revision, time of publication):
# a new publication is a new key. Kept a few minutes at most, in case an image used by a
# template is replaced without a new publication.
_PREPARED: dict[tuple[Any, ...], PreparedTemplate] = {}
PREPARED_SECONDS = 300


def prepared_template(course: CoursePage) -> PreparedTemplate:
    """The published template a course's certificates use (the one that lists the course in
    any translation, else the default one), in one query once it has been prepared."""
    rows = CertificateTemplate.objects.filter(live=True).values_list(
        "pk", "live_revision_id", "last_published_at", "is_default", "courses__translation_key"
    )
    chosen = default = None
    for pk, revision, published, is_default, key in rows:
        if key == course.translation_key:
            chosen = (pk, revision, published)
        if is_default:
            default = (pk, revision, published)
    target = chosen or default
    if target is None:
        made = ensure_default_template()
        target = (made.pk, made.live_revision_id, made.last_published_at)
    prepared = _PREPARED.get(target)
    if prepared is None or time.monotonic() - prepared.prepared_at > PREPARED_SECONDS:
        template = (
            CertificateTemplate.objects.select_related("logo", "background")
            .prefetch_related(
                Prefetch(
                    "signatories",
                    queryset=CertificateSignatory.objects.select_related("signature"),
                )
            )
            .get(pk=target[0])
        )
        prepared = PreparedTemplate(
            template=template,
            version=_template_version(template),
            design=pdf.template_design(template),
            prepared_at=time.monotonic(),
        )
        if len(_PREPARED) > 100:
            _PREPARED.clear()
        _PREPARED[target] = prepared
    return prepared


def template_for(course: CoursePage) -> CertificateTemplate:
    """The published template a course's certificates use."""
    return prepared_template(course).template


def _course_translations(course: CoursePage) -> dict[str, CoursePage]:
    return {
        page.locale.language_code: page
        for page in CoursePage.objects.filter(translation_key=course.translation_key)
        .select_related("locale")
        .only("title", "provider", "locale__language_code")
        .order_by("pk")
    }


def completion_date(enrolment: Enrolment) -> date:
    """The day the course was completed, in Kazakhstan (Asia/Almaty)."""
    if enrolment.completed_at is None:
        raise ValidationError(_("This course is not completed yet, so there is no certificate."))
    return timezone.localtime(enrolment.completed_at, ALMATY).date()


def _template_version(template: CertificateTemplate) -> int:
    if template.live_revision_id is None:
        return 0
    return int(template.revisions.filter(pk__lte=template.live_revision_id).count())


def _build(
    *,
    enrolment: Enrolment,
    person: User,
    course: CoursePage,
    issued_at: datetime,
    issued_by: User | None,
    replaces: Certificate | None = None,
    reason: str = "",
    job: CertificateJob | None = None,
) -> Certificate:
    """A new certificate with its frozen snapshot (not saved, no PDF yet)."""
    prepared = prepared_template(course)
    template = prepared.template
    languages = template.languages_for(person.preferred_language)
    translations = _course_translations(course)
    # Names and titles are checked where they are entered (core.text); anything stored
    # before that check is printed without its invisible and control characters.
    titles = {code: text.printable((translations.get(code) or course).title) for code in languages}
    providers = {
        code: text.printable((translations.get(code) or course).provider) for code in languages
    }
    full_name = text.printable(person.full_name)
    full_name_alt = text.printable(person.full_name_alt)
    completed_on = completion_date(enrolment)
    hours = course.academic_hours
    values = {
        code: pdf.placeholder_values(
            language=code,
            full_name=full_name,
            full_name_alt=full_name_alt,
            course_title=titles[code],
            hours=hours,
            completed_on=completed_on,
            provider=providers[code],
        )
        for code in languages
    }
    expires_on = (
        pdf.years_later(completed_on, template.validity_years) if template.validity_years else None
    )
    snapshot = {
        "version": 1,
        "languages": list(languages),
        "person": {"full_name": full_name, "full_name_alt": full_name_alt},
        "course": {
            "id": course.pk,
            "translation_key": str(course.translation_key),
            "titles": titles,
            "academic_hours": str(hours),
        },
        "providers": providers,
        "completed_on": completed_on.isoformat(),
        "expires_on": expires_on.isoformat() if expires_on else None,
        "template": {
            "id": template.pk,
            "name": template.name,
            "revision_id": template.live_revision_id,
            "version": prepared.version,
            "language": template.language,
            "validity_years": template.validity_years,
        },
        **pdf.template_snapshot(
            template, design=prepared.design, languages=languages, values=values
        ),
    }
    return Certificate(
        code=codes.new_code(),
        enrolment=enrolment,
        person=person,
        course=course,
        template=template,
        template_revision_id=template.live_revision_id,
        job=job,
        language="+".join(languages),
        full_name=full_name,
        full_name_alt=full_name_alt,
        course_title=titles[languages[0]],
        academic_hours=hours,
        completed_on=completed_on,
        provider=providers[languages[0]],
        snapshot=snapshot,
        issued_at=issued_at,
        issued_by=issued_by,
        expires_on=expires_on,
        replaces=replaces,
        reason=reason,
    )


def _store(certificate: Certificate) -> Certificate:
    """Render the PDF, store it once, and save the row. If the row cannot be saved, the
    file goes too; if the surrounding transaction rolls back later, the file stays behind
    unreferenced under a name nobody knows."""
    document = pdf.render_document(certificate)
    certificate.pdf_sha256 = hashlib.sha256(document).hexdigest()
    certificate.pdf_size = len(document)
    storage = private_storage()
    certificate.pdf_name = storage.save(
        f"certificates/{certificate.code[:2]}/{certificate.code}.pdf", ContentFile(document)
    )
    try:
        certificate.save()
    except Exception:
        storage.delete(certificate.pdf_name)
        raise
    return certificate


def _email_issued(certificate: Certificate) -> None:
    person = certificate.person
    if person is None or not person.is_active:
        return
    language = person.preferred_language
    with translation.override(language):
        link = settings.SITE_URL + reverse(
            "certificate_detail", kwargs={"code": certificate.grouped_code}
        )
    titles = certificate.titles()
    send_templated_email(
        "certificate_issued",
        to=person.email,
        language=language,
        context={
            "person": person,
            "certificate": certificate,
            "course_title": titles.get(language) or certificate.course_title,
            "link": link,
            "verify_url": certificate.verify_url,
            "replaces": certificate.replaces,
        },
    )


# --- Issue -----------------------------------------------------------------------------------


@transaction.atomic
def certificate_issue(
    *,
    enrolment: Enrolment,
    issued_at: datetime | None = None,
    job: CertificateJob | None = None,
) -> Certificate:
    """Issue the certificate of a completed enrolment of a course that awards one.

    Repeat-safe: the enrolment row is locked first, and an enrolment that already has a
    certificate (valid, expired, revoked or superseded) gets that one back unchanged, so a
    revoked certificate is never quietly replaced. Refused (``ValidationError``) for an
    enrolment that is not completed or a course without certificates.

    ``issued_at`` defaults to now; only loaders of earlier records (the demo) pass it.
    Side effects: the PDF is stored; after commit the person is e-mailed a link.
    """
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("person", "course")
        .get(pk=enrolment.pk)
    )
    current = (
        Certificate.objects.filter(enrolment=enrolment)
        .order_by(Case(When(status=Status.VALID, then=0), default=1), "-issued_at", "-pk")
        .first()
    )
    if current is not None:
        return current
    if enrolment.status != Enrolment.Status.COMPLETED:
        raise ValidationError(_("This course is not completed yet, so there is no certificate."))
    course = enrolment.course  # enrolments point at the course as first written
    if not course.awards_certificate:
        raise ValidationError(_("This course does not award a certificate."))
    certificate = _store(
        _build(
            enrolment=enrolment,
            person=enrolment.person,
            course=course,
            issued_at=issued_at or timezone.now(),
            issued_by=None,
            job=job,
        )
    )
    log(
        certificate,
        "certificates.issue",
        user=None,
        data={"code": certificate.code, "enrolment": enrolment.pk},
    )
    _email_issued(certificate)
    return certificate


def certificates_reconcile(*, limit: int = 500) -> int:
    """Issue the missing certificate of every completed enrolment of a course that awards
    one (for example, the broker was down when the course was completed). Repeat-safe: each
    issue is its own transaction and skips an enrolment that got its certificate meanwhile.
    Returns how many were issued; runs ``limit`` at most, the rest on the next run."""
    missing = (
        Enrolment.objects.filter(status=Enrolment.Status.COMPLETED, course__awards_certificate=True)
        .exclude(Exists(Certificate.objects.filter(enrolment=OuterRef("pk"))))
        .order_by("completed_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    issued = 0
    for enrolment_id in list(missing):
        try:
            certificate_issue(enrolment=Enrolment(pk=enrolment_id))
        except ValidationError as error:
            logger.warning("Certificate for enrolment %s not issued: %s", enrolment_id, error)
            continue
        issued += 1
    return issued


# --- Lifecycle -------------------------------------------------------------------------------


def _clean_reason(reason: str) -> str:
    return "\n".join(" ".join(line.split()) for line in reason.strip().splitlines()).strip()


@transaction.atomic
def certificate_revoke(*, actor: User, certificate: Certificate, reason: str) -> Certificate:
    """Revoke a valid (or expired) certificate, with a reason; its verification page then
    says revoked, with the date.

    Only programme managers and administrators. Refused without a reason, and for a
    certificate already revoked or replaced: a second click changes nothing. Audited with
    the reason; the person is e-mailed after commit.
    """
    _check_may_manage(actor)
    reason = _clean_reason(reason)
    certificate = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("person")
        .get(pk=certificate.pk)
    )
    target = _check_move(certificate, "revoke")
    if not reason:
        raise ValidationError({"reason": _("Say why the certificate is revoked.")})
    certificate.status = target
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = actor
    certificate.revoke_reason = reason
    certificate.save(update_fields=["status", "revoked_at", "revoked_by", "revoke_reason"])
    log(
        certificate,
        "certificates.revoke",
        user=actor,
        data={"code": certificate.code, "reason": reason},
    )
    person = certificate.person
    if person is not None and person.is_active:
        send_templated_email(
            "certificate_revoked",
            to=person.email,
            language=person.preferred_language,
            context={
                "person": person,
                "certificate": certificate,
                "course_title": certificate.titles().get(person.preferred_language)
                or certificate.course_title,
                "reason": reason,
            },
        )
    return certificate


@transaction.atomic
def certificate_reissue(
    *,
    actor: User | None,
    certificate: Certificate,
    reason: str,
    job: CertificateJob | None = None,
) -> Certificate:
    """Replace a valid (or expired) certificate with a new one made from the person's name
    and the course's template as they are now: after a name correction or a template fix.

    The old certificate becomes superseded, and its verification page links to the new
    one; the completion date and the end of validity stay those of the completion. Only
    programme managers and administrators (``actor=None`` is an operator's command).
    Refused without a reason, for a revoked certificate, and for one already replaced, so
    a second click changes nothing. Audited on both certificates; the person is e-mailed
    the new one after commit.
    """
    _check_may_manage(actor)
    reason = _clean_reason(reason)
    if certificate.enrolment_id is not None:
        # The same lock order as issuing: the enrolment, then its certificates.
        Enrolment.objects.select_for_update().filter(pk=certificate.enrolment_id).first()
    certificate = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("person", "course", "enrolment")
        .get(pk=certificate.pk)
    )
    target = _check_move(certificate, "reissue")
    if not reason:
        raise ValidationError({"reason": _("Say why the certificate is reissued.")})
    if certificate.person is None or certificate.enrolment is None:
        raise ValidationError(
            _("The person's record has been erased, so this certificate cannot be reissued.")
        )
    now = timezone.now()
    certificate.status = target
    certificate.superseded_at = now
    certificate.save(update_fields=["status", "superseded_at"])
    replacement = _store(
        _build(
            enrolment=certificate.enrolment,
            person=certificate.person,
            course=certificate.course,
            issued_at=now,
            issued_by=actor,
            replaces=certificate,
            reason=reason,
            job=job,
        )
    )
    log(
        certificate,
        "certificates.reissue",
        user=actor,
        data={"code": certificate.code, "replacement": replacement.code, "reason": reason},
    )
    log(
        replacement,
        "certificates.issue",
        user=actor,
        data={"code": replacement.code, "replaces": certificate.code, "reason": reason},
    )
    _email_issued(replacement)
    return replacement


# --- Renewal reminders ------------------------------------------------------------------------


@transaction.atomic
def renewal_reminder_send(*, certificate: Certificate) -> bool:
    """E-mail the person that their certificate expires soon, in their language.

    Sent once: the reminder row is unique per certificate, so a second call (or a second
    beat running at the same moment) sends nothing. Not sent for a certificate without an
    end date, no longer valid, or whose person has left. Returns whether it was sent.
    """
    certificate = Certificate.objects.select_related("person").get(pk=certificate.pk)
    person = certificate.person
    if (
        certificate.status != Status.VALID
        or certificate.expires_on is None
        or person is None
        or not person.is_active
    ):
        return False
    try:
        with transaction.atomic():
            RenewalReminder.objects.create(
                certificate=certificate, expires_on=certificate.expires_on
            )
    except IntegrityError:
        return False
    language = person.preferred_language
    with translation.override(language):
        link = settings.SITE_URL + reverse(
            "certificate_detail", kwargs={"code": certificate.grouped_code}
        )
    send_templated_email(
        "certificate_renewal",
        to=person.email,
        language=language,
        context={
            "person": person,
            "certificate": certificate,
            "course_title": certificate.titles().get(language) or certificate.course_title,
            "expires_text": pdf.long_date(certificate.expires_on, language),
            "link": link,
        },
    )
    return True


def renewal_reminders_send(*, today: date | None = None) -> int:
    """Remind everyone whose valid certificate ends within
    ``CERTIFICATES_RENEWAL_REMINDER_DAYS`` days. Repeat-safe (each reminder is sent once).
    Returns how many were sent."""
    today = today or today_in_almaty()
    horizon = today + timedelta(days=settings.CERTIFICATES_RENEWAL_REMINDER_DAYS)
    due = (
        Certificate.objects.filter(
            status=Status.VALID, expires_on__gte=today, expires_on__lte=horizon
        )
        .exclude(Exists(RenewalReminder.objects.filter(certificate=OuterRef("pk"))))
        .values_list("pk", flat=True)
    )
    return sum(renewal_reminder_send(certificate=Certificate(pk=pk)) for pk in list(due))


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
