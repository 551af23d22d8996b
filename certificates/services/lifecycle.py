"""Revoking and reissuing certificates."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.mail import send_templated_email
from courses.models import Enrolment
from people.models import User

from .. import renewal
from ..credentials import services as credential_services
from ..models import (
    Certificate,
    CertificateJob,
)
from ..signals import announce_certificate_changed, certificate_event
from .access import _check_may_manage, _check_move
from .building import _build, _email_issued, _store

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
    credential_services.credential_status_revoke(certificate=certificate)
    announce_certificate_changed(certificate.pk, certificate.person_id)
    certificate_event.send(
        sender=None, kind="revoked", certificate=certificate, at=certificate.revoked_at
    )
    log(
        certificate,
        "certificates.revoke",
        user=actor,
        data={"code": certificate.code, "reason": reason},
    )
    renewal.certificate_revoked(certificate=certificate, actor=actor)
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
    credential_services.credential_status_revoke(certificate=certificate)
    announce_certificate_changed(certificate.pk, certificate.person_id)
    built = _build(
        enrolment=certificate.enrolment,
        person=certificate.person,
        course=certificate.course,
        issued_at=now,
        issued_by=actor,
        replaces=certificate,
        reason=reason,
        job=job,
    )
    renewal.carry_over(old=certificate, new=built)
    replacement = _store(built)
    renewal.carried_over(old=certificate, new=replacement)
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
