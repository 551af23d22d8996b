"""Bulk jobs: issuing or reissuing a course's certificates in the background."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, Enrolment

from .certificates import Certificate


class CertificateJob(models.Model):
    """Issuing missing certificates of a course, or reissuing its certificates with the
    template as now published, in the background.

    The job lists its targets as items when it starts; progress is the share of items
    handled, so a job picked up again after a crash neither loses nor double-counts work.
    """

    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        ISSUE_MISSING = "issue_missing", _("Issue missing certificates")
        REGENERATE = "regenerate", _("Reissue with the current template")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("what to do"), max_length=20, choices=Kind.choices)
    course = models.ForeignKey(
        CoursePage, on_delete=models.PROTECT, related_name="+", verbose_name=_("course")
    )
    reason = models.TextField(_("reason"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    progressed_at = models.DateTimeField(null=True, blank=True)
    total = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("certificate job")
        verbose_name_plural = _("certificate jobs")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.course}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class CertificateJobItem(models.Model):
    """One target of a job: an enrolment to issue for, or a certificate to reissue."""

    wagtail_reference_index_ignore = True

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DONE = "done", _("Done")
        SKIPPED = "skipped", _("Nothing to do")
        FAILED = "failed", _("Failed")

    job = models.ForeignKey(CertificateJob, on_delete=models.CASCADE, related_name="items")
    enrolment = models.ForeignKey(
        Enrolment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    certificate = models.ForeignKey(
        Certificate, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    message = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(enrolment__isnull=True, certificate__isnull=False)
                | Q(enrolment__isnull=False, certificate__isnull=True),
                name="certificate_job_item_one_target",
            ),
            models.UniqueConstraint(
                fields=["job", "enrolment"],
                condition=Q(enrolment__isnull=False),
                name="certificate_job_item_enrolment_once",
            ),
            models.UniqueConstraint(
                fields=["job", "certificate"],
                condition=Q(certificate__isnull=False),
                name="certificate_job_item_certificate_once",
            ),
        ]
        indexes = [models.Index(fields=["job", "outcome"], name="certificate_job_item_outcome")]

    def __str__(self) -> str:
        return f"{self.job_id}: {self.enrolment_id or self.certificate_id} ({self.outcome})"
