"""Who may see and change which regions, schools and people.

Every view in every app asks this module, never the membership table directly. The rules:

====================  ================  ========================  ============================
role                  sees places       sees people               may grant roles
====================  ================  ========================  ============================
administrator         everything        everyone                  any role anywhere
programme manager     everything        everyone                  any but administrator
trainer               everything        learners (school staff)   none
regional coordinator  their region      staff of their region     learner roles and supervisors
                                                                  in their region
supervisor            assigned schools  staff of those schools    none
school leader         their school      staff of their school     tutor, teacher, specialist,
                                                                  methodologist at the school
learner roles         their own school  themselves                none
====================  ================  ========================  ============================

Only current memberships count. A person's scope is the union over their roles, and
everyone sees themselves. A Django superuser counts as an administrator. Below programme
level, a role is given directly only to someone already in scope (``directly_reachable``);
anyone else is asked first, so that adding staff never widens anyone's reach.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from .models import Region, RoleMembership, School, User
from .roles import LEARNER_ROLES, PROGRAMME_ROLES, Role

# What a regional coordinator and a school leader may grant, by where the role is held.
COORDINATOR_GRANTS_AT_SCHOOL = LEARNER_ROLES | {Role.SUPERVISOR}
COORDINATOR_GRANTS_IN_REGION = frozenset({Role.METHODOLOGIST})
LEADER_GRANTS_AT_SCHOOL = frozenset({Role.TUTOR, Role.TEACHER, Role.SPECIALIST, Role.METHODOLOGIST})


@dataclass(frozen=True)
class Scope:
    """What one person's current roles let them reach, computed once per request."""

    person_id: int | None
    roles: frozenset[str]
    is_administrator: bool = False
    is_manager: bool = False
    is_trainer: bool = False
    coordinated_region_ids: frozenset[int] = frozenset()
    supervised_school_ids: frozenset[int] = frozenset()
    led_school_ids: frozenset[int] = frozenset()
    own_school_ids: frozenset[int] = frozenset()
    own_region_ids: frozenset[int] = frozenset()
    # (role, training area id) of each learner role held: what courses are open to.
    learner_roles: frozenset[tuple[str, int | None]] = frozenset()

    @property
    def is_national(self) -> bool:
        return self.is_administrator or self.is_manager

    @property
    def sees_all_places(self) -> bool:
        return self.is_national or self.is_trainer

    @property
    def oversight_school_ids(self) -> frozenset[int]:
        """Schools whose staff this person sees one by one."""
        return self.supervised_school_ids | self.led_school_ids

    @property
    def has_programme_role(self) -> bool:
        return bool(self.roles & PROGRAMME_ROLES) or self.is_administrator

    @property
    def oversees_people(self) -> bool:
        return bool(
            self.is_national
            or self.is_trainer
            or self.coordinated_region_ids
            or self.oversight_school_ids
        )

    @property
    def opens_admin(self) -> bool:
        """Roles whose work is in the Wagtail admin (authoring, settings)."""
        return self.is_national or self.is_trainer

    @property
    def may_grant_roles(self) -> bool:
        return bool(self.is_national or self.coordinated_region_ids or self.led_school_ids)


ANONYMOUS_SCOPE = Scope(person_id=None, roles=frozenset())


