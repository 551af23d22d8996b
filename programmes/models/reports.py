"""Scheduled indicators reports: who receives them, how often, and each run."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from people.models import Region

from .programme import Programme


class ReportSubscription(models.Model):
    """Someone (a funder, a ministry contact; an e-mail address, not an account) who gets
    a programme's indicators report by e-mail every week or month, in their language."""

    class Frequency(models.TextChoices):
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="report_subscriptions"
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("region"),
        help_text=_("Leave empty for the whole programme."),
    )
    recipient_name = models.CharField(_("recipient's name"), max_length=200)
    recipient_email = models.EmailField(_("recipient's e-mail address"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    frequency = models.CharField(_("how often"), max_length=10, choices=Frequency.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    active = models.BooleanField(default=True)
    stopped_at = models.DateTimeField(null=True, blank=True)
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Only in the recipient's e-mails: whoever holds it may stop the subscription.
    unsubscribe_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("scheduled report")
        verbose_name_plural = _("scheduled reports")
        constraints = [
            # One active subscription per address, programme, place and frequency.
            models.UniqueConstraint(
                "programme",
                "region",
                models.functions.Lower("recipient_email"),
                "frequency",
                condition=Q(active=True),
                name="report_subscription_one_active",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_email} · {self.programme.code} · {self.frequency}"


class ReportRun(models.Model):
    """One sending of a subscription for one period (a week starting on its Monday, or a
    month starting on its first): the unique pair makes each period go once."""

    subscription = models.ForeignKey(
        ReportSubscription, on_delete=models.CASCADE, related_name="runs"
    )
    period_start = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "period_start"], name="report_run_once_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subscription_id} · {self.period_start}"
