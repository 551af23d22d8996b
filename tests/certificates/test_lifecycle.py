"""Revoke and reissue: programme managers and administrators only, with a reason, each move
allowed once, audited with actor, time and reason, and the person told by e-mail."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from wagtail.models import ModelLogEntry

from certificates import services
from certificates.models import Certificate
from people.roles import Role
from tests.factories import UserFactory, grant

from .conftest import World


@pytest.fixture
def certificate(world: World, finish: Any) -> Certificate:
    finish(world.tutor, world.course)
    mail.outbox.clear()
    return Certificate.objects.get()


def entries(action: str) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(action=action).order_by("pk"))


def test_a_manager_revokes_with_a_reason_and_it_is_audited(
    world: World, certificate: Certificate, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(
            actor=world.manager, certificate=certificate, reason="  Completion recorded in error. "
        )
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_by == world.manager
    assert certificate.revoke_reason == "Completion recorded in error."
    assert certificate.revoked_at is not None
    [entry] = entries("certificates.revoke")
    assert entry.user_id == world.manager.pk
    assert entry.data["reason"] == "Completion recorded in error."
    assert entry.timestamp is not None
    assert [message.to for message in mail.outbox] == [[world.tutor.email]]
    assert "Completion recorded in error." in mail.outbox[0].body


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_revoking_without_a_reason_is_refused_and_changes_nothing(
    world: World, certificate: Certificate, reason: str
) -> None:
    with pytest.raises(ValidationError) as error:
        services.certificate_revoke(actor=world.manager, certificate=certificate, reason=reason)
    assert error.value.message_dict == {"reason": ["Say why the certificate is revoked."]}
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    assert entries("certificates.revoke") == []


def test_only_managers_and_administrators_change_certificates(
    world: World, certificate: Certificate
) -> None:
    administrator = UserFactory()
    grant(administrator, Role.ADMINISTRATOR)
    for outsider in (world.tutor, world.coordinator_a, world.trainer, world.teacher):
        with pytest.raises(PermissionDenied):
            services.certificate_revoke(actor=outsider, certificate=certificate, reason="No")
        with pytest.raises(PermissionDenied):
            services.certificate_reissue(actor=outsider, certificate=certificate, reason="No")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
    replacement = services.certificate_reissue(
        actor=administrator, certificate=certificate, reason="Template corrected"
    )
    assert replacement.issued_by == administrator


def test_each_move_happens_once(world: World, certificate: Certificate) -> None:
    services.certificate_revoke(actor=world.manager, certificate=certificate, reason="Error")
    with pytest.raises(ValidationError, match="already revoked"):
        services.certificate_revoke(actor=world.manager, certificate=certificate, reason="Again")
    with pytest.raises(ValidationError, match="revoked certificate cannot be reissued"):
        services.certificate_reissue(actor=world.manager, certificate=certificate, reason="Fix")
    assert Certificate.objects.count() == 1
    assert len(entries("certificates.revoke")) == 1


def test_a_replaced_certificate_cannot_be_reissued_or_revoked_again(
    world: World, certificate: Certificate
) -> None:
    replacement = services.certificate_reissue(
        actor=world.manager, certificate=certificate, reason="Name corrected"
    )
    with pytest.raises(ValidationError, match="already been replaced"):
        services.certificate_reissue(actor=world.manager, certificate=certificate, reason="Again")
    with pytest.raises(ValidationError, match="Revoke the newer one"):
        services.certificate_revoke(actor=world.manager, certificate=certificate, reason="x")
    assert Certificate.objects.count() == 2
    third = services.certificate_reissue(
        actor=world.manager, certificate=replacement, reason="Second correction"
    )
    assert third.replaces == replacement
    assert Certificate.objects.filter(status=Certificate.Status.VALID).get() == third


def test_reissuing_needs_a_reason_and_is_audited_on_both_certificates(
    world: World, certificate: Certificate, django_capture_on_commit_callbacks: Any
) -> None:
    with pytest.raises(ValidationError) as error:
        services.certificate_reissue(actor=world.manager, certificate=certificate, reason=" ")
    assert "reason" in error.value.message_dict
    with django_capture_on_commit_callbacks(execute=True):
        replacement = services.certificate_reissue(
            actor=world.manager, certificate=certificate, reason="Name corrected"
        )
    [reissue] = entries("certificates.reissue")
    assert reissue.object_id == str(certificate.pk)
    assert reissue.data == {
        "code": certificate.code,
        "replacement": replacement.code,
        "reason": "Name corrected",
    }
    assert reissue.user_id == world.manager.pk
    issued = entries("certificates.issue")[-1]
    assert issued.object_id == str(replacement.pk)
    assert issued.data["replaces"] == certificate.code
    assert [message.to for message in mail.outbox] == [[world.tutor.email]]
    body = mail.outbox[0].body
    assert replacement.grouped_code in body
    assert certificate.grouped_code in body


def test_the_manager_pages_revoke_and_reissue(
    world: World, certificate: Certificate, client: Client
) -> None:
    client.force_login(world.manager)
    detail = client.get(f"/en/certificates/{certificate.grouped_code}/")
    assert detail.status_code == 200
    assert "Reissue" in detail.content.decode()
    assert "Revoke" in detail.content.decode()

    form = client.get(f"/en/certificates/{certificate.grouped_code}/revoke/")
    assert form.status_code == 200
    # The reason is required, and the form says so: no "(optional)" beside it.
    assert form.context["form"].fields["reason"].required
    assert "field__optional" not in form.content.decode()
    assert '<span class="field__required">(required)</span>' in form.content.decode()
    assert re.search(r"<textarea[^>]*\brequired\b", form.content.decode())
    for language, marker in (("ru", "(обязательно)"), ("kk", "(міндетті)")):
        page = client.get(f"/{language}/certificates/{certificate.grouped_code}/reissue/")
        assert marker in page.content.decode(), language
    refused = client.post(f"/en/certificates/{certificate.grouped_code}/revoke/", {"reason": ""})
    assert refused.status_code == 400
    assert "Say why the certificate is revoked." in refused.content.decode()

    reissued = client.post(
        f"/en/certificates/{certificate.grouped_code}/reissue/", {"reason": "Name corrected"}
    )
    replacement = Certificate.objects.get(replaces=certificate)
    assert reissued.status_code == 302
    assert reissued["Location"] == f"/en/certificates/{replacement.grouped_code}/"
    again = client.post(
        f"/en/certificates/{certificate.grouped_code}/reissue/", {"reason": "Twice"}
    )
    assert again.status_code == 400
    assert "already been replaced" in again.content.decode()

    revoked = client.post(
        f"/en/certificates/{replacement.grouped_code}/revoke/", {"reason": "Fraud"}
    )
    assert revoked.status_code == 302
    history = client.get(f"/en/certificates/{replacement.grouped_code}/").content.decode()
    assert "Fraud" in history
    assert "Certificate revoked" in history


def test_learners_and_coordinators_cannot_open_the_lifecycle_pages(
    world: World, certificate: Certificate, client: Client
) -> None:
    for person in (world.tutor, world.coordinator_a):
        client.force_login(person)
        for action in ("revoke", "reissue"):
            response = client.post(
                f"/en/certificates/{certificate.grouped_code}/{action}/", {"reason": "x"}
            )
            assert response.status_code == 403
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID
