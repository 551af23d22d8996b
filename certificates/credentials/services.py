"""Every write of credentials: a certificate's credential at issue, and the status list
when a certificate stops being valid. Called inside the certificate services'
transactions, so a certificate and its credential are written together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import F

from . import did, document, keys, proof, status
from .models import STATUS_LIST_SIZE, CertificateCredential, StatusList

if TYPE_CHECKING:
    from ..models import Certificate


@dataclass(frozen=True)
class PreparedCredential:
    document: dict[str, Any]
    status_list: StatusList
    status_index: int
    verification_method: str


def _open_list() -> StatusList:
    """The status list that takes the next entry, locked; a new one once it is full."""
    current = (
        StatusList.objects.select_for_update()
        .filter(next_index__lt=F("size"))
        .order_by("number")
        .first()
    )
    if current is not None:
        return current
    last = StatusList.objects.order_by("-number").values_list("number", flat=True).first()
    try:
        with transaction.atomic():
            created = StatusList.objects.create(
                number=(last or 0) + 1,
                size=STATUS_LIST_SIZE,
                bits=status.empty_bits(STATUS_LIST_SIZE),
            )
    except IntegrityError:  # another issue created it at the same moment
        return _open_list()
    _publish(created)
    return StatusList.objects.select_for_update().get(pk=created.pk)


def _publish(status_list: StatusList) -> None:
    status_list.document = status.list_credential(status_list)
    status_list.save(update_fields=["document", "updated_at"])


def sign(unsigned: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """``unsigned`` with a proof by the current credential key, and that key's method."""
    signer = keys.credential_keys()
    method = did.method_id(signer.current_id)
    return (
        proof.sign(
            unsigned, key=signer.current, verification_method=method, created=unsigned["validFrom"]
        ),
        method,
    )


def credential_prepare(*, certificate: Certificate) -> PreparedCredential:
    """Take the next status list entry and sign the certificate's credential (the
    certificate need not be saved yet). Must run inside the issuing transaction: the entry
    is taken under a lock on its list."""
    status_list = _open_list()
    index = status_list.next_index
    StatusList.objects.filter(pk=status_list.pk).update(next_index=index + 1)
    person = certificate.person
    unsigned = document.build(
        certificate=certificate,
        email=person.email if person is not None else "",
        status_list=status_list.number,
        status_index=index,
    )
    signed, method = sign(unsigned)
    return PreparedCredential(
        document=signed, status_list=status_list, status_index=index, verification_method=method
    )


def credential_record(
    *,
    certificate: Certificate,
    prepared: PreparedCredential,
    previous_pdf_name: str = "",
    previous_pdf_sha256: str = "",
) -> CertificateCredential:
    return CertificateCredential.objects.create(
        certificate=certificate,
        status_list=prepared.status_list,
        status_index=prepared.status_index,
        document=prepared.document,
        verification_method=prepared.verification_method,
        previous_pdf_name=previous_pdf_name,
        previous_pdf_sha256=previous_pdf_sha256,
    )


def credential_status_revoke(*, certificate: Certificate, erase: bool = False) -> bool:
    """Set the certificate's status bit and publish its list signed again: after a
    revocation, a reissue (the old one is superseded) or an erasure. With ``erase`` the
    stored credential (its salted hash of the address) goes too; the entry stays, set.
    Repeat-safe. Returns whether the certificate has a credential."""
    credential = CertificateCredential.objects.filter(certificate=certificate).first()
    if credential is None:
        return False
    status_list = StatusList.objects.select_for_update().get(pk=credential.status_list_id)
    bits = bytes(status_list.bits)
    if not status.bit_is_set(bits, credential.status_index):
        status_list.bits = status.with_bit_set(bits, credential.status_index)
        status_list.save(update_fields=["bits", "updated_at"])
        _publish(status_list)
    if erase and credential.document:
        credential.document = {}
        credential.save(update_fields=["document"])
    return True


def status_lists_publish() -> int:
    """Sign every status list again (after a key rotation). Returns how many."""
    count = 0
    for pk in StatusList.objects.values_list("pk", flat=True):
        with transaction.atomic():
            _publish(StatusList.objects.select_for_update().get(pk=pk))
        count += 1
    return count
