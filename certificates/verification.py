"""Checking an uploaded certificate file: a signed PDF or an Open Badges credential (JSON).

The answer says whether the signature holds, whether the file is one we issued (its
SHA-256 is on record, or its credential is the one we stored), and the certificate's
status now: valid, expired, revoked or superseded; or that the file was altered, signed
by someone else, or is not one of our certificates. Nothing here writes.

Files are read with limits, as other uploads: a size cap (checked before reading the
whole file), JSON nested at most a few levels deep, and PDFs parsed by pyHanko and
pikepdf, whose errors become an answer rather than a crash.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from . import codes, signing
from .credentials import did, proof, status
from .credentials.jsonld import UnknownContext
from .models import Certificate, CertificateCredential, StatusList

logger = logging.getLogger(__name__)

MAX_JSON_DEPTH = 20

# Outcomes, most specific first. The first four are about a file we issued and that is
# intact; the others say why it cannot be trusted.
VALID, EXPIRED, REVOKED, SUPERSEDED = "valid", "expired", "revoked", "superseded"
ALTERED, FOREIGN, UNKNOWN, UNREADABLE = "altered", "foreign", "unknown", "unreadable"


@dataclass
class FileCheck:
    outcome: str
    kind: str  # "pdf" or "json"
    certificate: Certificate | None = None
    signature_valid: bool = False
    ours: bool = False
    signer: str = ""
    notes: list[str] = field(default_factory=list)


def _depth(value: Any, limit: int) -> int:
    if limit < 0:
        raise ValueError("too deep")
    if isinstance(value, dict):
        return 1 + max((_depth(item, limit - 1) for item in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(item, limit - 1) for item in value), default=0)
    return 0


def parse_json(data: bytes) -> dict[str, Any] | None:
    try:
        loaded = json.loads(data.decode("utf-8"))
        _depth(loaded, MAX_JSON_DEPTH)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return loaded if isinstance(loaded, dict) else None


def _status_of(certificate: Certificate) -> str:
    return {
        "valid": VALID,
        "expired": EXPIRED,
        "revoked": REVOKED,
        "superseded": SUPERSEDED,
    }[certificate.display_status]


def _status_bit_set(credential: dict[str, Any]) -> bool | None:
    """Whether the credential's revocation bit is set in our published list (None: the
    credential names no list of ours)."""
    entry = credential.get("credentialStatus")
    if not isinstance(entry, dict):
        return None
    url = entry.get("statusListCredential")
    index = entry.get("statusListIndex")
    if not isinstance(url, str) or not isinstance(index, str) or not index.isdigit():
        return None
    for status_list in StatusList.objects.all().only("number", "document"):
        if status_list.document.get("id") == url:
            encoded = status_list.document["credentialSubject"]["encodedList"]
            bits = status.decode(encoded)
            position = int(index)
            return position < len(bits) * 8 and status.bit_is_set(bits, position)
    return None


def _certificate_from_credential(credential: dict[str, Any]) -> Certificate | None:
    identifier = credential.get("id")
    if not isinstance(identifier, str):
        return None
    code = codes.normalise(identifier.rstrip("/").rsplit("/", 1)[-1])
    if code is None:
        return None
    return Certificate.objects.filter(code=code).first()


def check_credential(credential: dict[str, Any], *, kind: str = "json") -> FileCheck:
    """Check a credential's proof, whether it is the one we issued, and its status."""
    try:
        proof.verify(credential, resolve=did.resolve_own)
    except proof.ProofError as error:
        if error.code == "foreign_key":
            return FileCheck(FOREIGN, kind)
        if error.code == "bad_signature":
            return FileCheck(ALTERED, kind, certificate=_certificate_from_credential(credential))
        return FileCheck(UNKNOWN, kind)
    except (UnknownContext, ValueError):
        return FileCheck(UNKNOWN, kind)
    certificate = _certificate_from_credential(credential)
    stored = (
        CertificateCredential.objects.filter(certificate=certificate).first()
        if certificate
        else None
    )
    result = FileCheck(VALID, kind, certificate=certificate, signature_valid=True)
    if certificate is None or stored is None:
        result.outcome = UNKNOWN
        return result
    # An erased person's credential is no longer stored; the signature and the status
    # list still speak for it.
    result.ours = not stored.document or stored.document == credential
    if not result.ours:
        result.outcome = ALTERED
        return result
    revoked_bit = _status_bit_set(credential)
    result.outcome = _status_of(certificate)
    if revoked_bit and result.outcome in (VALID, EXPIRED):
        result.outcome = REVOKED  # the published list is what outside verifiers see
    return result


def check_pdf(data: bytes) -> FileCheck:
    """A PDF is ours when its SHA-256 is that of a file we stored (the current one or the
    one a later signing replaced); otherwise its signature says why not."""
    digest = hashlib.sha256(data).hexdigest()
    certificate = Certificate.objects.filter(
        Q(pdf_sha256=digest) | Q(credential__previous_pdf_sha256=digest)
    ).first()
    try:
        signature = signing.check_signature(data)
    except Exception:  # pyHanko raises many kinds on a damaged or hostile file
        logger.info("An uploaded PDF could not be read for its signature.", exc_info=True)
        signature = None
    if certificate is not None:
        return FileCheck(
            _status_of(certificate),
            "pdf",
            certificate=certificate,
            signature_valid=bool(signature and signature.signed and signature.intact),
            ours=True,
            signer=signature.signer if signature else "",
        )
    if signature is None:
        return FileCheck(UNREADABLE, "pdf")
    result = FileCheck(UNKNOWN, "pdf", signer=signature.signer)
    if not signature.signed:
        return result
    if not signature.intact:
        result.outcome = ALTERED
        credential = signing.embedded_credential(data)
        if credential is not None:
            result.certificate = _certificate_from_credential(credential)
        return result
    result.signature_valid = True
    result.outcome = UNKNOWN if signature.ours else FOREIGN
    return result


def check_file(data: bytes) -> FileCheck:
    """A PDF (by its header) or a credential JSON."""
    if data.lstrip()[:5] == b"%PDF-":
        return check_pdf(data)
    credential = parse_json(data)
    if credential is None:
        return FileCheck(UNREADABLE, "json")
    return check_credential(credential)
