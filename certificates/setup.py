"""The certificate template every installation starts with, ensured after ``migrate``.

It is the default template: courses that no other template lists use it. It writes the
certificate in the learner's preferred language, has no signatories and no end date;
programme managers edit it in the admin. Idempotent: if a default exists, nothing changes.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .models import CertificateLanguage, CertificateTemplate

STANDARD_TEXTS = {
    "title_kk": "Сертификат",
    "title_ru": "Сертификат",
    "title_en": "Certificate",
    "subtitle_kk": "курсты аяқтағаны туралы",
    "subtitle_ru": "о прохождении курса",
    "subtitle_en": "of course completion",
    "body_kk": "«{course}» курсы бойынша оқуды сәтті аяқтады. Оқу көлемі — {hours}.",
    "body_ru": "успешно завершил(а) обучение по курсу «{course}». Объём обучения — {hours}.",
    "body_en": "has successfully completed the course “{course}”. Volume of training: {hours}.",
}


def ensure_default_template() -> CertificateTemplate:
    """The default template, created and published if there is none."""
    existing = CertificateTemplate.objects.filter(is_default=True).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            template = CertificateTemplate(
                name="Standard certificate",
                language=CertificateLanguage.LEARNER,
                is_default=True,
                **STANDARD_TEXTS,
            )
            template.save()
            template.save_revision().publish()
    except IntegrityError:  # created at the same moment by another process
        return CertificateTemplate.objects.get(is_default=True)
    return template


@receiver(post_migrate)
def after_migrate(sender: Any, app_config: Any = None, **kwargs: Any) -> None:
    if app_config is not None and app_config.name == "certificates":
        ensure_default_template()
