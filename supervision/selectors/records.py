"""Reads of what visits record: observations (the visit's school sees them; the observed
person sees their own once submitted), the observed person's practice in numbers, action
points, attachments, and the rubric version an observation form shows."""

from __future__ import annotations

from datetime import date

from django.db.models import Max, Q, QuerySet

from people import scoping
from people.models import School, User

from .. import access
from ..models import (
    SUBMITTED_STATES,
    ActionPoint,
    Attachment,
    Observation,
    Rubric,
    RubricVersion,
    held_on_of,
)
from .calibration import counted_observations
from .double_coding import blind_to


def _observation_condition(user: User) -> Q:
    """Observations ``user`` may read: every observation in their schools' visits, and
    their own once the visit is submitted; never, while they co-observe a visit, that
    visit's lead's until the pair is complete."""
    scope = scoping.scope_for(user)
    if scope.person_id is None:
        return Q(pk__in=[])
    own = Q(observed_person_id=scope.person_id, visit__state__in=SUBMITTED_STATES)
    readable = (
        own | access.school_condition(user, prefix="visit__")
        if access.oversees_supervision(user)
        else own
    )
    return readable & blind_to(user)


def observation_detail_for(*, user: User, public_id: str) -> Observation | None:
    return (
        Observation.objects.filter(_observation_condition(user), public_id=public_id)
        .select_related("visit__school__region", "visit__supervisor", "observed_person")
        .select_related("rubric_version")
        .prefetch_related("scores", "attachments")
        .first()
    )


def observation_list_for(*, user: User, person: User) -> QuerySet[Observation]:
    """Submitted observations of ``person`` that ``user`` may read, newest first."""
    return (
        Observation.objects.filter(
            _observation_condition(user),
            observed_person=person,
            visit__state__in=SUBMITTED_STATES,
        )
        .select_related("visit__school", "visit__supervisor", "rubric_version")
        .order_by("-visit__planned_on", "-pk")
    )


def last_observed_on(*, person: User) -> date | None:
    """The day of the latest observation of ``person`` that counts for observed practice
    (the ones ``observed_practice_for`` counts), or ``None``."""
    counted = counted_observations(
        Observation.objects.filter(
            observed_person=person, is_complete=True, visit__state__in=SUBMITTED_STATES
        )
    ).exclude(average_score__isnull=True)
    day: date | None = counted.aggregate(last=Max(held_on_of("visit__")))["last"]
    return day


def observed_practice_for(*, person: User) -> tuple[int, float | None, int]:
    """(number of submitted observations of ``person``, their mean score, top of scale).

    Each observation weighs the same. Observations made on scales of different lengths
    are put on the longest one first (1 stays 1, each top becomes the top). When the
    programme requires calibration, only observations by a supervisor calibrated on the
    rubric on the day of the visit count (``calibration.counted_observations``).
    """
    rows = list(
        counted_observations(
            Observation.objects.filter(
                observed_person=person,
                is_complete=True,
                visit__state__in=SUBMITTED_STATES,
            )
        )
        .exclude(average_score__isnull=True)
        .values_list("average_score", "scale_max")
    )
    if not rows:
        return 0, None, 4
    top = max(scale for _average, scale in rows)
    values = [
        1 + (float(average or 0) - 1) * (top - 1) / (scale - 1)
        if scale > 1
        else float(average or 0)
        for average, scale in rows
    ]
    return len(rows), sum(values) / len(values), top


def action_point_list_for(
    *,
    user: User,
    today: date,
    school: School | None = None,
    status: str = "",
    overdue_only: bool = False,
    owned_only: bool = False,
) -> QuerySet[ActionPoint]:
    """Action points ``user`` may read: all of their schools', and those they own.

    Only points raised at submitted visits show to anyone but the supervisors."""
    scope = scoping.scope_for(user)
    condition = Q(owner_id=scope.person_id, visit__state__in=SUBMITTED_STATES)
    if access.oversees_supervision(user) and not owned_only:
        supervised = Q(school_id__in=scope.supervised_school_ids)
        others = access.school_condition(user) & Q(visit__state__in=SUBMITTED_STATES)
        condition |= supervised | others
    points = ActionPoint.objects.filter(condition)
    if school is not None:
        points = points.filter(school=school)
    if status:
        points = points.filter(status=status)
    if overdue_only:
        points = points.filter(status=ActionPoint.Status.OPEN, due_on__lt=today)
    return points.select_related("owner", "school__region", "visit").order_by(
        "status", "due_on", "pk"
    )


def attachment_for(*, user: User, public_id: str) -> Attachment | None:
    """An attachment whose visit ``user`` sees; the observed person of a linked
    observation sees it too once the visit is submitted."""
    scope = scoping.scope_for(user)
    condition = access.school_condition(user, prefix="visit__")
    if scope.person_id is not None:
        condition |= Q(
            observation__observed_person_id=scope.person_id,
            visit__state__in=SUBMITTED_STATES,
        )
    return (
        Attachment.objects.filter(condition, public_id=public_id)
        .select_related("visit__school")
        .first()
    )


def rubric_version_current(rubric: Rubric) -> RubricVersion | None:
    """The rubric's latest version, if it still holds the rubric as it is now."""
    latest = rubric.versions.order_by("-number").first()
    if latest is not None and latest.content == rubric.snapshot():
        return latest
    return None


def rubric_version_for_form(rubric: Rubric, shown: str | None = None) -> RubricVersion:
    """The version a new observation's form shows: the one it was shown with before
    (``shown``, a version id the form sent back, perhaps from a form kept offline while
    a newer version came), else the rubric's current version. A rubric changed since its
    last version (or never published) shows as it is now, unsaved: saving the observation
    publishes that version, so that reading the form writes nothing."""
    try:
        shown_with = rubric.versions.filter(pk=int(shown)).first() if shown else None
    except (TypeError, ValueError):
        shown_with = None
    if shown_with is not None:
        return shown_with
    current = rubric_version_current(rubric)
    if current is not None:
        return current
    latest = rubric.versions.order_by("-number").values_list("number", flat=True).first()
    return RubricVersion(rubric=rubric, number=(latest or 0) + 1, content=rubric.snapshot())
