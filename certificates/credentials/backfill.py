"""Credentials and signatures for certificates issued before there were any.

The frozen PDF is signed as a new revision of the same certificate record: the code, the
verification address and what the certificate says do not change; the file it replaces is
kept and its SHA-256 recorded, so either file still checks as ours.
"""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.log_actions import log

from .. import signing
from ..models import Certificate, CertificateCredential
from . import services

Status = Certificate.Status


@transaction.atomic
def certificate_sign(*, certificate: Certificate) -> bool:
    """Give one valid certificate without a credential its credential and a signed PDF.

    Repeat-safe: the row is locked, and a certificate that has a credential (or is not
    valid, or whose PDF was erased) is left as it is. Audited. Returns whether it changed.
    """
    from ..services import private_storage

    certificate = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("person")
        .get(pk=certificate.pk)
    )
    if (
        certificate.status != Status.VALID
        or not certificate.pdf_name
        or CertificateCredential.objects.filter(certificate=certificate).exists()
    ):
        return False
    storage = private_storage()
    with storage.open(certificate.pdf_name, "rb") as stored:
        original = stored.read()
    previous_name, previous_sha256 = certificate.pdf_name, certificate.pdf_sha256
    if hashlib.sha256(original).hexdigest() != previous_sha256:
        raise ValueError(f"The stored PDF of {certificate.code} does not match its hash.")
    prepared = services.credential_prepare(certificate=certificate)
    document = signing.finish(original, prepared.document)
    name = storage.save(
        f"certificates/{certificate.code[:2]}/{certificate.code}-signed.pdf", ContentFile(document)
    )
    try:
        certificate.pdf_name = name
        certificate.pdf_sha256 = hashlib.sha256(document).hexdigest()
        certificate.pdf_size = len(document)
        certificate.save(update_fields=["pdf_name", "pdf_sha256", "pdf_size"])
        services.credential_record(
            certificate=certificate,
            prepared=prepared,
            previous_pdf_name=previous_name,
            previous_pdf_sha256=previous_sha256,
        )
    except Exception:
        storage.delete(name)
        raise
    log(
        certificate,
        "certificates.sign",
        user=None,
        data={"code": certificate.code, "previous_sha256": previous_sha256},
    )
    return True
