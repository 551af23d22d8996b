"""Every change to people, their roles and their invitations.

Each service runs in one transaction, checks the actor's scope, writes an audit entry in
the same transaction and sends e-mail only after commit. Adding staff, which gives a role
directly or asks the person first, is in ``staffing``.
"""

from __future__ import annotations

from .accounts import check_addition, person_create, person_set_language, person_update
from .base import InvitationError, MembershipSpec, _normalise_name
from .invitations import (
    _check_usable,
    _is_set_up,
    _not_valid,
    _token_hash,
    invitation_accept,
    invitation_create,
    invitation_for_token,
)
from .memberships import (
    _accepted,
    _check_may_grant,
    _membership_create,
    _sync_groups,
    _validate_spec,
    membership_end,
    membership_grant,
)

# Private names too: callers and tests that patch them keep working.
__all__ = [
    "InvitationError",
    "MembershipSpec",
    "_accepted",
    "_check_may_grant",
    "_check_usable",
    "_is_set_up",
    "_membership_create",
    "_normalise_name",
    "_not_valid",
    "_sync_groups",
    "_token_hash",
    "_validate_spec",
    "check_addition",
    "invitation_accept",
    "invitation_create",
    "invitation_for_token",
    "membership_end",
    "membership_grant",
    "person_create",
    "person_set_language",
    "person_update",
]
