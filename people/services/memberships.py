"""Granting and ending roles, and the permission groups that follow them."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .. import scoping, signals
from ..models import RoleMembership, RoleOffer, User
from ..roles import (
    AT_SCHOOL,
    IN_REGION,
    NATIONAL,
    ROLE_GROUPS,
    ROLE_PLACES,
    Role,
    Specialism,
    role_group,
)
from .base import MembershipSpec

# --- Roles -----------------------------------------------------------------------------------


def _validate_spec(spec: MembershipSpec) -> None:
    if spec.role not in Role.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    places = ROLE_PLACES[spec.role]
    if spec.school is not None and spec.region is not None:
        raise ValidationError({"school": _("Choose a school or a region, not both.")})
    if spec.school is not None and AT_SCHOOL not in places:
        raise ValidationError({"school": _("This role is not held at a school.")})
    if spec.region is not None and IN_REGION not in places:
        raise ValidationError({"region": _("This role is not held in a region.")})
    if spec.school is None and spec.region is None and NATIONAL not in places:
        if AT_SCHOOL in places:
            raise ValidationError({"school": _("Choose the school where this role is held.")})
        raise ValidationError({"region": _("Choose the region where this role is held.")})
    if spec.role == Role.TUTOR and spec.training_area is None:
        raise ValidationError({"training_area": _("Choose the tutor's training area.")})
    if spec.role != Role.TUTOR and spec.training_area is not None:
        raise ValidationError({"training_area": _("Only tutors have a training area.")})
    if spec.role == Role.SPECIALIST and spec.specialism not in Specialism.values:
        raise ValidationError({"specialism": _("Choose the specialist's specialism.")})
    if spec.role != Role.SPECIALIST and spec.specialism:
        raise ValidationError({"specialism": _("Only specialists have a specialism.")})


def _check_may_grant(actor: User, spec: MembershipSpec) -> None:
    _validate_spec(spec)
    if not scoping.can_grant(actor, spec.role, school=spec.school, region=spec.region):
        place = spec.school or spec.region
        if place is None:
            message = _("You cannot give the role “%(role)s”.") % {"role": Role(spec.role).label}
        else:
            message = _("You cannot give the role “%(role)s” at %(place)s.") % {
                "role": Role(spec.role).label,
                "place": place,
            }
        raise PermissionDenied(message)


def _membership_create(
    *,
    actor: User | None,
    person: User,
    spec: MembershipSpec,
    offer: RoleOffer | None = None,
    source: str = "",
) -> RoleMembership:
    duplicate = RoleMembership.objects.current().filter(
        person=person, role=spec.role, school=spec.school, region=spec.region
    )
    if duplicate.exists():
        raise ValidationError({"role": _("The person already holds this role there.")})
    membership = RoleMembership.objects.create(person=person, **spec.fields(), created_by=actor)
    log(
        person,
        "people.membership.grant",
        user=actor,
        data={
            "membership": membership.pk,
            "role": spec.role,
            "school": spec.school.code if spec.school else None,
            "region": spec.region.code if spec.region else None,
            **({"offer": offer.pk} if offer is not None else {}),
            **({"source": source} if source else {}),
        },
    )
    return membership


def _accepted(offer: RoleOffer | None, person: User, spec: MembershipSpec) -> bool:
    """Has ``person`` accepted ``offer`` of exactly this role at this place, with the role
    not given for it yet? Read from the database: the object in hand proves nothing."""
    return (
        offer is not None
        and RoleOffer.objects.filter(
            pk=offer.pk,
            person=person,
            accepted_at__isnull=False,
            membership__isnull=True,
            role=spec.role,
            school=spec.school,
            region=spec.region,
            training_area=spec.training_area,
            specialism=spec.specialism,
        ).exists()
    )


@transaction.atomic
def membership_grant(
    *, actor: User, person: User, spec: MembershipSpec, offer: RoleOffer | None = None
) -> RoleMembership:
    """Give ``person`` one more role. Refused if the role or place is outside the actor's
    scope, or if the role is already held there.

    Only someone already in the actor's scope is given a role directly
    (``scoping.may_give_role_directly``); anyone else is asked first
    (``staffing.role_give``) and given the role here once they accepted ``offer``.
    """
    _check_may_grant(actor, spec)
    if not _accepted(offer, person, spec) and not scoping.may_give_role_directly(actor, person):
        raise PermissionDenied(_("This person has to accept the role first."))
    User.objects.select_for_update().filter(pk=person.pk).first()
    membership = _membership_create(actor=actor, person=person, spec=spec, offer=offer)
    _sync_groups(person)
    return membership


@transaction.atomic
def membership_end(*, actor: User, membership: RoleMembership) -> RoleMembership:
    """End a role today, keeping it as history. Repeat-safe: an ended role stays as it was."""
    if not scoping.can_change_membership(actor, membership):
        raise PermissionDenied(_("You cannot end this role."))
    membership = RoleMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.ended_on is not None:
        return membership
    membership.ended_on = max(timezone.localdate(), membership.started_on)
    membership.save(update_fields=["ended_on"])
    log(
        membership.person,
        "people.membership.end",
        user=actor,
        data={"membership": membership.pk, "role": membership.role},
    )
    _sync_groups(membership.person)
    return membership


def _sync_groups(person: User) -> None:
    """Make group membership and the administrator flag follow the person's current roles."""
    roles = set(
        RoleMembership.objects.current().filter(person=person).values_list("role", flat=True)
    )
    for role, group_name in ROLE_GROUPS.items():
        if role in roles:
            person.groups.add(role_group(group_name))
        else:
            person.groups.remove(*Group.objects.filter(name=group_name))
    person_id = person.pk
    transaction.on_commit(lambda: signals.roles_changed.send(sender=User, person_id=person_id))
    is_administrator = Role.ADMINISTRATOR in roles
    if person.is_superuser != is_administrator and (
        is_administrator
        or RoleMembership.objects.filter(person=person, role=Role.ADMINISTRATOR).exists()
    ):
        person.is_superuser = is_administrator
        person.save(update_fields=["is_superuser"])
    scoping.forget_scope(person)
