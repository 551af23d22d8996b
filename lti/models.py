"""Platforms (other learning management systems) that launch this product as an LTI 1.3
tool, the tool's own signing keys, the link from a platform's user to a person here, and
the places in a platform's gradebook that a person's progress is sent to."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage, ModulePage


def parse_deployment_ids(value: str) -> list[str]:
    """A platform's deployment ids, one per line."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class Platform(models.Model):
    """A learning management system (Moodle, Canvas, Open edX) that registered this
    product as a tool. Its administrator gives us these values; we give them ours (shown
    on the platform's admin page)."""

    name = models.CharField(_("name"), max_length=200)
    issuer = models.URLField(_("issuer"), max_length=300)
    client_id = models.CharField(_("client ID"), max_length=200)
    auth_login_url = models.URLField(_("authentication request URL"), max_length=500)
    auth_token_url = models.URLField(_("access token URL"), max_length=500)
    key_set_url = models.URLField(_("public key set (JWKS) URL"), max_length=500)
    deployment_ids = models.TextField(
        _("deployment IDs"),
        help_text=_("One per line. Launches from any other deployment are refused."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("LTI platform")
        verbose_name_plural = _("LTI platforms")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "client_id"], name="lti_platform_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def deployment_id_list(self) -> list[str]:
        return parse_deployment_ids(self.deployment_ids)

    def clean(self) -> None:
        super().clean()
        self.deployment_ids = "\n".join(self.deployment_id_list)


class ToolKey(models.Model):
    """An RSA key pair the tool signs with (deep-linking responses, service tokens).

    The private key is stored encrypted with a key derived from ``SECRET_KEY`` and never
    shown. ``kid`` is the RFC 7638 thumbprint of the public key, so it changes with the key
    and a platform holding an older key set can tell keys apart while a rotation settles.
    """

    kid = models.CharField(max_length=100, unique=True, editable=False)
    public_pem = models.TextField(editable=False)
    private_pem_encrypted = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("tool key")
        verbose_name_plural = _("tool keys")

    def __str__(self) -> str:
        return self.kid


class PlatformAccount(models.Model):
    """The platform's user ``subject`` (the launch's ``sub``) of ``issuer`` is ``person``."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="accounts")
    issuer = models.URLField(max_length=300)
    subject = models.CharField(max_length=255)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lti_accounts"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("platform account")
        verbose_name_plural = _("platform accounts")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="lti_account_unique")
        ]

    def __str__(self) -> str:
        return f"{self.subject} @ {self.issuer}"


class GradeTarget(models.Model):
    """A line item in the platform's gradebook for one resource link and one person, and
    what of ours it measures: the course, or one module of it."""

    account = models.ForeignKey(
        PlatformAccount, on_delete=models.CASCADE, related_name="grade_targets"
    )
    resource_link_id = models.CharField(max_length=255)
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+")
    module = models.ForeignKey(
        ModulePage, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    lineitem_url = models.URLField(max_length=500)
    scopes = models.JSONField(default=list)
    score_sent = models.FloatField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("grade target")
        verbose_name_plural = _("grade targets")
        constraints = [
            models.UniqueConstraint(
                fields=["account", "resource_link_id"], name="lti_grade_target_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.account}: {self.lineitem_url}"
