"""Renewal reminders: each certificate that ends soon is reminded once."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import translation

from core.mail import send_templated_email

from .. import pdf
from ..models import (
    Certificate,
    RenewalReminder,
    today_in_almaty,
)
from .access import Status

# --- Renewal reminders ------------------------------------------------------------------------


@transaction.atomic
def renewal_reminder_send(*, certificate: Certificate) -> bool:
    """E-mail the person that their certificate expires soon, in their language.

    Sent once: the reminder row is unique per certificate, so a second call (or a second
    beat running at the same moment) sends nothing. Not sent for a certificate without an
    end date, no longer valid, or whose person has left. Returns whether it was sent.
    """
    certificate = Certificate.objects.select_related("person").get(pk=certificate.pk)
    person = certificate.person
    if (
        certificate.status != Status.VALID
        or certificate.expires_on is None
        or person is None
        or not person.is_active
    ):
        return False
    try:
        with transaction.atomic():
            RenewalReminder.objects.create(
                certificate=certificate, expires_on=certificate.expires_on
            )
    except IntegrityError:
        return False
    language = person.preferred_language
    with translation.override(language):
        link = settings.SITE_URL + reverse(
            "certificate_detail", kwargs={"code": certificate.grouped_code}
        )
    send_templated_email(
        "certificate_renewal",
        to=person.email,
        language=language,
        context={
            "person": person,
            "certificate": certificate,
            "course_title": certificate.titles().get(language) or certificate.course_title,
            "expires_text": pdf.long_date(certificate.expires_on, language),
            "link": link,
        },
    )
    return True


def renewal_reminders_send(*, today: date | None = None) -> int:
    """Remind everyone whose valid certificate ends within
    ``CERTIFICATES_RENEWAL_REMINDER_DAYS`` days. Repeat-safe (each reminder is sent once).
    Returns how many were sent."""
    today = today or today_in_almaty()
    horizon = today + timedelta(days=settings.CERTIFICATES_RENEWAL_REMINDER_DAYS)
    due = (
        Certificate.objects.filter(
            status=Status.VALID, expires_on__gte=today, expires_on__lte=horizon
        )
        .exclude(Exists(RenewalReminder.objects.filter(certificate=OuterRef("pk"))))
        .values_list("pk", flat=True)
    )
    return sum(renewal_reminder_send(certificate=Certificate(pk=pk)) for pk in list(due))
