"""Cohort enrolment, enrolment by the courses' rules, and recomputing a course's progress."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from people import scoping
from people.models import Region, RoleMembership, School, User
from people.roles import LEARNER_ROLES

from .. import rules
from ..models import (
    Cohort,
    CourseAudience,
    CoursePage,
    Enrolment,
    ObservedPractice,
)
from .basics import _announce_progress, _learner_memberships, canonical_course, required_module_ids
from .enrolment import _check_may_enrol_others, enrolment_create
from .progress import _recompute

# --- Cohorts and rules -----------------------------------------------------------------------


@transaction.atomic
def cohort_enrol(
    *,
    actor: User,
    course: CoursePage,
    name: str,
    starts_on: datetime.date,
    people: Iterable[User] = (),
    school: School | None = None,
    region: Region | None = None,
    role: str = "",
) -> tuple[Cohort, int]:
    """Enrol a cohort: the chosen people plus everyone in the chosen school, region and/or
    role, within the actor's scope. Returns the cohort and how many were newly enrolled.
    People already enrolled keep their enrolment."""
    scope = scoping.scope_for(actor)
    if not (scope.is_national or scope.coordinated_region_ids):
        raise PermissionDenied(_("Your roles do not include enrolling other people."))
    course = canonical_course(course)
    if school is not None and not scoping.can_see_school(actor, school):
        raise PermissionDenied(_("This school is outside your region."))
    if region is not None and not scoping.can_see_region(actor, region):
        raise PermissionDenied(_("This region is outside your scope."))
    chosen = list(people)
    if not (chosen or school or region or role):
        raise ValidationError(_("Choose people, a school, a region or a role."))
    targets: dict[int, User] = {}
    for person in chosen:
        _check_may_enrol_others(actor, person)
        targets[person.pk] = person
    if school or region or role:
        memberships = RoleMembership.objects.current().filter(role__in=LEARNER_ROLES)
        if school:
            memberships = memberships.filter(school=school)
        if region:
            memberships = memberships.filter(Q(school__region=region) | Q(region=region))
        if role:
            memberships = memberships.filter(role=role)
        for person in scoping.visible_people(actor).filter(
            pk__in=memberships.values("person_id"), is_active=True
        ):
            targets.setdefault(person.pk, person)
    cohort = Cohort.objects.create(
        name=name.strip() or course.title,
        course=course,
        starts_on=starts_on,
        school=school,
        region=region,
        role=role,
        created_by=actor,
    )
    before = set(
        Enrolment.objects.filter(course=course, person_id__in=targets).values_list(
            "person_id", flat=True
        )
    )
    for person in targets.values():
        enrolment_create(
            actor=actor, person=person, course=course, source=Enrolment.Source.COHORT, cohort=cohort
        )
    newly = len(set(targets) - before)
    log(cohort, "courses.cohort.enrol", user=actor, data={"people": len(targets), "new": newly})
    return cohort, newly


@transaction.atomic
def enrolment_rules_apply(*, person: User) -> list[Enrolment]:
    """Enrol ``person`` in every live course required for a role they hold. Repeat-safe."""
    if not person.is_active:
        return []
    held = list(_learner_memberships(person).values_list("role", "training_area_id"))
    if not held:
        return []
    course_ids = set(
        CourseAudience.objects.filter(required=True)
        .filter(rules.audience_condition(held))
        .values_list("course_id", flat=True)
    )
    created = []
    for course in CoursePage.objects.live().filter(pk__in=course_ids):
        if canonical_course(course).pk != course.pk:
            continue
        if not Enrolment.objects.filter(person=person, course=course).exists():
            created.append(
                enrolment_create(
                    actor=person, person=person, course=course, source=Enrolment.Source.RULE
                )
            )
    return created


def course_rules_apply(*, course: CoursePage) -> int:
    """Enrol everyone whom the course is required for. Returns how many were enrolled."""
    course = canonical_course(course)
    count = 0
    for audience in course.audiences.filter(required=True):
        memberships = RoleMembership.objects.current().filter(role=audience.role)
        if audience.training_area_id:
            memberships = memberships.filter(training_area_id=audience.training_area_id)
        people = User.objects.filter(
            pk__in=memberships.values("person_id"), is_active=True
        ).exclude(enrolments__course=course)
        for person in people:
            with transaction.atomic():
                enrolment_create(
                    actor=person, person=person, course=course, source=Enrolment.Source.RULE
                )
            count += 1
    return count


def course_refresh(*, course_id: int) -> int:
    """After a course was published or changed: recompute its stored progress and enrol
    whom it is now required for. A course no longer live is left alone."""
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None or not course.live:
        return 0
    course_progress_recompute(course=course)
    return course_rules_apply(course=course)


def rules_reconcile() -> int:
    """Enrol anyone a required course should have but does not (for example a role granted
    while the worker was down). Returns how many were enrolled."""
    enrolled = 0
    for course in CoursePage.objects.live():
        if canonical_course(course).pk == course.pk:
            enrolled += course_rules_apply(course=course)
    return enrolled


def course_progress_recompute(*, course: CoursePage) -> int:
    """After a course's modules change: bring every active enrolment's stored progress up to
    date, one locked row at a time. Completed enrolments stay completed.

    The done counts are compared in one query first, so a publish that changed nothing
    about the required modules touches no enrolment. Returns how many were recomputed.
    """
    course = canonical_course(course)
    required = required_module_ids(course)
    total = len(required)
    rows = (
        Enrolment.objects.filter(course=course, status=Enrolment.Status.ACTIVE)
        .annotate(done=Count("completions", filter=Q(completions__module_id__in=required)))
        .values_list("pk", "done", "required_done", "required_total")
    )
    count = 0
    for enrolment_id, done, stored_done, stored_total in rows:
        if (done, total) == (stored_done, stored_total) and not (total and done == total):
            continue
        with transaction.atomic():
            enrolment = Enrolment.objects.select_for_update().get(pk=enrolment_id)
            _recompute(enrolment, course)
        count += 1
    return count


@transaction.atomic
def observed_practice_record(
    *,
    person_id: int,
    observation_count: int,
    average_score: float | Decimal | None,
    scale_max: float | Decimal | None,
    last_observed_on: datetime.date | None = None,
) -> None:
    """Store what supervision reports about a person's observed sessions (with the day of
    the latest), then complete any of their enrolments that were waiting only for it."""
    average = None
    if average_score is not None and scale_max:
        average = (Decimal(str(average_score)) * 100 / Decimal(str(scale_max))).quantize(
            Decimal("0.1")
        )
    ObservedPractice.objects.update_or_create(
        person_id=person_id,
        defaults={
            "observation_count": observation_count,
            "average_percent": average,
            "last_observed_on": last_observed_on,
        },
    )
    _announce_progress(person_id)
    waiting = Enrolment.objects.select_for_update().filter(
        person_id=person_id,
        status=Enrolment.Status.ACTIVE,
        modules_completed_at__isnull=False,
    )
    for enrolment in waiting:
        _recompute(enrolment)
