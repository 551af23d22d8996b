"""Who is trained: the rule, computed in bulk.

A person is trained in a role, within a programme, when they hold a valid certificate (not
revoked, not superseded, not expired) of every course the programme requires for that role
(for tutors: the role's courses and those of their training area), and, where the
programme's rule for the role asks for it, enough observed practice. They became trained on
the day the last of those certificates was issued.

Short of that, their stage is the furthest they have got: enrolled in a required course,
in progress, or all required courses completed (certificates or observed practice still
missing). A role with no required course is not counted.

A renewed certificate counts for the course it renews, so renewing in the window leaves
no gap; each status also keeps the day its certificates end (``valid_until``, for "due
in the next 90 days") and whether a required certificate has expired unrenewed
(``overdue``).

Everything is computed from a handful of set-based queries, whatever the number of people,
so a whole programme of 50,000 staff refreshes in seconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from courses.models import CoursePage, Enrolment, ObservedPractice
from people.models import RoleMembership
from people.roles import LEARNER_ROLES

from .models import Programme, ProgrammePerson, TrainedStatus


@dataclass(frozen=True)
class Requirement:
    courses: frozenset[Any]  # course translation keys
    observed_sessions: int
    min_average: Decimal


def requirements(programme: Programme) -> dict[tuple[str, int | None], Requirement]:
    """(role, training area or None) -> what that role needs. A tutor of area A needs the
    tutor courses with no area plus those of area A."""
    keys = dict(
        CoursePage.objects.filter(
            pk__in=programme.required_courses.values("course_id")
        ).values_list("pk", "translation_key")
    )
    by_role: dict[str, set[Any]] = defaultdict(set)
    by_area: dict[tuple[str, int], set[Any]] = defaultdict(set)
    for role, area, course_id in programme.required_courses.values_list(
        "role", "training_area_id", "course_id"
    ):
        if area is None:
            by_role[role].add(keys[course_id])
        else:
            by_area[(role, area)].add(keys[course_id])
    rules = {r.role: r for r in programme.trained_rules.all()}
    result: dict[tuple[str, int | None], Requirement] = {}
    for role in LEARNER_ROLES:
        rule = rules.get(role)
        sessions = rule.observed_sessions if rule else 0
        average = rule.min_average_percent if rule else Decimal(0)
        result[(role, None)] = Requirement(frozenset(by_role[role]), sessions, average)
    for (role, area), courses in by_area.items():
        base = result[(role, None)]
        result[(role, area)] = Requirement(
            base.courses | frozenset(courses), base.observed_sessions, base.min_average
        )
    return result


def programme_memberships(programme: Programme, person_ids: Iterable[int] | None = None):
    """Current learner memberships at the programme's schools, or (methodologists) in its
    regions."""
    schools = programme.school_queryset().values("pk")
    memberships = RoleMembership.objects.current().filter(
        Q(school__in=schools) | Q(school__isnull=True, region__programmes=programme),
        role__in=LEARNER_ROLES,
        person__is_active=True,
        person__erased_at__isnull=True,
    )
    if person_ids is not None:
        memberships = memberships.filter(person_id__in=list(person_ids))
    return memberships.values_list(
        "pk", "person_id", "role", "training_area_id", "school_id", "school__region_id", "region_id"
    )


@dataclass
class Held:
    """What a set of people's certificates say, by (person, course translation key)."""

    issued: dict[tuple[int, Any], date]  # valid now: the first day one was issued
    ends: dict[tuple[int, Any], date | None]  # valid now: the last end date (None: no end)
    expired: set[tuple[int, Any]]  # expired, and not renewed by one valid now


def held_certificates(person_ids: set[int], today: date) -> Held:
    """One query. A renewed certificate counts for the course it renews (``counts_for``),
    so a person renewing in the window holds that course without a gap."""
    from certificates.models import Certificate

    rows = (
        Certificate.objects.filter(status=Certificate.Status.VALID, person_id__in=person_ids)
        .annotate(key=Coalesce("counts_for__translation_key", "course__translation_key"))
        .values_list("person_id", "key", "issued_at", "expires_on")
    )
    held = Held(issued={}, ends={}, expired=set())
    for person_id, key, issued_at, expires_on in rows:
        pair = (person_id, key)
        if expires_on is not None and expires_on < today:
            held.expired.add(pair)
            continue
        issued = timezone.localtime(issued_at).date()
        current = held.issued.get(pair)
        held.issued[pair] = issued if current is None else min(current, issued)
        if pair not in held.ends:
            held.ends[pair] = expires_on
            continue
        end = held.ends[pair]
        if end is not None:  # the latest end wins; a certificate without one never ends
            held.ends[pair] = None if expires_on is None else max(end, expires_on)
    held.expired -= set(held.issued)
    return held


