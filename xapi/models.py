"""The outbox of xAPI statements waiting for, or already sent to, the LRS."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    """One xAPI statement, built and given its id when the event happened, in the event's
    own transaction. ``payload`` is sent as it is, so a resend is the same statement
    (the LRS keeps one per id).

    ``person`` is cleared (``SET_NULL``) if the account row ever goes; erasure deletes the
    person's rows outright (``xapi.privacy``), so nothing personal stays behind.
    """

    class Kind(models.TextChoices):
        REGISTERED = "registered", _("Enrolled")
        MODULE_COMPLETED = "module_completed", _("Module completed")
        CHECK_ANSWERED = "check_answered", _("Knowledge check answered")
        CHECK_PASSED = "check_passed", _("Knowledge check passed")
        CHECK_FAILED = "check_failed", _("Knowledge check failed")
        REFLECTION_ACCEPTED = "reflection_accepted", _("Reflection accepted")
        COURSE_COMPLETED = "course_completed", _("Course completed")
        CERTIFICATE_ISSUED = "certificate_issued", _("Certificate issued")
        CERTIFICATE_REVOKED = "certificate_revoked", _("Certificate revoked")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    payload = models.JSONField(_("statement"))
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("person"),
    )
    created_at = models.DateTimeField(_("recorded on"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at", "created_at"],
                condition=models.Q(sent_at__isnull=True),
                name="xapi_statement_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.id}"