def scope_for(user: User | object) -> Scope:
    """The scope of ``user``, cached on the user object for the rest of the request."""
    if not isinstance(user, User) or not user.is_authenticated or not user.is_active:
        return ANONYMOUS_SCOPE
    cached: Scope | None = getattr(user, "_lms_scope", None)
    if cached is not None:
        return cached

    rows = (
        RoleMembership.objects.current()
        .filter(person=user)
        .values_list("role", "school_id", "region_id", "training_area_id")
    )
    roles: set[str] = set()
    coordinated: set[int] = set()
    supervised: set[int] = set()
    led: set[int] = set()
    own_schools: set[int] = set()
    own_regions: set[int] = set()
    learner_roles: set[tuple[str, int | None]] = set()
    for role, school_id, region_id, area_id in rows:
        roles.add(role)
        if role in LEARNER_ROLES:
            learner_roles.add((role, area_id))
        if role == Role.REGIONAL_COORDINATOR:
            coordinated.add(region_id)
        elif role == Role.SUPERVISOR:
            supervised.add(school_id)
        elif role == Role.SCHOOL_LEADER:
            led.add(school_id)
            own_schools.add(school_id)
        elif school_id is not None:
            own_schools.add(school_id)
        elif region_id is not None:
            own_regions.add(region_id)

    scope = Scope(
        person_id=user.pk,
        roles=frozenset(roles),
        is_administrator=Role.ADMINISTRATOR in roles or user.is_superuser,
        is_manager=Role.PROGRAMME_MANAGER in roles,
        is_trainer=Role.TRAINER in roles,
        coordinated_region_ids=frozenset(coordinated),
        supervised_school_ids=frozenset(supervised),
        led_school_ids=frozenset(led),
        own_school_ids=frozenset(own_schools),
        own_region_ids=frozenset(own_regions),
        learner_roles=frozenset(learner_roles),
    )
    user._lms_scope = scope  # type: ignore[attr-defined]
    return scope


def forget_scope(user: User) -> None:
    """Drop the cached scope after the person's roles changed."""
    user.__dict__.pop("_lms_scope", None)


# --- Places --------------------------------------------------------------------------------


def visible_schools(user: User | object) -> QuerySet[School]:
    scope = scope_for(user)
    if scope.sees_all_places:
        return School.objects.all()
    return School.objects.filter(
        Q(region_id__in=scope.coordinated_region_ids)
        | Q(id__in=scope.oversight_school_ids | scope.own_school_ids)
    )


def visible_regions(user: User | object) -> QuerySet[Region]:
    scope = scope_for(user)
    if scope.sees_all_places:
        return Region.objects.all()
    return Region.objects.filter(
        Q(id__in=scope.coordinated_region_ids | scope.own_region_ids)
        | Q(schools__in=visible_schools(user))
    ).distinct()


def can_see_school(user: User | object, school: School) -> bool:
    scope = scope_for(user)
    return (
        scope.sees_all_places
        or school.region_id in scope.coordinated_region_ids
        or school.pk in scope.oversight_school_ids
        or school.pk in scope.own_school_ids
    )


def can_see_region(user: User | object, region: Region) -> bool:
    return visible_regions(user).filter(pk=region.pk).exists()


# --- People --------------------------------------------------------------------------------


def _current_membership_of_row() -> QuerySet[RoleMembership]:
    return RoleMembership.objects.filter(ended_on__isnull=True, person=OuterRef("pk"))


def visible_people(user: User | object) -> QuerySet[User]:
    """People whose records ``user`` may read."""
    scope = scope_for(user)
    if scope.person_id is None:
        return User.objects.none()
    if scope.is_national:
        return User.objects.all()
    memberships = _current_membership_of_row()
    condition = Q(pk=scope.person_id)
    if scope.is_trainer:
        condition |= Q(Exists(memberships.filter(role__in=LEARNER_ROLES)))
    if scope.coordinated_region_ids:
        in_region = Q(school__region_id__in=scope.coordinated_region_ids) | Q(
            region_id__in=scope.coordinated_region_ids
        )
        condition |= Q(Exists(memberships.filter(in_region)))
    if scope.oversight_school_ids:
        condition |= Q(Exists(memberships.filter(school_id__in=scope.oversight_school_ids)))
    return User.objects.filter(condition)


def can_see_person(user: User | object, person: User) -> bool:
    scope = scope_for(user)
    if scope.person_id is None:
        return False
    if scope.is_national or person.pk == scope.person_id:
        return True
    return visible_people(user).filter(pk=person.pk).exists()


