"""The personal data certificates keeps: the certificates issued to a person, and their PDFs.

Erasure keeps every certificate's code, course, hours and dates, so that a code printed on
paper still verifies, now to "revoked", and the programme's figures do not move; the name
and the PDF (which prints the name) go.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from people.models import User

from .models import Certificate
from .services import private_storage
from .signals import announce_certificate_changed

Status = Certificate.Status


def export(person: User) -> dict[str, Any]:
    return {
        "certificates": [
            {
                "code": c.grouped_code,
                "status": c.get_status_display(),
                "name": c.full_name,
                "second_spelling": c.full_name_alt,
                "course": c.course_title,
                "academic_hours": c.academic_hours,
                "completed_on": c.completed_on,
                "issued_by": c.provider,
                "issued_on": c.issued_at,
                "valid_until": c.expires_on,
                "revoked_on": c.revoked_at,
                "reason_for_revocation": c.revoke_reason,
                "pdf_sha256": c.pdf_sha256,
            }
            for c in Certificate.objects.filter(person=person).order_by("issued_at", "pk")
        ]
    }


def export_files(person: User) -> list[tuple[str, bytes]]:
    """Each certificate's PDF, exactly as stored."""
    storage = private_storage()
    files = []
    for certificate in Certificate.objects.filter(person=person).exclude(pdf_name=""):
        if not storage.exists(certificate.pdf_name):
            continue
        with storage.open(certificate.pdf_name, "rb") as stored:
            files.append((f"certificates/{certificate.code}.pdf", stored.read()))
    return files


def erase(person: User, actor: User) -> None:
    """Revoke the person's valid certificates as erased, remove the names from every
    certificate of theirs (and from the snapshot the PDF was made from) and delete the
    PDFs. Each revocation is audited like any other."""
    storage = private_storage()
    now = timezone.now()
    reason = str(_("The person's personal data was erased at their request."))
    for certificate in Certificate.objects.select_for_update().filter(person=person):
        if certificate.status == Status.VALID:
            certificate.status = Status.REVOKED
            certificate.revoked_at = now
            certificate.revoked_by = actor
            certificate.revoke_reason = reason
            log(
                certificate,
                "certificates.revoke",
                user=actor,
                data={"code": certificate.code, "reason": reason},
            )
        if certificate.pdf_name:
            storage.delete(certificate.pdf_name)
        certificate.full_name = str(_("[erased]"))
        certificate.full_name_alt = ""
        # The snapshot's person and the texts printed with the name filled in.
        certificate.snapshot = {
            key: value
            for key, value in certificate.snapshot.items()
            if key not in ("person", "texts")
        }
        certificate.pdf_name = ""
        certificate.pdf_size = 0
        certificate.save()
        announce_certificate_changed(certificate.pk, certificate.person_id)
