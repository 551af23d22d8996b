"""Reads of the plan: supervision years and their visits, the schools' rows of the
current year, a supervisor's caseload, and the visits a supervisor's device keeps offline."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet

from people import scoping
from people.models import Region, School, User

from .. import access
from ..models import (
    PLANNED_STATES,
    SUBMITTED_STATES,
    ActionPoint,
    Attachment,
    Observation,
    SupervisionYear,
    Visit,
)

State = Visit.State
OPEN_STATES = (State.PLANNED, State.IN_PROGRESS, State.SUBMITTED, State.ACKNOWLEDGED)


def academic_year_start(today: date) -> date:
    """1 September of the school year ``today`` falls in."""
    year = today.year if today.month >= 9 else today.year - 1
    return date(year, 9, 1)


def academic_year_label(start: date) -> str:
    """ "2026–2027" for the school year starting on ``start``."""
    return f"{start.year}–{start.year + 1}"


def year_list_for(
    *,
    user: User,
    starts_from: date | None = None,
    starts_before: date | None = None,
    region: Region | None = None,
    school: School | None = None,
    today: date,
) -> QuerySet[SupervisionYear]:
    """Supervision years ``user`` sees, with counts of planned and done visits, the next
    planned visit, and open and overdue action points, each as one annotated column."""
    years = SupervisionYear.objects.filter(access.school_condition(user))
    if starts_from is not None:
        years = years.filter(starts_on__gte=starts_from)
    if starts_before is not None:
        years = years.filter(starts_on__lt=starts_before)
    if region is not None:
        years = years.filter(school__region=region)
    if school is not None:
        years = years.filter(school=school)
    overdue = ActionPoint.objects.filter(
        visit__year=OuterRef("pk"), status=ActionPoint.Status.OPEN, due_on__lt=today
    )
    return (
        years.select_related("school__region")
        .prefetch_related("supervisors")
        .annotate(
            planned_count=Count("visits", filter=Q(visits__state__in=PLANNED_STATES)),
            done_count=Count("visits", filter=Q(visits__state__in=SUBMITTED_STATES)),
            next_visit_on=Min(
                "visits__planned_on",
                filter=Q(visits__state__in=[State.PLANNED, State.IN_PROGRESS])
                & Q(visits__planned_on__gte=today),
            ),
            has_overdue=Exists(overdue),
        )
        .order_by("school__region__name_en", "school__name_en", "-starts_on")
    )


def year_detail_for(*, user: User, public_id: str) -> SupervisionYear | None:
    return (
        SupervisionYear.objects.filter(access.school_condition(user), public_id=public_id)
        .select_related("school__region")
        .prefetch_related(
            "supervisors",
            Prefetch(
                "visits",
                queryset=Visit.objects.select_related("supervisor", "rescheduled_from").annotate(
                    observation_count=Count("observations", distinct=True),
                    action_point_count=Count("action_points", distinct=True),
                ),
                to_attr="plan",
            ),
        )
        .first()
    )


def visit_list_for(
    *,
    user: User,
    school: School | None = None,
    states: list[str] | None = None,
) -> QuerySet[Visit]:
    visits = Visit.objects.filter(access.school_condition(user))
    if school is not None:
        visits = visits.filter(school=school)
    if states:
        visits = visits.filter(state__in=states)
    return visits.select_related("school__region", "supervisor", "year")


def school_rows_for(*, user: User, today: date) -> list[tuple[School, SupervisionYear | None]]:
    """Each school whose supervision ``user`` follows, with its supervision year of the
    current school year (the latest-starting one), or ``None`` if it has none yet."""
    start = academic_year_start(today)
    years = year_list_for(
        user=user, starts_from=start, starts_before=date(start.year + 1, 9, 1), today=today
    )
    by_school: dict[int, SupervisionYear] = {}
    for year in years:
        by_school.setdefault(year.school_id, year)
    schools = access.supervision_schools(user).select_related("region")
    return [(school, by_school.get(school.pk)) for school in schools]


@dataclass
class Caseload:
    recording: list[Visit] = field(default_factory=list)
    overdue: list[Visit] = field(default_factory=list)
    this_month: list[Visit] = field(default_factory=list)
    upcoming: list[Visit] = field(default_factory=list)
    awaiting_sign_off: list[Visit] = field(default_factory=list)
    to_close: list[Visit] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(
            (
                self.recording,
                self.overdue,
                self.this_month,
                self.upcoming,
                self.awaiting_sign_off,
                self.to_close,
            )
        )


def caseload_for(*, user: User, today: date, weeks_ahead: int = 10) -> Caseload:
    """A supervisor's visits that need them: being recorded, overdue (planned and past),
    this month, coming up, waiting for the school's sign-off, signed off and to close.
    One query, whatever the number of schools."""
    scope = scoping.scope_for(user)
    visits = (
        Visit.objects.filter(
            school_id__in=scope.supervised_school_ids,
            state__in=OPEN_STATES,
            planned_on__lte=today + timedelta(weeks=weeks_ahead),
        )
        .select_related("school__region", "supervisor")
        .order_by("planned_on", "school__name_en")
    )
    month_end = date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
    caseload = Caseload()
    for visit in visits:
        if visit.state == State.IN_PROGRESS:
            visit.is_late = visit.planned_on + timedelta(days=2) <= today  # type: ignore[attr-defined]
            caseload.recording.append(visit)
        elif visit.state == State.SUBMITTED:
            caseload.awaiting_sign_off.append(visit)
        elif visit.state == State.ACKNOWLEDGED:
            caseload.to_close.append(visit)
        elif visit.planned_on < today:
            caseload.overdue.append(visit)
        elif visit.planned_on <= month_end:
            caseload.this_month.append(visit)
        else:
            caseload.upcoming.append(visit)
    return caseload


OFFLINE_DAYS_AHEAD = 7
OFFLINE_MAX_VISITS = 12


def offline_visits_for(
    *, user: User, today: date, days_ahead: int = OFFLINE_DAYS_AHEAD
) -> list[Visit]:
    """The visits a supervisor's device keeps for working without a connection: those they
    lead and are recording, and those they lead that are planned from today to
    ``days_ahead`` days on, at schools they still supervise. Never anyone else's visits.

    At most ``OFFLINE_MAX_VISITS``, the soonest first; each with its observations and
    attachments. Three queries, whatever the number of visits."""
    scope = scoping.scope_for(user)
    if scope.person_id is None or not scope.supervised_school_ids:
        return []
    visits = (
        Visit.objects.filter(
            school_id__in=scope.supervised_school_ids, supervisor_id=scope.person_id
        )
        .filter(
            Q(state=State.IN_PROGRESS)
            | Q(
                state=State.PLANNED,
                planned_on__gte=today,
                planned_on__lte=today + timedelta(days=days_ahead),
            )
        )
        .select_related("school")
        .prefetch_related(
            Prefetch("observations", queryset=Observation.objects.only("public_id", "visit_id")),
            Prefetch(
                "attachments", queryset=Attachment.objects.only("public_id", "kind", "visit_id")
            ),
        )
        .order_by("planned_on", "pk")
    )
    return list(visits[:OFFLINE_MAX_VISITS])