# --- Changes -------------------------------------------------------------------------------


def can_grant(
    user: User | object,
    role: str,
    *,
    school: School | None = None,
    region: Region | None = None,
) -> bool:
    """May ``user`` give someone ``role`` at ``school`` (or in ``region``, or nationally)?"""
    scope = scope_for(user)
    if scope.is_administrator:
        return True
    if scope.is_manager:
        return role != Role.ADMINISTRATOR
    if school is not None:
        if school.region_id in scope.coordinated_region_ids and role in (
            COORDINATOR_GRANTS_AT_SCHOOL
        ):
            return True
        return school.pk in scope.led_school_ids and role in LEADER_GRANTS_AT_SCHOOL
    if region is not None:
        return region.pk in scope.coordinated_region_ids and role in COORDINATOR_GRANTS_IN_REGION
    return False


def grantable_roles(user: User | object) -> list[str]:
    """Roles ``user`` can grant somewhere, in the order of ``Role``."""
    scope = scope_for(user)
    if scope.is_administrator:
        return list(Role.values)
    if scope.is_manager:
        return [role for role in Role.values if role != Role.ADMINISTRATOR]
    allowed: set[str] = set()
    if scope.coordinated_region_ids:
        allowed |= COORDINATOR_GRANTS_AT_SCHOOL | COORDINATOR_GRANTS_IN_REGION
    if scope.led_school_ids:
        allowed |= LEADER_GRANTS_AT_SCHOOL
    return [role for role in Role.values if role in allowed]


def grantable_schools(user: User | object) -> QuerySet[School]:
    """Schools at which ``user`` may grant at least one role."""
    scope = scope_for(user)
    if scope.is_national:
        return School.objects.all()
    return School.objects.filter(
        Q(region_id__in=scope.coordinated_region_ids) | Q(id__in=scope.led_school_ids)
    )


def grantable_regions(user: User | object) -> QuerySet[Region]:
    """Regions in which ``user`` may grant a region-level role."""
    scope = scope_for(user)
    if scope.is_national:
        return Region.objects.all()
    return Region.objects.filter(id__in=scope.coordinated_region_ids)


def can_change_membership(user: User | object, membership: RoleMembership) -> bool:
    return can_grant(user, membership.role, school=membership.school, region=membership.region)


def can_change_person(user: User | object, person: User) -> bool:
    """May ``user`` edit ``person``'s details or send them an invitation?

    A person's details affect every role they hold, so it takes the right to grant each
    of their current roles. Someone with no current role is managed nationally.
    """
    scope = scope_for(user)
    if scope.is_administrator:
        return True
    memberships = list(
        RoleMembership.objects.current().filter(person=person).select_related("school")
    )
    if scope.is_manager:
        return all(m.role != Role.ADMINISTRATOR for m in memberships)
    if not memberships:
        return False
    return all(can_change_membership(user, m) for m in memberships)


def directly_reachable(user: User | object, people: QuerySet[User]) -> QuerySet[User]:
    """Those of ``people`` whom ``user`` may give a role without asking them first.

    National staff may give anyone a role. Everyone else reaches only people already in
    their scope: giving a role to an account they cannot see would show them its profile,
    roles, enrolments and certificates, so that person is asked instead (a role offer, see
    ``people.staffing.role_give``). Whether the role may be given at that place at all is
    ``can_grant``'s question.
    """
    scope = scope_for(user)
    if scope.person_id is None:
        return people.none()
    if scope.is_national:
        return people
    return people.filter(pk__in=visible_people(user).values("pk"))


def may_give_role_directly(user: User | object, person: User) -> bool:
    """``directly_reachable`` for one person."""
    scope = scope_for(user)
    if scope.is_national or (scope.person_id is not None and person.pk == scope.person_id):
        return True
    return directly_reachable(user, User.objects.filter(pk=person.pk)).exists()
