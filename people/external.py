"""Roles that an outside authority asserts (an organisation's identity provider), given
and ended with no person as the actor; each audit entry names the authority."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .models import RoleMembership, User
from .services import MembershipSpec, _membership_create, _sync_groups, _validate_spec


@transaction.atomic
def membership_grant_external(*, person: User, spec: MembershipSpec, source: str) -> RoleMembership:
    """Give a role that an outside authority asserts (an organisation's identity provider),
    with no person as the actor; ``source`` names the authority in the audit entry. The
    caller has checked that the authority may give it. Refused if already held there."""
    _validate_spec(spec)
    User.objects.select_for_update().filter(pk=person.pk).first()
    membership = _membership_create(actor=None, person=person, spec=spec, source=source)
    _sync_groups(person)
    return membership


@transaction.atomic
def membership_end_external(*, membership: RoleMembership, source: str) -> RoleMembership:
    """End a role an outside authority no longer asserts; repeat-safe, audited."""
    membership = RoleMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.ended_on is not None:
        return membership
    membership.ended_on = max(timezone.localdate(), membership.started_on)
    membership.save(update_fields=["ended_on"])
    log(
        membership.person,
        "people.membership.end",
        data={"membership": membership.pk, "role": membership.role, "source": source},
    )
    _sync_groups(membership.person)
    return membership
