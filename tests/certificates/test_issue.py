"""Issuing: a completed course gets exactly one certificate whose snapshot and PDF are
frozen; a later name or template change never alters them."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from certificates import services
from certificates.models import Certificate
from courses.models import CoursePage, Enrolment
from people import services as people_services
from tests.factories.certificates import publish_template
from tests.factories.courses import course_page

from .conftest import World


def stored_bytes(certificate: Certificate) -> bytes:
    with services.private_storage().open(certificate.pdf_name, "rb") as handle:
        return bytes(handle.read())


def test_completing_a_course_issues_one_certificate_and_emails_a_link(
    world: World, finish: Any
) -> None:
    enrolment = finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    assert certificate.enrolment == enrolment
    assert certificate.person == world.tutor
    assert certificate.status == Certificate.Status.VALID
    assert certificate.language == "kk"  # the tutor's preferred language
    assert certificate.full_name == "Әйгерім Ғалымқызы Сейітова"
    assert certificate.full_name_alt == "Aigerim Galymqyzy Seiitova"
    assert certificate.course_title == "Supporting a child with autism"
    assert certificate.academic_hours == Decimal("8")
    assert certificate.provider == "Qamqorlyq programme"
    assert certificate.expires_on is None
    assert certificate.template is not None
    assert certificate.template.is_default
    assert certificate.template_revision_id == certificate.template.live_revision_id
    assert certificate.snapshot["template"]["version"] >= 1
    data = stored_bytes(certificate)
    assert data.startswith(b"%PDF-1.7")
    assert hashlib.sha256(data).hexdigest() == certificate.pdf_sha256
    assert certificate.pdf_size == len(data)
    assert ModelLogEntry.objects.filter(action="certificates.issue").count() == 1

    assert [message.to for message in mail.outbox] == [[world.tutor.email]]
    message = mail.outbox[0]
    assert f"/kk/certificates/{certificate.grouped_code}/" in message.body
    assert f"/verify/{certificate.grouped_code}/" in message.body


def test_the_completion_date_is_the_day_in_almaty(world: World, finish: Any) -> None:
    enrolment = finish(world.tutor, world.course)
    Certificate.objects.all().delete()
    # 20:30 in UTC on 31 August is already 1 September in Kazakhstan.
    Enrolment.objects.filter(pk=enrolment.pk).update(
        completed_at=datetime(2026, 8, 31, 20, 30, tzinfo=UTC)
    )
    certificate = services.certificate_issue(enrolment=enrolment)
    assert certificate.completed_on == date(2026, 9, 1)
    assert certificate.snapshot["completed_on"] == "2026-09-01"


def test_issuing_again_returns_the_same_certificate(world: World, finish: Any) -> None:
    enrolment = finish(world.tutor, world.course)
    first = Certificate.objects.get()
    again = services.certificate_issue(enrolment=enrolment)
    assert again.pk == first.pk
    assert Certificate.objects.count() == 1
    assert services.certificates_reconcile() == 0


def test_a_revoked_certificate_is_never_quietly_replaced(world: World, finish: Any) -> None:
    enrolment = finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    services.certificate_revoke(actor=world.manager, certificate=certificate, reason="Error")
    again = services.certificate_issue(enrolment=enrolment)
    assert again.pk == certificate.pk
    assert again.status == Certificate.Status.REVOKED
    assert services.certificates_reconcile() == 0
    assert Certificate.objects.count() == 1


def test_no_certificate_before_completion_or_for_a_course_without_one(
    world: World, finish: Any
) -> None:
    from courses.services import enrolment_create

    enrolment = enrolment_create(actor=world.tutor, person=world.tutor, course=world.course)
    with pytest.raises(ValidationError, match="not completed"):
        services.certificate_issue(enrolment=enrolment)
    no_certificate = course_page("Reading club", modules=1, awards_certificate=False)
    other = finish(world.tutor, no_certificate)
    assert not Certificate.objects.filter(enrolment=other).exists()
    with pytest.raises(ValidationError, match="does not award"):
        services.certificate_issue(enrolment=other)
    assert services.certificates_reconcile() == 0


def test_a_later_name_change_never_changes_an_issued_certificate(world: World, finish: Any) -> None:
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    before = stored_bytes(certificate)
    people_services.person_update(
        actor=world.manager,
        person=world.tutor,
        full_name="Әйгерім Ғалымқызы Нұрланова",
        full_name_alt="Aigerim Nurlanova",
        preferred_language="ru",
    )
    certificate.refresh_from_db()
    assert certificate.full_name == "Әйгерім Ғалымқызы Сейітова"
    assert certificate.snapshot["person"]["full_name"] == "Әйгерім Ғалымқызы Сейітова"
    assert stored_bytes(certificate) == before
    assert hashlib.sha256(before).hexdigest() == certificate.pdf_sha256

    # A correction is a reissue: a new certificate with the new name supersedes the old.
    replacement = services.certificate_reissue(
        actor=world.manager, certificate=certificate, reason="Surname changed after marriage"
    )
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.SUPERSEDED
    assert replacement.replaces == certificate
    assert replacement.full_name == "Әйгерім Ғалымқызы Нұрланова"
    assert replacement.language == "ru"
    assert replacement.code != certificate.code
    assert replacement.completed_on == certificate.completed_on
    assert stored_bytes(certificate) == before  # the old PDF is still exactly as issued
    assert replacement.pdf_sha256 != certificate.pdf_sha256


def test_a_template_edit_changes_only_certificates_issued_or_reissued_after_it(
    world: World,
    finish: Any,
) -> None:
    template = publish_template(courses=[world.course], validity_years=5)
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    assert certificate.template == template
    first_revision = certificate.template_revision_id
    before = stored_bytes(certificate)

    template.body_kk = "«{course}» курсынан өтті ({hours})."
    template.save_revision().publish()
    template.refresh_from_db()
    certificate.refresh_from_db()
    assert stored_bytes(certificate) == before
    assert certificate.snapshot["texts"]["kk"]["body"].startswith("«Supporting")
    assert "курсын аяқтады" in certificate.snapshot["texts"]["kk"]["body"]

    replacement = services.certificate_reissue(
        actor=world.manager, certificate=certificate, reason="Template corrected"
    )
    assert replacement.template_revision_id == template.live_revision_id != first_revision
    assert "курсынан өтті" in replacement.snapshot["texts"]["kk"]["body"]


def test_a_course_template_decides_language_and_validity(world: World, finish: Any) -> None:
    publish_template(
        name="In-service",
        language="kk+ru",
        validity_years=5,
        courses=[world.course],
        title_en="",
        body_en="",
    )
    enrolment = finish(world.teacher, world.course)  # prefers English
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.language == "kk+ru"
    assert certificate.snapshot["languages"] == ["kk", "ru"]
    assert set(certificate.snapshot["texts"]) == {"kk", "ru"}
    assert certificate.expires_on == certificate.completed_on.replace(
        year=certificate.completed_on.year + 5
    )


def test_a_translation_of_the_course_gives_the_title_in_the_certificate_language(
    world: World,
    finish: Any,
) -> None:
    from wagtail.models import Locale

    russian = world.course.copy_for_translation(Locale.objects.get(language_code="ru"))
    russian.title = "Сопровождение ребёнка с аутизмом"
    russian.provider = "Программа «Қамқорлық»"
    russian.save_revision().publish()
    finish(world.tutor_b, world.course)  # prefers Russian
    certificate = Certificate.objects.get()
    assert certificate.language == "ru"
    assert certificate.course_title == "Сопровождение ребёнка с аутизмом"
    assert certificate.provider == "Программа «Қамқорлық»"
    assert certificate.course == CoursePage.objects.get(pk=world.course.pk)
