"""Building xAPI 1.0.3 statements for the product's events.

Vocabulary, chosen from published profiles where one fits:

- verbs ``registered``, ``completed``, ``answered``, ``passed`` and ``failed`` are the ADL
  verbs of the xAPI specification's own examples and of cmi5 (``http://adlnet.gov/expapi/verbs/``);
- a certificate issued is ``earned`` (``http://id.tincanapi.com/verb/earned``, the registry's
  verb for an actor achieving an award such as a badge);
- activity types ``course``, ``module`` and ``assessment`` are the ADL ones
  (``http://adlnet.gov/expapi/activities/``).
- A certificate's activity type, and two verbs, are the product's own, under the site's
  address, since no ADL profile defines them: ``{SITE_URL}/xapi/activities/certificate``. No
  registered verb says "a trainer accepted this learner's reflection" or "this learner's
  certificate was revoked" with the learner as actor (``activitystrea.ms/accept`` would make
  the learner the one who accepts), so those two are the product's own verbs, under the
  site's address: ``{SITE_URL}/xapi/verbs/reflection-accepted`` and ``.../certificate-revoked``.

The actor is an Agent identified by an ``account``: ``homePage`` is the site's address
(``SITE_URL``) and ``name`` the person's ``public_id``; no e-mail address or name leaves the
product. ``context.registration`` is a UUIDv5 of the enrolment's ``public_id`` in
``REGISTRATION_NAMESPACE``: stable for all the statements of one enrolment (one learning
cycle), yet not the id the product uses itself.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.conf import settings

VERSION = "1.0.3"
REGISTRATION_NAMESPACE = uuid.UUID("6f1c1f0e-5b8e-4c55-9a43-8a1b7e2f3d10")

ADL_VERB = "http://adlnet.gov/expapi/verbs/"
ADL_ACTIVITY = "http://adlnet.gov/expapi/activities/"
EARNED = "http://id.tincanapi.com/verb/earned"


def product_iri(path: str) -> str:
    return f"{settings.SITE_URL}/xapi/{path}"


# kind -> (verb IRI, English display)
VERBS: dict[str, tuple[str, str]] = {
    "registered": (ADL_VERB + "registered", "registered"),
    "module_completed": (ADL_VERB + "completed", "completed"),
    "check_answered": (ADL_VERB + "answered", "answered"),
    "check_passed": (ADL_VERB + "passed", "passed"),
    "check_failed": (ADL_VERB + "failed", "failed"),
    "reflection_accepted": ("", "had a reflection accepted"),
    "course_completed": (ADL_VERB + "completed", "completed"),
    "certificate_issued": (EARNED, "earned"),
    "certificate_revoked": ("", "had a certificate revoked"),
}
PRODUCT_VERBS = {
    "reflection_accepted": "verbs/reflection-accepted",
    "certificate_revoked": "verbs/certificate-revoked",
}


def verb(kind: str) -> dict[str, Any]:
    iri, display = VERBS[kind]
    if kind in PRODUCT_VERBS:
        iri = product_iri(PRODUCT_VERBS[kind])
    return {"id": iri, "display": {"en-US": display}}


def actor(person: Any) -> dict[str, Any]:
    return {
        "objectType": "Agent",
        "account": {"homePage": settings.SITE_URL, "name": str(person.public_id)},
    }


def registration(enrolment: Any) -> str:
    return str(uuid.uuid5(REGISTRATION_NAMESPACE, str(enrolment.public_id)))


def page_iri(page: Any) -> str:
    url = page.get_url() or page.url_path
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


def language(page: Any) -> str:
    return str(page.locale.language_code)


def page_activity(page: Any, activity_type: str) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": page_iri(page),
        "definition": {
            "name": {language(page): page.title},
            "type": ADL_ACTIVITY + activity_type,
        },
    }


def _timestamp(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds")


def _statement(
    *,
    kind: str,
    person: Any,
    obj: dict[str, Any],
    at: datetime,
    lang: str,
    enrolment: Any = None,
    parent: dict[str, Any] | None = None,
    result: dict[str, Any] | None = None,
) -> dict[str, Any]:
    context: dict[str, Any] = {"platform": settings.WAGTAIL_SITE_NAME, "language": lang}
    if enrolment is not None:
        context["registration"] = registration(enrolment)
    if parent is not None:
        context["contextActivities"] = {"parent": [parent]}
    statement: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "actor": actor(person),
        "verb": verb(kind),
        "object": obj,
        "context": context,
        "timestamp": _timestamp(at),
        "version": VERSION,
    }
    if result is not None:
        statement["result"] = result
    return statement


def check_result(result: dict[str, Any]) -> dict[str, Any]:
    """A knowledge check's ``result``: the share of questions answered right."""
    questions = result["questions"]
    correct = result["correct"]
    return {
        "score": {
            "scaled": round(correct / questions, 4) if questions else 0,
            "raw": correct,
            "min": 0,
            "max": questions,
        },
        "success": bool(result["passed"]),
        "completion": True,
    }


def learning_statement(
    *, kind: str, enrolment: Any, module: Any, result: dict[str, Any] | None, at: datetime
) -> dict[str, Any]:
    """The statement of a ``courses.signals.learning_event``."""
    course = enrolment.course
    course_activity = page_activity(course, "course")
    if module is None:
        statement_result = {"completion": True} if kind == "course_completed" else None
        return _statement(
            kind=kind,
            person=enrolment.person,
            obj=course_activity,
            at=at,
            lang=language(course),
            enrolment=enrolment,
            result=statement_result,
        )
    if kind.startswith("check_"):
        obj = page_activity(module, "assessment")
        statement_result = check_result(result) if result else None
    else:
        obj = page_activity(module, "module")
        statement_result = {"completion": True} if kind == "module_completed" else None
    return _statement(
        kind=kind,
        person=enrolment.person,
        obj=obj,
        at=at,
        lang=language(module),
        enrolment=enrolment,
        parent=course_activity,
        result=statement_result,
    )


def certificate_statement(*, kind: str, certificate: Any, at: datetime) -> dict[str, Any]:
    """The statement of a ``certificates.signals.certificate_event``."""
    obj = {
        "objectType": "Activity",
        "id": certificate.verify_url,
        "definition": {
            "name": certificate.titles(),
            "type": product_iri("activities/certificate"),
        },
    }
    return _statement(
        kind=kind,
        person=certificate.person,
        obj=obj,
        at=at,
        lang=certificate.language,
        enrolment=certificate.enrolment,
        parent=page_activity(certificate.course, "course"),
    )
