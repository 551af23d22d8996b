"""Certificate templates (edited in the admin, versioned), issued certificates with their
frozen snapshot and stored PDF, renewal reminders, and bulk jobs.

An issued certificate never changes what it says: its snapshot and its PDF are written
once. Correcting one is a reissue: a new certificate that supersedes the old one. Only
the status columns (revoked, superseded) move, and only through ``services``.
"""

from __future__ import annotations

from ..wording import (
    ALMATY,
    BODY_HELP,
    PLACEHOLDERS,
    TEMPLATE_TEXT_LANGUAGES,
    TEXT_LANGUAGES,
    CertificateLanguage,
    check_placeholders,
    fill_placeholders,
    placeholder_list,
    today_in_almaty,
)
from .certificates import Certificate, RenewalReminder
from .jobs import CertificateJob, CertificateJobItem
from .templates import CertificateSignatory, CertificateTemplate

__all__ = [
    "ALMATY",
    "BODY_HELP",
    "PLACEHOLDERS",
    "TEMPLATE_TEXT_LANGUAGES",
    "TEXT_LANGUAGES",
    "Certificate",
    "CertificateJob",
    "CertificateJobItem",
    "CertificateLanguage",
    "CertificateSignatory",
    "CertificateTemplate",
    "RenewalReminder",
    "check_placeholders",
    "fill_placeholders",
    "placeholder_list",
    "today_in_almaty",
]
