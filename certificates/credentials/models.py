"""What credentials store: each certificate's signed credential and its place in a status
list, and the status lists themselves (their bits and their signed credential).

A status list's bit is set once its certificate stops being valid (revoked, superseded or
erased) and never cleared, as the revocation purpose requires.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

# At least 131,072 entries (16 KB), as the Bitstring Status List requires for privacy:
# a list that small would tell who is whom.
STATUS_LIST_SIZE = 131_072


class StatusList(models.Model):
    """One published Bitstring Status List (revocation) and its signed credential."""

    wagtail_reference_index_ignore = True

    number = models.PositiveIntegerField(unique=True)
    size = models.PositiveIntegerField(default=STATUS_LIST_SIZE)
    next_index = models.PositiveIntegerField(default=0)
    bits = models.BinaryField(editable=False)
    document = models.JSONField(default=dict, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_index__lte=models.F("size")), name="status_list_within_size"
            )
        ]

    def __str__(self) -> str:
        return f"status list {self.number}"


class CertificateCredential(models.Model):
    """A certificate's Open Badges credential as signed, its status list entry, and the
    PDF it replaced when an older certificate was signed later (kept, never deleted)."""

    wagtail_reference_index_ignore = True

    certificate = models.OneToOneField(
        "certificates.Certificate", on_delete=models.CASCADE, related_name="credential"
    )
    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="+")
    status_index = models.PositiveIntegerField()
    document = models.JSONField(default=dict, editable=False)
    verification_method = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    previous_pdf_name = models.CharField(max_length=255, blank=True, editable=False)
    previous_pdf_sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["status_list", "status_index"], name="credential_status_entry_once"
            )
        ]

    def __str__(self) -> str:
        return f"credential of certificate {self.certificate_id}"
