"""Expiry and renewal: a certificate with a validity ends; its holder is reminded once,
CERTIFICATES_RENEWAL_REMINDER_DAYS before; the database refuses a second reminder."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.db import IntegrityError, transaction

from certificates import services, tasks
from certificates.models import Certificate, RenewalReminder, today_in_almaty
from tests.factories.certificates import publish_template

from .conftest import World


@pytest.fixture
def expiring(world: World, finish: Any, settings: Any) -> Certificate:
    settings.CERTIFICATES_RENEWAL_REMINDER_DAYS = 30
    publish_template(validity_years=5, courses=[world.course])
    finish(world.tutor, world.course)
    mail.outbox.clear()
    certificate = Certificate.objects.get()
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=today_in_almaty() + timedelta(days=20)
    )
    certificate.refresh_from_db()
    return certificate


def test_beat_runs_the_reminders_and_the_reconciliation() -> None:
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"certificates.reconcile", "certificates.renewal_reminders_send"} <= scheduled


def test_the_holder_is_reminded_once_before_expiry(
    expiring: Certificate, world: World, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.renewal_reminders_send() == 1
    assert [m.to for m in mail.outbox] == [[world.tutor.email]]
    message = mail.outbox[0]
    assert expiring.grouped_code in message.body
    assert "жылғы" in message.subject  # in the holder's language (Kazakh), with the date
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.renewal_reminders_send() == 0
        assert services.renewal_reminder_send(certificate=expiring) is False
    assert len(mail.outbox) == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        RenewalReminder.objects.create(certificate=expiring, expires_on=expiring.expires_on)


def test_no_reminder_too_early_without_an_end_or_for_a_revoked_certificate(
    expiring: Certificate, world: World
) -> None:
    Certificate.objects.filter(pk=expiring.pk).update(
        expires_on=today_in_almaty() + timedelta(days=45)
    )
    assert tasks.renewal_reminders_send() == 0
    Certificate.objects.filter(pk=expiring.pk).update(expires_on=None)
    assert tasks.renewal_reminders_send() == 0
    Certificate.objects.filter(pk=expiring.pk).update(
        expires_on=today_in_almaty() + timedelta(days=5)
    )
    services.certificate_revoke(actor=world.manager, certificate=expiring, reason="Error")
    assert tasks.renewal_reminders_send() == 0
    assert not RenewalReminder.objects.exists()


def test_an_expired_certificate_shows_as_expired(expiring: Certificate) -> None:
    assert expiring.display_status == "valid"
    Certificate.objects.filter(pk=expiring.pk).update(
        expires_on=today_in_almaty() - timedelta(days=1)
    )
    expiring.refresh_from_db()
    assert expiring.display_status == "expired"
    assert expiring.status == Certificate.Status.VALID  # expiry is a date, not a move
