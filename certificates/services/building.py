"""Templates as prepared for issuing, the frozen snapshot of a certificate, and its stored PDF."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import text
from core.mail import send_templated_email
from courses.models import CoursePage, Enrolment
from people.models import User

from .. import codes, pdf, signing
from ..credentials import services as credential_services
from ..models import (
    ALMATY,
    Certificate,
    CertificateJob,
    CertificateSignatory,
    CertificateTemplate,
)
from ..setup import ensure_default_template
from ..signals import announce_certificate_changed, certificate_event
from .access import private_storage

# --- Templates and snapshots -----------------------------------------------------------------


@dataclass(frozen=True)
class PreparedTemplate:
    """A published template as issuing needs it: with its signatories, the URLs of its
    images and its version number."""

    template: CertificateTemplate
    version: int
    design: dict[str, Any]
    prepared_at: float


# Prepared templates, kept in the process by (id, live revision, time of publication):
# a new publication is a new key. Kept a few minutes at most, in case an image used by a
# template is replaced without a new publication.
_PREPARED: dict[tuple[Any, ...], PreparedTemplate] = {}
PREPARED_SECONDS = 300


def prepared_template(course: CoursePage) -> PreparedTemplate:
    """The published template a course's certificates use (the one that lists the course in
    any translation, else the default one), in one query once it has been prepared."""
    rows = CertificateTemplate.objects.filter(live=True).values_list(
        "pk", "live_revision_id", "last_published_at", "is_default", "courses__translation_key"
    )
    chosen = default = None
    for pk, revision, published, is_default, key in rows:
        if key == course.translation_key:
            chosen = (pk, revision, published)
        if is_default:
            default = (pk, revision, published)
    target = chosen or default
    if target is None:
        made = ensure_default_template()
        target = (made.pk, made.live_revision_id, made.last_published_at)
    prepared = _PREPARED.get(target)
    if prepared is None or time.monotonic() - prepared.prepared_at > PREPARED_SECONDS:
        template = (
            CertificateTemplate.objects.select_related("logo", "background")
            .prefetch_related(
                Prefetch(
                    "signatories",
                    queryset=CertificateSignatory.objects.select_related("signature"),
                )
            )
            .get(pk=target[0])
        )
        prepared = PreparedTemplate(
            template=template,
            version=_template_version(template),
            design=pdf.template_design(template),
            prepared_at=time.monotonic(),
        )
        if len(_PREPARED) > 100:
            _PREPARED.clear()
        _PREPARED[target] = prepared
    return prepared


def template_for(course: CoursePage) -> CertificateTemplate:
    """The published template a course's certificates use."""
    return prepared_template(course).template


def _course_translations(course: CoursePage) -> dict[str, CoursePage]:
    return {
        page.locale.language_code: page
        for page in CoursePage.objects.filter(translation_key=course.translation_key)
        .select_related("locale")
        .only("title", "provider", "locale__language_code")
        .order_by("pk")
    }


def completion_date(enrolment: Enrolment) -> date:
    """The day the course was completed, in Kazakhstan (Asia/Almaty)."""
    if enrolment.completed_at is None:
        raise ValidationError(_("This course is not completed yet, so there is no certificate."))
    return timezone.localtime(enrolment.completed_at, ALMATY).date()


def _template_version(template: CertificateTemplate) -> int:
    if template.live_revision_id is None:
        return 0
    return int(template.revisions.filter(pk__lte=template.live_revision_id).count())


