"""Issuing a completed enrolment's certificate, and reconciling those that were missed."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Exists, OuterRef, QuerySet, When
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.tasks import send_task_after_commit
from courses.models import Enrolment

from .. import renewal
from ..models import (
    Certificate,
    CertificateJob,
    Renewal,
)
from .access import Status
from .building import _build, _email_issued, _store

logger = logging.getLogger(__name__)

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
    built = _build(
        enrolment=enrolment,
        person=enrolment.person,
        course=course,
        issued_at=issued_at or timezone.now(),
        issued_by=None,
        job=job,
    )
    # Completing a renewal path renews the certificate it was opened for.
    open_renewal = renewal.renewal_for_issue(enrolment=enrolment, completed_on=built.completed_on)
    if open_renewal is not None and renewal.practice_missing(open_renewal):
        # The renewal stays open; recording the practice issues the certificate
        # (``renewals_practice_issue``), and the person's page says what is missing.
        raise ValidationError(
            _(
                "The certificate is renewed once observed practice since %(date)s is "
                "recorded as well."
            )
            % {"date": renewal.practice_since(open_renewal).strftime("%d.%m.%Y")}
        )
    if open_renewal is not None:
        renewal.renewed_fields(certificate=built, renewal=open_renewal)
    certificate = _store(built)
    if open_renewal is not None:
        renewal.renewal_close(renewal=open_renewal, certificate=certificate)
    log(
        certificate,
        "certificates.issue",
        user=None,
        data={"code": certificate.code, "enrolment": enrolment.pk},
    )
    _email_issued(certificate)
    if certificate.expires_on is not None:
        # Issued late, or renewed: its own window may already be open.
        send_task_after_commit("certificates.renewal_open", certificate.pk)
    return certificate


def certificates_reconcile(*, limit: int = 500) -> int:
    """Issue the missing certificate of every completed enrolment of a course that awards
    one (for example, the broker was down when the course was completed). Repeat-safe: each
    issue is its own transaction and skips an enrolment that got its certificate meanwhile.
    Returns how many were issued; runs ``limit`` at most, the rest on the next run."""
    missing = (
        Enrolment.objects.filter(status=Enrolment.Status.COMPLETED, course__awards_certificate=True)
        .exclude(Exists(Certificate.objects.filter(enrolment=OuterRef("pk"))))
        # A renewal waiting for observed practice is issued when it is recorded.
        .exclude(Exists(_waiting_for_practice().filter(enrolment=OuterRef("pk"))))
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


def _waiting_for_practice() -> QuerySet[Renewal]:
    return Renewal.objects.filter(status=Renewal.Status.OPEN, rule__requires_observed_practice=True)


def renewals_practice_issue(*, person_ids: Iterable[int] | None = None) -> int:
    """Issue the renewed certificates that waited only for observed practice: for each
    person with an open renewal that asks for it (``person_ids``, or everyone: beat), each
    completed enrolment without a certificate is issued again; ``certificate_issue``
    decides. Repeat-safe, each issue its own transaction. Returns how many were issued."""
    waiting = _waiting_for_practice()
    if person_ids is not None:
        waiting = waiting.filter(person_id__in=list(person_ids))
    enrolment_ids = (
        Enrolment.objects.filter(
            person_id__in=waiting.values("person_id"),
            status=Enrolment.Status.COMPLETED,
            course__awards_certificate=True,
        )
        .exclude(Exists(Certificate.objects.filter(enrolment=OuterRef("pk"))))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    issued = 0
    for enrolment_id in list(enrolment_ids):
        try:
            certificate_issue(enrolment=Enrolment(pk=enrolment_id))
        except ValidationError:
            continue  # still waiting
        issued += 1
    return issued