def valid_certificates(person_ids: set[int], today: date) -> dict[tuple[int, Any], date]:
    """(person, course translation key) -> the date the valid certificate was issued."""
    return held_certificates(person_ids, today).issued


def compute(programme: Programme, person_ids: Iterable[int] | None = None) -> list[TrainedStatus]:
    """The statuses of the programme's people (all of them, or just ``person_ids``)."""
    today = timezone.localdate()
    needs = requirements(programme)
    memberships = list(programme_memberships(programme, person_ids))
    people = {row[1] for row in memberships}
    all_courses = set().union(*(need.courses for need in needs.values()))

    enrolments: dict[tuple[int, Any], tuple[str, int]] = {}
    for person_id, key, status, done in (
        Enrolment.objects.filter(person_id__in=people, course__translation_key__in=all_courses)
        .exclude(status=Enrolment.Status.LEFT)
        .values_list("person_id", "course__translation_key", "status", "required_done")
    ):
        enrolments[(person_id, key)] = (status, done)
    held = held_certificates(people, today) if all_courses else Held({}, {}, set())
    certificates = held.issued
    practice = {
        person_id: (count, average or Decimal(0))
        for person_id, count, average in ObservedPractice.objects.filter(
            person_id__in=people
        ).values_list("person_id", "observation_count", "average_percent")
    }

    statuses = []
    for membership_id, person_id, role, area, school_id, school_region, region_id in memberships:
        need = needs.get((role, area)) or needs[(role, None)]
        if not need.courses:
            continue
        certified = [
            certificates[(person_id, k)] for k in need.courses if (person_id, k) in certificates
        ]
        taken = [enrolments[(person_id, k)] for k in need.courses if (person_id, k) in enrolments]
        practised = True
        if need.observed_sessions:
            count, average = practice.get(person_id, (0, Decimal(0)))
            practised = count >= need.observed_sessions and average >= need.min_average
        trained_on = None
        valid_until = None
        if len(certified) == len(need.courses) and practised:
            stage = TrainedStatus.Stage.CERTIFIED
            trained_on = max(certified)
            ends = [held.ends[(person_id, k)] for k in need.courses]
            valid_until = min((end for end in ends if end is not None), default=None)
        elif (
            taken
            and len(taken) == len(need.courses)
            and all(status == Enrolment.Status.COMPLETED for status, _done in taken)
        ):
            stage = TrainedStatus.Stage.COMPLETED
        elif any(done or status == Enrolment.Status.COMPLETED for status, done in taken):
            stage = TrainedStatus.Stage.IN_PROGRESS
        elif taken:
            stage = TrainedStatus.Stage.ENROLLED
        else:
            stage = TrainedStatus.Stage.NONE
        statuses.append(
            TrainedStatus(
                programme=programme,
                membership_id=membership_id,
                person_id=person_id,
                role=role,
                training_area_id=area,
                region_id=school_region or region_id,
                school_id=school_id,
                stage=stage,
                required_courses=len(need.courses),
                certified_courses=len(certified),
                trained_on=trained_on,
                valid_until=valid_until,
                overdue=any((person_id, k) in held.expired for k in need.courses),
            )
        )
    return statuses


def people_of(statuses: list[TrainedStatus]) -> list[ProgrammePerson]:
    """One row per person: their furthest stage and the day they were first trained. The
    place of a person with roles in several schools is that of their first role."""
    people: dict[int, ProgrammePerson] = {}
    for status in statuses:
        row = people.get(status.person_id)
        if row is None:
            people[status.person_id] = ProgrammePerson(
                programme=status.programme,
                person_id=status.person_id,
                region_id=status.region_id,
                school_id=status.school_id,
                stage=status.stage,
                trained_on=status.trained_on,
            )
            continue
        row.stage = max(row.stage, status.stage)
        if status.trained_on and (row.trained_on is None or status.trained_on < row.trained_on):
            row.trained_on = status.trained_on
    return list(people.values())
