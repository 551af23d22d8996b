"""The certificate lifecycle's allowed moves and who may run it; the private store of PDFs."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import Storage, storages
from django.utils.translation import gettext as _

from people import scoping
from people.models import User

from ..models import (
    Certificate,
)

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
