"""People, the places they work in, and the roles they hold there.

Children never appear here: a support room keeps only aggregate counts.
"""

from __future__ import annotations

from .accounts import User, UserManager
from .invitations import OPEN_OFFER, Invitation, RoleOffer, RoleOfferQuerySet
from .memberships import MembershipQuerySet, RoleMembership, _place_condition
from .places import Region, School, SupportRoom, TrainingArea, TranslatedNameMixin

# Private names too: callers and tests that patch them keep working.
__all__ = [
    "OPEN_OFFER",
    "Invitation",
    "MembershipQuerySet",
    "Region",
    "RoleMembership",
    "RoleOffer",
    "RoleOfferQuerySet",
    "School",
    "SupportRoom",
    "TrainingArea",
    "TranslatedNameMixin",
    "User",
    "UserManager",
    "_place_condition",
]
