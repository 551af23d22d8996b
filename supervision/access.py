"""In what capacity a person meets a school's supervision, read from ``people.scoping``.

====================  =================================================================
capacity              who
====================  =================================================================
supervisor            holds the supervisor role at the school: plans, records, submits
leader                a school leader of the school: reads, signs off, returns
coordinator           the regional coordinator of the school's region: reads, plans, closes
national              a programme manager or administrator: reads, plans, closes
====================  =================================================================

Trainers see every place, but not supervision records: those are about people's practice.
Staff who were observed see only their own observations and action points (selectors).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from people import scoping
from people.models import School, User

SUPERVISOR = "supervisor"
LEADER = "leader"
COORDINATOR = "coordinator"
NATIONAL = "national"


def capacities(user: User | object, school: School) -> frozenset[str]:
    scope = scoping.scope_for(user)
    found = set()
    if school.pk in scope.supervised_school_ids:
        found.add(SUPERVISOR)
    if school.pk in scope.led_school_ids:
        found.add(LEADER)
    if school.region_id in scope.coordinated_region_ids:
        found.add(COORDINATOR)
    if scope.is_national:
        found.add(NATIONAL)
    return frozenset(found)


def sees_school(user: User | object, school: School) -> bool:
    return bool(capacities(user, school))


def school_condition(user: User | object, prefix: str = "") -> Q:
    """A filter on ``<prefix>school`` for the schools whose supervision ``user`` sees."""
    scope = scoping.scope_for(user)
    if scope.person_id is None:
        return Q(pk__in=[])
    if scope.is_national:
        # Not ``Q()``: an empty Q vanishes when combined with ``|``.
        return Q(**{f"{prefix}school__isnull": False})
    return Q(**{f"{prefix}school_id__in": scope.supervised_school_ids | scope.led_school_ids}) | Q(
        **{f"{prefix}school__region_id__in": scope.coordinated_region_ids}
    )


def supervision_schools(user: User | object) -> QuerySet[School]:
    """Schools whose supervision ``user`` sees, within what ``people.scoping`` lets them see."""
    scope = scoping.scope_for(user)
    if scope.person_id is None:
        return School.objects.none()
    schools = scoping.visible_schools(user)
    if scope.is_national:
        return schools
    return schools.filter(
        Q(pk__in=scope.supervised_school_ids | scope.led_school_ids)
        | Q(region_id__in=scope.coordinated_region_ids)
    )


def oversees_supervision(user: User | object) -> bool:
    scope = scoping.scope_for(user)
    return bool(
        scope.is_national
        or scope.supervised_school_ids
        or scope.led_school_ids
        or scope.coordinated_region_ids
    )


def plans_visits(user: User | object, school: School) -> bool:
    return bool(capacities(user, school) & {SUPERVISOR, COORDINATOR, NATIONAL})


def creates_years(user: User | object) -> bool:
    scope = scoping.scope_for(user)
    return bool(scope.is_national or scope.coordinated_region_ids)


def creates_years_at(user: User | object, school: School) -> bool:
    return bool(capacities(user, school) & {COORDINATOR, NATIONAL})
