"""Reading a certificate's frozen PDF back from private storage.

The PDF is stored once, when the certificate is issued, with its SHA-256 in the row. Every
read compares the two, wherever the file lives (a local directory or a bucket shared by
several nodes), so a file damaged or replaced in storage is never handed out as the
certificate.
"""

from __future__ import annotations

import hashlib
import logging

from core.storage import private_storage

from .models import Certificate

logger = logging.getLogger(__name__)


class StoredPdfDamaged(RuntimeError):
    """The stored file is missing or is not the PDF the certificate was issued with."""


def stored_pdf(certificate: Certificate) -> bytes:
    """The certificate's PDF exactly as issued. Raises ``StoredPdfDamaged`` (and logs it)
    when the file is missing or its SHA-256 differs from the one recorded at issue."""
    try:
        with private_storage().open(certificate.pdf_name, "rb") as handle:
            content = handle.read()
    except (FileNotFoundError, OSError) as error:
        logger.error("Certificate %s: its stored PDF cannot be read", certificate.code)
        raise StoredPdfDamaged(certificate.code) from error
    if hashlib.sha256(content).hexdigest() != certificate.pdf_sha256:
        logger.error("Certificate %s: its stored PDF does not match its SHA-256", certificate.code)
        raise StoredPdfDamaged(certificate.code)
    return content
