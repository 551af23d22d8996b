"""Reads of people and places, always through the reader's scope."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from . import scoping
from .models import Invitation, Region, RoleMembership, RoleOffer, School, User


def person_list_for(
    *,
    user: User,
    region: Region | None = None,
    school: School | None = None,
    role: str = "",
    search: str = "",
) -> QuerySet[User]:
    """People ``user`` may see, filtered, with their current roles prefetched.

    The number of queries does not grow with the number of people on the page: roles come
    in one prefetch, whether someone has signed in yet is one subquery column.
    """
    people = scoping.visible_people(user)
    current = RoleMembership.objects.current()
    if region is not None:
        people = people.filter(
            Exists(
                current.filter(person=OuterRef("pk")).filter(
                    Q(school__region=region) | Q(region=region)
                )
            )
        )
    if school is not None:
        people = people.filter(Exists(current.filter(person=OuterRef("pk"), school=school)))
    if role:
        people = people.filter(Exists(current.filter(person=OuterRef("pk"), role=role)))
    if search:
        words = search.split()
        for word in words:
            people = people.filter(
                Q(full_name__icontains=word)
                | Q(full_name_alt__icontains=word)
                | Q(email__icontains=word)
            )
    return people.prefetch_related(
        Prefetch(
            "memberships",
            queryset=current.select_related("school", "region", "training_area"),
            to_attr="current_memberships",
        )
    ).order_by("full_name", "pk")


def person_detail_for(*, user: User, public_id: str) -> User | None:
    """One person by their public id, or ``None`` if they do not exist or are out of scope."""
    return (
        scoping.visible_people(user)
        .filter(public_id=public_id)
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=RoleMembership.objects.select_related(
                    "school", "region", "training_area"
                ).order_by("ended_on", "role"),
                to_attr="all_memberships",
            ),
            Prefetch(
                "invitations",
                queryset=Invitation.objects.order_by("-created_at")[:1],
                to_attr="latest_invitations",
            ),
        )
        .first()
    )


def school_list_for(*, user: User) -> QuerySet[School]:
    return scoping.visible_schools(user).select_related("region")


def region_list_for(*, user: User) -> QuerySet[Region]:
    return scoping.visible_regions(user)


def role_offer_list_for(*, user: User) -> QuerySet[RoleOffer]:
    """Roles offered to ``user`` that wait for their answer, newest first."""
    return (
        RoleOffer.objects.waiting()
        .filter(person=user)
        .select_related("school", "region", "training_area", "offered_by")
    )


def role_offer_for(*, user: User, public_id: str) -> RoleOffer | None:
    """One offer made to ``user``, in any state; ``None`` for anyone else's."""
    return (
        RoleOffer.objects.filter(person=user, public_id=public_id)
        .select_related("school", "region", "training_area", "offered_by")
        .first()
    )
