"""The Open Badges 3.0 ``OpenBadgeCredential`` of a certificate (W3C VC Data Model 2.0).

The issuer is the site's ``did:web`` with the provider's name; the achievement is the
course, named in the certificate's languages, with its academic hours in the criteria; the
recipient is a salted SHA-256 of their e-mail address (``identityHash``), never a name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from .. import pdf
from . import did
from .jsonld import OB_V3, VC_V2

if TYPE_CHECKING:
    from ..models import Certificate

CREDENTIAL_TYPES = ["VerifiableCredential", "OpenBadgeCredential"]
# A stable namespace for achievement ids: one per course, whatever its translations.
ACHIEVEMENT_NAMESPACE = uuid.UUID("6f1c2b52-8f3e-4c1f-9f35-7d0e0b0c6a11")


def identity_hash(email: str, salt: str) -> str:
    """``sha256$`` and the hex SHA-256 of the address (trimmed, lower case) and the salt,
    as Open Badges 3.0 writes a hashed identifier."""
    digest = hashlib.sha256((email.strip().lower() + salt).encode("utf-8")).hexdigest()
    return f"sha256${digest}"


def timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _end_of_day(day: dt.date) -> str:
    """The last second of ``day`` in Kazakhstan: a certificate is valid through that day."""
    from ..models import ALMATY

    end = dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=ALMATY)
    return timestamp(end)


def _criteria(certificate: Certificate, language: str) -> str:
    with translation.override(language):
        return _("Completed the course “%(course)s” (%(hours)s) delivered by %(provider)s.") % {
            "course": certificate.titles().get(language, certificate.course_title),
            "hours": pdf.hours_text(certificate.academic_hours, language),
            "provider": certificate.providers().get(language, certificate.provider),
        }


def _in_languages(values: dict[str, str]) -> list[dict[str, str]] | str:
    items = [{"@value": text, "@language": code} for code, text in values.items() if text]
    return items if len(items) > 1 else (items[0]["@value"] if items else "")


def status_list_url(number: int) -> str:
    return f"{settings.SITE_URL}/credentials/status/{number}.json"


def build(
    *, certificate: Certificate, email: str, status_list: int, status_index: int
) -> dict[str, Any]:
    """The unsigned credential of ``certificate``."""
    languages = certificate.languages
    first = languages[0]
    titles = certificate.titles()
    providers = certificate.providers()
    salt = secrets.token_hex(16)
    course_key = certificate.snapshot.get("course", {}).get("translation_key") or str(
        certificate.course_id
    )
    list_url = status_list_url(status_list)
    credential: dict[str, Any] = {
        "@context": [VC_V2, OB_V3],
        "id": certificate.verify_url,
        "type": CREDENTIAL_TYPES,
        "name": _in_languages(titles),
        "issuer": {
            "id": did.site_did(),
            "type": ["Profile"],
            "name": providers.get(first, certificate.provider),
            "url": settings.SITE_URL + "/",
        },
        "validFrom": timestamp(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": identity_hash(email, salt),
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": salt,
                }
            ],
            "achievement": {
                "id": f"urn:uuid:{uuid.uuid5(ACHIEVEMENT_NAMESPACE, course_key)}",
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": titles.get(first, certificate.course_title),
                "description": " / ".join(titles[code] for code in languages if code in titles),
                "inLanguage": first,
                "criteria": {
                    "narrative": "\n\n".join(_criteria(certificate, code) for code in languages)
                },
                "humanCode": certificate.grouped_code,
            },
        },
        "credentialStatus": {
            "id": f"{list_url}#{status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(status_index),
            "statusListCredential": list_url,
        },
    }
    if certificate.expires_on is not None:
        credential["validUntil"] = _end_of_day(certificate.expires_on)
    return credential
