"""Reads of certificates, always through the reader's scope.

A learner sees their own certificates. Programme staff (trainers, supervisors, regional
coordinators, managers, administrators) see the certificates of the people they may see
(``people.scoping``). Anyone may verify a code, and learns only what the verification page
shows. A certificate someone may not see does not exist for them: the views answer 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet
from wagtail.models import ModelLogEntry

from core import numbers
from courses.models import CoursePage, Enrolment
from courses.selectors import courses_in_reading_language
from people import scoping
from people.models import User

from . import codes
from .models import Certificate, CertificateJob, CertificateJobItem, today_in_almaty

Status = Certificate.Status


def may_view(user: User | Any, certificate: Certificate) -> bool:
    """The owner, national staff, and programme staff who may see the person."""
    scope = scoping.scope_for(user)
    if scope.person_id is None:
        return False
    if certificate.person_id == scope.person_id or scope.is_national:
        return True
    if not scope.has_programme_role or certificate.person is None:
        return False
    return scoping.can_see_person(user, certificate.person)


def may_view_register(user: User | Any) -> bool:
    return scoping.scope_for(user).has_programme_role


def certificate_for(*, user: User | Any, code: str) -> Certificate | None:
    """The certificate with ``code`` (as typed), or ``None`` if there is none or the
    reader may not see it."""
    normalised = codes.normalise(code)
    if normalised is None:
        return None
    certificate = (
        Certificate.objects.select_related("person", "course", "replaces", "revoked_by")
        .filter(code=normalised)
        .first()
    )
    if certificate is None or not may_view(user, certificate):
        return None
    return certificate


def replacement_of(certificate: Certificate) -> Certificate | None:
    return Certificate.objects.filter(replaces=certificate).first()


def my_certificates_for(*, user: User) -> list[Certificate]:
    """The person's certificates that stand (valid, expired or revoked), newest first;
    superseded ones are reached from their replacement."""
    return list(
        Certificate.objects.filter(person=user)
        .exclude(status=Status.SUPERSEDED)
        .select_related("course")
        .order_by("-issued_at", "-pk")
    )


@dataclass
class EnrolmentCertificate:
    enrolment: Enrolment
    certificate: Certificate | None
    awards_certificate: bool


def enrolment_certificate_for(*, user: User | Any, public_id: Any) -> EnrolmentCertificate | None:
    """The current certificate of an enrolment the reader may see (their own, or one of a
    person in their scope), or ``None`` if the enrolment is not theirs to see."""
    enrolment = (  # an archived learning cycle keeps its certificate and its links
        Enrolment.with_history.select_related("course", "person")
        .filter(public_id=public_id)
        .first()
    )
    if enrolment is None:
        return None
    scope = scoping.scope_for(user)
    own = enrolment.person_id == scope.person_id
    if not own and not (
        scope.has_programme_role and scoping.can_see_person(user, enrolment.person)
    ):
        return None
    certificates = Certificate.objects.filter(enrolment=enrolment).order_by("-issued_at", "-pk")
    current = (
        certificates.filter(status=Status.VALID).first()
        or certificates.exclude(status=Status.SUPERSEDED).first()
    )
    return EnrolmentCertificate(enrolment, current, enrolment.course.awards_certificate)


def verification_for(code: str) -> Certificate | None:
    """The certificate a public verification asks about, with its replacement."""
    normalised = codes.normalise(code)
    if normalised is None:
        return None
    return Certificate.objects.filter(code=normalised).first()


# --- The register (programme staff) --------------------------------------------------------------


STATUS_FILTERS = ("valid", "expired", "revoked", "superseded")


def certificate_register_for(
    *,
    user: User | Any,
    search: str = "",
    status: str = "",
    course: CoursePage | None = None,
) -> QuerySet[Certificate]:
    """Certificates of the people ``user`` may see, filtered; one query whatever the
    number of rows (person and course come with them)."""
    scope = scoping.scope_for(user)
    if not scope.has_programme_role:
        return Certificate.objects.none()
    certificates = Certificate.objects.select_related("course", "person")
    if not scope.is_national:
        certificates = certificates.filter(person__in=scoping.visible_people(user))
    search = search.strip()
    if search:
        code = codes.normalise(search)
        if code is not None:
            certificates = certificates.filter(code=code)
        else:
            for word in search.split():
                certificates = certificates.filter(
                    Q(full_name__icontains=word)
                    | Q(full_name_alt__icontains=word)
                    | Q(person__email__icontains=word)
                    | Q(course_title__icontains=word)
                )
    today = today_in_almaty()
    if status == "valid":
        certificates = certificates.filter(status=Status.VALID).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=today)
        )
    elif status == "expired":
        certificates = certificates.filter(status=Status.VALID, expires_on__lt=today)
    elif status in (Status.REVOKED, Status.SUPERSEDED):
        certificates = certificates.filter(status=status)
    if course is not None:
        certificates = certificates.filter(course__translation_key=course.translation_key)
    return certificates.order_by("-issued_at", "-pk")


def certificate_courses() -> list[CoursePage]:
    """Courses that award certificates, one per course, in the reading language."""
    courses = CoursePage.objects.filter(awards_certificate=True)
    chosen = courses_in_reading_language(courses)
    return sorted(chosen.values(), key=lambda course: course.title)


def history_of(certificate: Certificate) -> list[ModelLogEntry]:
    """The audit entries of a certificate, newest first."""
    return list(
        ModelLogEntry.objects.for_instance(certificate)
        .select_related("user")
        .order_by("-timestamp", "-pk")
    )


# --- Bulk jobs ------------------------------------------------------------------------------


def job_list_for(*, user: User | Any) -> QuerySet[CertificateJob]:
    if not scoping.scope_for(user).is_national:
        return CertificateJob.objects.none()
    return CertificateJob.objects.select_related("course", "requested_by").order_by("-created_at")


def job_for(*, user: User | Any, public_id: Any) -> CertificateJob | None:
    return job_list_for(user=user).filter(public_id=public_id).first()


@dataclass
class JobProgress:
    total: int
    done: int
    skipped: int
    failed: int
    finished: bool

    @property
    def handled(self) -> int:
        return self.done + self.skipped + self.failed

    @property
    def percent(self) -> int:
        return 100 if not self.total else numbers.percent(self.handled, self.total)

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "handled": self.handled,
            "done": self.done,
            "skipped": self.skipped,
            "failed": self.failed,
            "percent": self.percent,
            "finished": self.finished,
        }


def job_progress(job: CertificateJob) -> JobProgress:
    """How far a job is, in one query."""
    Outcome = CertificateJobItem.Outcome
    counts = job.items.aggregate(
        done=Count("pk", filter=Q(outcome=Outcome.DONE)),
        skipped=Count("pk", filter=Q(outcome=Outcome.SKIPPED)),
        failed=Count("pk", filter=Q(outcome=Outcome.FAILED)),
    )
    return JobProgress(
        total=job.total,
        done=counts["done"],
        skipped=counts["skipped"],
        failed=counts["failed"],
        finished=job.finished_at is not None,
    )


def job_failures(job: CertificateJob) -> list[CertificateJobItem]:
    return list(
        job.items.filter(outcome=CertificateJobItem.Outcome.FAILED)
        .select_related("enrolment__person", "certificate")
        .order_by("pk")[:50]
    )
