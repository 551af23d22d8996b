"""Recertification in the demo (``demo/data/renewal.yaml``): the renewal rule of the
teachers' in-service course with a short refresher course, and an older cohort of teachers
certified five years before their certificates end: some due for renewal, some overdue,
one lapsed, and one already renewed through the refresher course; and the specialists'
course renewed by retaking it, with one specialist due and started on the course afresh.

The older cohort are teachers who completed the course in this cohort; their completion is
moved back to the previous in-service cycle and their certificate issued again with that
date. Idempotent: once the rule exists, a second run changes nothing.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone

from certificates import renewal, services
from certificates.models import (
    Certificate,
    Renewal,
    RenewalPath,
    RenewalRule,
    today_in_almaty,
)
from certificates.pdf import years_later
from courses.models import CoursePage, Enrolment, ModuleCompletion, ModulePage
from courses.services import module_complete
from people.models import User

from .certificates import _discard, at
from .courses import COURSES_DATA, CourseSeeder
from .loader import load
from .people import PeopleSeedResult

DATA = load("renewal")


def _refresher(out: OutputWrapper, people: PeopleSeedResult) -> CoursePage:
    spec: dict[str, Any] = {"provider": COURSES_DATA["provider"], **DATA["refresher"]}
    return CourseSeeder(out, people).course(spec)


def _complete_on(enrolment: Enrolment, trainer: User | None, finished_on: Any) -> None:
    """Complete every module of an enrolment as a trainer's override, dated
    ``finished_on`` (the demo's records of an earlier time)."""
    modules = list(ModulePage.objects.child_of(enrolment.course).live().order_by("path"))
    for index, module in enumerate(modules):
        module_complete(
            enrolment=enrolment, module=module, how=ModuleCompletion.How.OVERRIDE, actor=trainer
        )
        ModuleCompletion.objects.filter(enrolment=enrolment, module=module).update(
            completed_at=at(finished_on - timedelta(days=len(modules) - index), 11)
        )
    finished = at(finished_on, 16)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=min(enrolment.enrolled_at, at(finished_on - timedelta(days=21), 9)),
        last_activity_at=finished,
        modules_completed_at=finished,
        completed_at=finished,
        status=Enrolment.Status.COMPLETED,
    )
    enrolment.refresh_from_db()


def _older_cohort(course: CoursePage, today: Any, size: int) -> list[Certificate]:
    """Teachers with a plain current certificate of the course (not expired, revoked,
    reissued or renewed), by e-mail."""
    return list(
        Certificate.objects.filter(
            course=course,
            expires_on__gte=today,
            status=Certificate.Status.VALID,
            replaces__isnull=True,
            replaced_by__isnull=True,
            renews__isnull=True,
            person__isnull=False,
            enrolment__isnull=False,
        )
        .select_related("enrolment", "person")
        .order_by("person__email")[:size]
    )


def _certified_years_ago(
    certificate: Certificate, rule: RenewalRule, trainer: User | None, days_to_expiry: int
) -> Enrolment | None:
    """Move a certificate's completion back to the previous in-service cycle, so that it
    ends ``days_to_expiry`` from today, and issue it again with that date."""
    enrolment = certificate.enrolment
    if enrolment is None:  # excluded by the query; for the type checker
        return None
    expires_on = today_in_almaty() + timedelta(days=days_to_expiry)
    completed_on = years_later(expires_on, -rule.validity_years)
    _discard(certificate)
    ModuleCompletion.objects.filter(enrolment=enrolment).delete()
    Enrolment.objects.filter(pk=enrolment.pk).update(
        status=Enrolment.Status.ACTIVE, completed_at=None, required_done=0, percent=0
    )
    enrolment.refresh_from_db()
    _complete_on(enrolment, trainer, completed_on)
    services.certificate_issue(enrolment=enrolment, issued_at=at(completed_on, 16))
    return enrolment


def _retaking(out: OutputWrapper, trainer: User | None) -> None:
    """The specialists' course, renewed by taking it again."""
    spec = DATA["same_course"]
    course = CoursePage.objects.get(slug=spec["course"], locale__language_code="kk")
    if RenewalRule.objects.filter(course=course).exists():
        return
    rule = RenewalRule.objects.create(
        course=course,
        path=RenewalPath.SAME,
        validity_years=spec["validity_years"],
        window_months=spec["window_months"],
        grace_months=spec["grace_months"],
    )
    today = today_in_almaty()
    cohort = _older_cohort(course, today, len(spec["older_cohort"]))
    for certificate, person in zip(cohort, spec["older_cohort"], strict=False):
        _certified_years_ago(certificate, rule, trainer, person["days_to_expiry"])
    opened = renewal.renewals_open(today=today)
    out.write(f"Renewals: rule for “{course.title}” by retaking it, {opened} started afresh.")


@transaction.atomic
def seed(out: OutputWrapper, people: PeopleSeedResult) -> None:
    rule_data = DATA["rule"]
    course = CoursePage.objects.get(slug=rule_data["course"], locale__language_code="kk")
    refresher = _refresher(out, people)
    trainer = User.objects.filter(email="trainer@qamqor.example").first()
    if RenewalRule.objects.filter(course=course).exists():
        _retaking(out, trainer)
        out.write("Renewals: in place.")
        return
    rule = RenewalRule.objects.create(
        course=course,
        validity_years=rule_data["validity_years"],
        window_months=rule_data["window_months"],
        grace_months=rule_data["grace_months"],
    )
    rule.path_courses.set([refresher])
    today = today_in_almaty()
    renew_later = []
    cohort = _older_cohort(course, today, len(DATA["older_cohort"]))
    for certificate, spec in zip(cohort, DATA["older_cohort"], strict=False):
        enrolment = _certified_years_ago(certificate, rule, trainer, spec["days_to_expiry"])
        if enrolment is not None and spec["renewed"]:
            renew_later.append(enrolment.person)
    opened = renewal.renewals_open(today=today)
    for person in renew_later:
        open_renewal = Renewal.objects.get(person=person, status=Renewal.Status.OPEN)
        path = open_renewal.enrolment
        if path is None:
            continue
        finished_on = today - timedelta(days=10)
        _complete_on(path, trainer, finished_on)
        services.certificate_issue(enrolment=path, issued_at=at(finished_on, 16))
    renewed = Certificate.objects.filter(renews__isnull=False).count()
    out.write(
        f"Renewals: rule for “{course.title}”, {opened} opened, {renewed} renewed "
        f"through “{refresher.title}” (as of {timezone.localdate():%d.%m.%Y})."
    )
    _retaking(out, trainer)
