"""Issued certificates with their frozen snapshot and stored PDF, and renewal reminders."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, Enrolment

from .. import codes
from ..wording import (
    today_in_almaty,
)
from .templates import CertificateTemplate


class Certificate(models.Model):
    """One certificate as issued: a frozen snapshot, its PDF (stored once, with its
    SHA-256), and a status that only services change.

    At most one certificate of an enrolment is valid at a time (a database constraint);
    a reissue supersedes the previous one and points back at it (``replaces``).
    """

    wagtail_reference_index_ignore = True  # high-volume records, not content

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")

    code = models.CharField(_("code"), max_length=codes.LENGTH, unique=True, editable=False)
    enrolment = models.ForeignKey(
        Enrolment,
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        verbose_name=_("enrolment"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
        verbose_name=_("person"),
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.PROTECT, related_name="+", verbose_name=_("course")
    )
    template = models.ForeignKey(
        CertificateTemplate, null=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    template_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    job = models.ForeignKey(
        "CertificateJob", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The snapshot: what the certificate says, frozen at issue. The columns repeat the
    # parts that lists and searches need; ``snapshot`` holds everything the PDF printed.
    language = models.CharField(_("language"), max_length=8)
    full_name = models.CharField(_("name"), max_length=200)
    full_name_alt = models.CharField(_("second spelling of the name"), max_length=200, blank=True)
    course_title = models.CharField(_("course"), max_length=255)
    academic_hours = models.DecimalField(_("academic hours"), max_digits=5, decimal_places=1)
    completed_on = models.DateField(_("completed on"))
    provider = models.CharField(_("issued by"), max_length=255)
    snapshot = models.JSONField(default=dict, editable=False)

    issued_at = models.DateTimeField(_("issued on"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.VALID
    )
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )
    reason = models.TextField(_("reason for reissue"), blank=True)
    superseded_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoke_reason = models.TextField(_("reason for revocation"), blank=True)

    pdf_name = models.CharField(max_length=255, editable=False)
    pdf_sha256 = models.CharField(max_length=64, editable=False)
    pdf_size = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=Q(status="valid"),
                name="certificate_one_valid_per_enrolment",
            ),
            models.CheckConstraint(
                condition=~Q(status="revoked")
                | (Q(revoked_at__isnull=False) & ~Q(revoke_reason="")),
                name="certificate_revoked_has_date_and_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="superseded") | Q(superseded_at__isnull=False),
                name="certificate_superseded_has_date",
            ),
            models.CheckConstraint(condition=~Q(pdf_sha256=""), name="certificate_has_its_pdf"),
        ]
        indexes = [
            models.Index(fields=["course", "status"], name="certificate_course_status"),
            models.Index(fields=["person", "status"], name="certificate_person_status"),
            models.Index(fields=["status", "expires_on"], name="certificate_status_expiry"),
        ]

    def __str__(self) -> str:
        return f"{self.grouped_code} — {self.full_name}"

    @property
    def grouped_code(self) -> str:
        return codes.grouped(self.code)

    @property
    def languages(self) -> list[str]:
        return list(self.snapshot.get("languages") or [self.language])

    @property
    def is_expired(self) -> bool:
        return (
            self.status == self.Status.VALID
            and self.expires_on is not None
            and self.expires_on < today_in_almaty()
        )

    @property
    def display_status(self) -> str:
        """valid, expired, revoked or superseded: what a verifier is told."""
        if self.status == self.Status.VALID and self.is_expired:
            return "expired"
        return self.status

    @property
    def verify_path(self) -> str:
        """The address printed as a QR code: without a language prefix, so that it opens in
        the language of whoever scans it."""
        from django.urls import reverse

        return reverse("certificate_verify_qr", kwargs={"code": self.grouped_code})

    @property
    def verify_url(self) -> str:
        return settings.SITE_URL + self.verify_path

    def titles(self) -> dict[str, str]:
        return dict(
            self.snapshot.get("course", {}).get("titles") or {self.language: self.course_title}
        )

    def providers(self) -> dict[str, str]:
        return dict(self.snapshot.get("providers") or {self.language: self.provider})


class RenewalReminder(models.Model):
    """The renewal reminder sent for a certificate. One per certificate: the database
    refuses a second one, so the reminder goes out once however often beat runs."""

    wagtail_reference_index_ignore = True

    certificate = models.OneToOneField(
        Certificate, on_delete=models.CASCADE, related_name="renewal_reminder"
    )
    expires_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("renewal reminder")
        verbose_name_plural = _("renewal reminders")

    def __str__(self) -> str:
        return f"{self.certificate}: {self.sent_at:%Y-%m-%d}"
