"""Issuing a completed enrolment's certificate, and reconciling those that were missed."""

from __future__ import annotations

import logging
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Exists, OuterRef, When
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from courses.models import Enrolment

from ..models import (
    Certificate,
    CertificateJob,
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
