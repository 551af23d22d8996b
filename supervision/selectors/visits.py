"""Reads of one visit: the visit with everything its page shows, what the page offers the
reader (``visit_page_for``), its history, the action points it reviews, and the school's
people a visit involves (staff who can be observed, leaders who sign off)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet
from wagtail.models import ModelLogEntry

from people.models import RoleMembership, School, User
from people.roles import LEARNER_ROLES, Role

from .. import access
from ..models import (
    SUBMITTED_STATES,
    ActionPoint,
    ActionPointReview,
    Attachment,
    Observation,
    Visit,
)
from ..moves import Move, moves_for

State = Visit.State


def visit_detail_for(*, user: User, public_id: str) -> Visit | None:
    """One visit with everything its page shows, or ``None`` if out of scope."""
    return (
        Visit.objects.filter(access.school_condition(user), public_id=public_id)
        .select_related(
            "school__region",
            "year",
            "supervisor",
            "signed_off_by",
            "rescheduled_from",
            "rescheduled_to",
        )
        .prefetch_related(
            Prefetch(
                "observations",
                queryset=Observation.objects.select_related(
                    "observed_person", "rubric_version"
                ).prefetch_related("scores"),
            ),
            Prefetch("attachments", queryset=Attachment.objects.select_related("observation")),
            Prefetch("action_points", queryset=ActionPoint.objects.select_related("owner")),
        )
        .first()
    )


def action_points_to_review(visit: Visit) -> QuerySet[ActionPoint]:
    """Action points from earlier submitted visits of the school that this visit must
    review: those still open, and those it has already reviewed."""
    return (
        ActionPoint.objects.filter(
            school_id=visit.school_id,
            visit__state__in=SUBMITTED_STATES,
            visit__planned_on__lte=visit.planned_on,
        )
        .exclude(visit_id=visit.pk)
        .filter(Q(status=ActionPoint.Status.OPEN) | Q(reviews__visit=visit))
        .distinct()
        .select_related("owner", "visit")
        .prefetch_related(
            Prefetch(
                "reviews",
                queryset=ActionPointReview.objects.filter(visit=visit),
                to_attr="reviews_here",
            )
        )
        .order_by("due_on", "pk")
    )


def visit_history(visit: Visit) -> QuerySet[ModelLogEntry]:
    """The audit entries of the visit's moves, oldest first."""
    return (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Visit),
            object_id=str(visit.pk),
            action__startswith="supervision.visit.",
        )
        .exclude(action="supervision.visit.notes")
        .select_related("user")
        .order_by("timestamp", "pk")
    )


@dataclass
class VisitPage:
    """What the visit page shows ``user``: in which capacities they meet the school, whether
    they record now, whether they see the record, the moves they may make, the earlier
    action points to review with this visit's review of each, and the history."""

    capacities: frozenset[str]
    recording: bool
    shows_record: bool
    observations: list[Observation]
    reviews: list[tuple[ActionPoint, ActionPointReview | None]]
    moves: dict[str, Move]
    history: QuerySet[ModelLogEntry]

    @property
    def unreviewed(self) -> int:
        return sum(1 for _point, review in self.reviews if review is None)


def visit_page_for(*, user: User, visit: Visit) -> VisitPage:
    """The visit page of ``visit`` (from ``visit_detail_for``) as ``user`` sees it. The record
    shows once submitted, to the school's supervisors always, and to coordinators and
    programme managers while it is being recorded; only a supervisor records."""
    mine = access.capacities(user, visit.school)
    oversees = bool(mine & {access.COORDINATOR, access.NATIONAL})
    reviews: list[tuple[ActionPoint, ActionPointReview | None]] = []
    for point in action_points_to_review(visit):
        here: list[ActionPointReview] = point.reviews_here  # type: ignore[attr-defined]
        reviews.append((point, here[0] if here else None))
    return VisitPage(
        capacities=mine,
        recording=visit.state == State.IN_PROGRESS and access.SUPERVISOR in mine,
        shows_record=(
            visit.state in SUBMITTED_STATES
            or access.SUPERVISOR in mine
            or (visit.state == State.IN_PROGRESS and oversees)
        ),
        observations=list(visit.observations.all()),
        reviews=reviews,
        moves={move.action: move for _target, move in moves_for(user, visit)},
        history=visit_history(visit),
    )


def staff_memberships(school: School) -> list[RoleMembership]:
    """Current learner-role memberships at ``school``: who can be observed there, and how."""
    return list(
        RoleMembership.objects.current()
        .filter(school=school, role__in=LEARNER_ROLES, person__is_active=True)
        .select_related("person")
        .order_by("person__full_name", "role")
    )


def school_leaders(school_ids: Iterable[int]) -> dict[int, list[User]]:
    """The active school leaders of each school in ``school_ids`` (every id is a key, perhaps
    of nobody): who signs off visits and hears of reminders. Two queries."""
    ids = set(school_ids)
    leaders: dict[int, list[User]] = {school_id: [] for school_id in ids}
    schools_of: dict[int, set[int]] = {}
    for person_id, school_id in (
        RoleMembership.objects.current()
        .filter(role=Role.SCHOOL_LEADER, school_id__in=ids, person__is_active=True)
        .values_list("person_id", "school_id")
    ):
        schools_of.setdefault(person_id, set()).add(school_id)
    for person in User.objects.filter(pk__in=list(schools_of)):
        for school_id in sorted(schools_of[person.pk]):
            leaders[school_id].append(person)
    return leaders