def _build(
    *,
    enrolment: Enrolment,
    person: User,
    course: CoursePage,
    issued_at: datetime,
    issued_by: User | None,
    replaces: Certificate | None = None,
    reason: str = "",
    job: CertificateJob | None = None,
) -> Certificate:
    """A new certificate with its frozen snapshot (not saved, no PDF yet)."""
    prepared = prepared_template(course)
    template = prepared.template
    languages = template.languages_for(person.preferred_language)
    translations = _course_translations(course)
    # Names and titles are checked where they are entered (core.text); anything stored
    # before that check is printed without its invisible and control characters.
    titles = {code: text.printable((translations.get(code) or course).title) for code in languages}
    providers = {
        code: text.printable((translations.get(code) or course).provider) for code in languages
    }
    full_name = text.printable(person.full_name)
    full_name_alt = text.printable(person.full_name_alt)
    completed_on = completion_date(enrolment)
    hours = course.academic_hours
    values = {
        code: pdf.placeholder_values(
            language=code,
            full_name=full_name,
            full_name_alt=full_name_alt,
            course_title=titles[code],
            hours=hours,
            completed_on=completed_on,
            provider=providers[code],
        )
        for code in languages
    }
    expires_on = (
        pdf.years_later(completed_on, template.validity_years) if template.validity_years else None
    )
    snapshot = {
        "version": 1,
        "languages": list(languages),
        "person": {"full_name": full_name, "full_name_alt": full_name_alt},
        "course": {
            "id": course.pk,
            "translation_key": str(course.translation_key),
            "titles": titles,
            "academic_hours": str(hours),
        },
        "providers": providers,
        "completed_on": completed_on.isoformat(),
        "expires_on": expires_on.isoformat() if expires_on else None,
        "template": {
            "id": template.pk,
            "name": template.name,
            "revision_id": template.live_revision_id,
            "version": prepared.version,
            "language": template.language,
            "validity_years": template.validity_years,
        },
        **pdf.template_snapshot(
            template, design=prepared.design, languages=languages, values=values
        ),
    }
    return Certificate(
        code=codes.new_code(),
        enrolment=enrolment,
        person=person,
        course=course,
        template=template,
        template_revision_id=template.live_revision_id,
        job=job,
        language="+".join(languages),
        full_name=full_name,
        full_name_alt=full_name_alt,
        course_title=titles[languages[0]],
        academic_hours=hours,
        completed_on=completed_on,
        provider=providers[languages[0]],
        snapshot=snapshot,
        issued_at=issued_at,
        issued_by=issued_by,
        expires_on=expires_on,
        replaces=replaces,
        reason=reason,
    )


def _store(certificate: Certificate) -> Certificate:
    """Render the PDF, store it once, and save the row. If the row cannot be saved, the
    file goes too; if the surrounding transaction rolls back later, the file stays behind
    unreferenced under a name nobody knows."""
    document = pdf.render_document(certificate)
    credential = credential_services.credential_prepare(certificate=certificate)
    document = signing.finish(document, credential.document)
    certificate.pdf_sha256 = hashlib.sha256(document).hexdigest()
    certificate.pdf_size = len(document)
    storage = private_storage()
    certificate.pdf_name = storage.save(
        f"certificates/{certificate.code[:2]}/{certificate.code}.pdf", ContentFile(document)
    )
    try:
        certificate.save()
        credential_services.credential_record(certificate=certificate, prepared=credential)
    except Exception:
        storage.delete(certificate.pdf_name)
        raise
    announce_certificate_changed(certificate.pk, certificate.person_id)
    certificate_event.send(
        sender=None, kind="issued", certificate=certificate, at=certificate.issued_at
    )
    return certificate


def _email_issued(certificate: Certificate) -> None:
    person = certificate.person
    if person is None or not person.is_active:
        return
    language = person.preferred_language
    with translation.override(language):
        link = settings.SITE_URL + reverse(
            "certificate_detail", kwargs={"code": certificate.grouped_code}
        )
    titles = certificate.titles()
    send_templated_email(
        "certificate_issued",
        to=person.email,
        language=language,
        context={
            "person": person,
            "certificate": certificate,
            "course_title": titles.get(language) or certificate.course_title,
            "link": link,
            "verify_url": certificate.verify_url,
            "replaces": certificate.replaces,
        },
    )
