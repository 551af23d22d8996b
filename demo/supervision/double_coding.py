"""Double-coded visits in the demo: about one submitted visit in ten gets a co-observer
whose scores agree well with the supervisor's (the same or one level off), and one
calibrated supervisor's latest double-coded visits (led or co-observed) disagree by two
levels, so that the register shows them flagged for recalibration.

The co-observers' scores are derived from the supervisor's; a second run finds the
double-coded visits there and changes nothing. The pair's agreement
and the flag come from the product's own services.
"""

from __future__ import annotations

from datetime import date
from itertools import cycle

from django.utils import timezone

from people.models import RoleMembership, User
from people.roles import Role
from supervision import services
from supervision.models import (
    SUBMITTED_STATES,
    CalibrationSettings,
    CoObservationScore,
    DoubleCoding,
    Rubric,
    SessionType,
    Visit,
)
from supervision.selectors.calibration import calibration_current
from supervision.selectors.double_coding import picks

from .base import Counts


def _visits() -> list[Visit]:
    """Submitted visits with complete lesson observations, in date order."""
    return list(
        Visit.objects.filter(
            state__in=SUBMITTED_STATES,
            supervisor__isnull=False,
            observations__is_complete=True,
            observations__session_type=SessionType.INCLUSIVE_LESSON,
        )
        .distinct()
        .select_related("school", "supervisor")
        .order_by("planned_on", "pk")
    )


def _supervisors() -> list[User]:
    return list(
        User.objects.filter(
            pk__in=RoleMembership.objects.current().filter(role=Role.SUPERVISOR).values("person_id")
        ).order_by("email")
    )


def _code(visit: Visit, co_observer: User, gap: int, counts: Counts) -> None:
    """The co-observer's scores: the supervisor's moved ``gap`` levels (up where the scale
    allows, down otherwise), every other indicator ``gap - 1`` when ``gap`` is 1 (agreeing);
    then the pair's agreement is recorded."""
    coding = DoubleCoding.objects.create(visit=visit, co_observer=co_observer)
    rows = []
    for observation in visit.observations.prefetch_related("scores"):
        top = observation.scale_max
        for number, score in enumerate(observation.scores.order_by("indicator_key")):
            step = gap if gap > 1 or number % 2 else 0
            level = score.score + step if score.score + step <= top else score.score - step
            rows.append(
                CoObservationScore(
                    double_coding=coding,
                    observation=observation,
                    domain_key=score.domain_key,
                    indicator_key=score.indicator_key,
                    score=max(1, min(top, level)),
                )
            )
    CoObservationScore.objects.bulk_create(rows)
    coding.submitted_at = timezone.now()
    coding.save(update_fields=["submitted_at"])
    services.double_coding_record(visit=visit)
    counts.add("double-coded visits")


def seed(counts: Counts, today: date) -> None:
    if DoubleCoding.objects.exists():
        return
    visits = _visits()
    supervisors = _supervisors()
    if len(supervisors) < 2 or not visits:
        return
    window = CalibrationSettings.load().flag_window
    rubric = Rubric.objects.get(session_type=SessionType.INCLUSIVE_LESSON)
    # The supervisor with poor agreement: the first calibrated one (not the demo's own
    # login), on their latest visits as lead and, to make up the window, as co-observer.
    poor = next(
        (
            person
            for person in supervisors
            if not person.email.startswith("supervisor@")
            and calibration_current(supervisor=person, rubric=rubric, day=today) is not None
        ),
        None,
    )
    others = cycle([p for p in supervisors if p != poor])
    taken: set[int] = set()
    if poor is not None:
        led = [v for v in visits if v.supervisor_id == poor.pk][-window:]
        needed = window - len(led)
        seen = [v for v in visits if v.supervisor_id != poor.pk][-needed:] if needed else []
        for visit in led:
            _code(visit, next(others), 2, counts)
        for visit in seen:
            _code(visit, poor, 2, counts)
        taken = {v.pk for v in [*led, *seen]}
    # Good agreement on every tenth of the other visits.
    rest = [v for v in visits if v.pk not in taken and (poor is None or v.supervisor_id != poor.pk)]
    for ordinal in picks(len(rest), 10):
        visit = rest[ordinal - 1]
        co_observer = next(p for p in others if p.pk != visit.supervisor_id)
        _code(visit, co_observer, 1, counts)
