"""Reads of supervision, always through the reader's scope (``access`` on ``people.scoping``).

The number of queries of each list does not grow with the number of rows: related rows
come with ``select_related``/``prefetch_related``, counts with ``annotate``.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Avg, Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import formats
from wagtail.models import ModelLogEntry

from people import scoping
from people.models import Region, School, User

from . import access
from .models import (
    PLANNED_STATES,
    SUBMITTED_STATES,
    ActionPoint,
    ActionPointReview,
    Attachment,
    Observation,
    ObservationScore,
    SupervisionYear,
    Visit,
    pick,
)

State = Visit.State
OPEN_STATES = (State.PLANNED, State.IN_PROGRESS, State.SUBMITTED, State.ACKNOWLEDGED)
NOT_SUBMITTED_AFTER = timedelta(hours=48)


def academic_year_start(today: date) -> date:
    """1 September of the school year ``today`` falls in."""
    year = today.year if today.month >= 9 else today.year - 1
    return date(year, 9, 1)


# --- Years and visits -----------------------------------------------------------------------


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


# --- Observations ---------------------------------------------------------------------------


def _observation_condition(user: User) -> Q:
    """Observations ``user`` may read: every observation in their schools' visits, and
    their own once the visit is submitted."""
    scope = scoping.scope_for(user)
    if scope.person_id is None:
        return Q(pk__in=[])
    own = Q(observed_person_id=scope.person_id, visit__state__in=SUBMITTED_STATES)
    return (
        own | access.school_condition(user, prefix="visit__")
        if access.oversees_supervision(user)
        else own
    )


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


def observed_practice_for(*, person: User) -> tuple[int, float | None, int]:
    """(number of submitted observations of ``person``, their mean score, top of scale).

    Each observation weighs the same. Observations made on scales of different lengths
    are put on the longest one first (1 stays 1, each top becomes the top).
    """
    rows = list(
        Observation.objects.filter(
            observed_person=person,
            is_complete=True,
            visit__state__in=SUBMITTED_STATES,
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


# --- Action points --------------------------------------------------------------------------


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


# --- Coverage -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CoverageCell:
    done: int
    planned: int
    due: int  # planned visits whose day has come

    @property
    def level(self) -> str:
        """How the month stands: met, part, none, future (nothing due yet beyond what is
        done) or empty (nothing planned)."""
        if not self.planned:
            return "empty"
        if self.done >= self.planned:
            return "met"
        if self.done >= self.due:
            return "future"
        return "part" if self.done else "none"


@dataclass
class CoverageRow:
    school: School
    cells: list[CoverageCell]
    done: int
    planned: int
    planned_to_date: int
    overdue_points: int

    @property
    def share(self) -> int | None:
        """Visits done against visits planned up to today, in per cent."""
        return round(100 * self.done / self.planned_to_date) if self.planned_to_date else None


@dataclass
class Coverage:
    months: list[date]
    rows: list[CoverageRow]
    totals: list[CoverageCell]
    done: int
    planned: int
    planned_to_date: int

    @property
    def share(self) -> int | None:
        return round(100 * self.done / self.planned_to_date) if self.planned_to_date else None


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def coverage_for(
    *, user: User, starts_on: date, today: date, region: Region | None = None
) -> Coverage:
    """Per school and month of the school year from ``starts_on``: visits done (submitted,
    signed off or closed) against visits planned (all but those moved to another date),
    and open action points past their due date. Months still to come are told apart, and
    the share done counts only visits planned up to ``today``. Three queries, whatever
    the number of schools."""
    ends_before = date(starts_on.year + 1, starts_on.month, 1)
    schools = access.supervision_schools(user).select_related("region")
    if region is not None:
        schools = schools.filter(region=region)
    schools_list = list(schools.order_by("region__name_en", "name_en"))
    ids = [school.pk for school in schools_list]
    counts: dict[tuple[int, date], tuple[int, int, int]] = {}
    rows = (
        Visit.objects.filter(
            school_id__in=ids, planned_on__gte=starts_on, planned_on__lt=ends_before
        )
        .annotate(month=TruncMonth("planned_on"))
        .values("school_id", "month")
        .annotate(
            planned=Count("pk", filter=Q(state__in=PLANNED_STATES)),
            done=Count("pk", filter=Q(state__in=SUBMITTED_STATES)),
            due=Count("pk", filter=Q(state__in=PLANNED_STATES, planned_on__lte=today)),
        )
    )
    last_month = date(starts_on.year + 1, 5, 1)  # the school year ends in May
    for row in rows:
        month_value = row["month"]
        if hasattr(month_value, "date"):
            month_value = month_value.date()
        counts[(row["school_id"], month_value)] = (row["done"], row["planned"], row["due"])
        last_month = max(last_month, month_value)
    months = []
    month = date(starts_on.year, starts_on.month, 1)
    while month <= last_month:
        months.append(month)
        month = _next_month(month)
    overdue = dict(
        ActionPoint.objects.filter(
            school_id__in=ids,
            status=ActionPoint.Status.OPEN,
            due_on__lt=today,
            visit__state__in=SUBMITTED_STATES,
        )
        .values("school_id")
        .annotate(n=Count("pk"))
        .values_list("school_id", "n")
    )
    result_rows = []
    for school in schools_list:
        numbers = [counts.get((school.pk, month), (0, 0, 0)) for month in months]
        result_rows.append(
            CoverageRow(
                school=school,
                cells=[CoverageCell(done, planned, due) for done, planned, due in numbers],
                done=sum(n[0] for n in numbers),
                planned=sum(n[1] for n in numbers),
                planned_to_date=sum(n[2] for n in numbers),
                overdue_points=overdue.get(school.pk, 0),
            )
        )
    totals = [
        CoverageCell(
            sum(row.cells[index].done for row in result_rows),
            sum(row.cells[index].planned for row in result_rows),
            sum(row.cells[index].due for row in result_rows),
        )
        for index in range(len(months))
    ]
    return Coverage(
        months=months,
        rows=result_rows,
        totals=totals,
        done=sum(row.done for row in result_rows),
        planned=sum(row.planned for row in result_rows),
        planned_to_date=sum(row.planned_to_date for row in result_rows),
    )


# --- One person's practice ------------------------------------------------------------------

CHART_WIDTH = 480
CHART_HEIGHT = 260
CHART_PADDING = {"left": 40, "right": 36, "top": 16, "bottom": 40}
SERIES_STYLES = [
    {"colour": "#0b5d63", "dash": "", "marker": "circle"},
    {"colour": "#7a4d00", "dash": "8 4", "marker": "square"},
    {"colour": "#5b3a8c", "dash": "2 4", "marker": "diamond"},
    {"colour": "#b3261e", "dash": "12 4 2 4", "marker": "triangle"},
    {"colour": "#1d6b34", "dash": "4 2", "marker": "circle"},
    {"colour": "#0a5a9c", "dash": "1 3", "marker": "square"},
]


@dataclass
class ChartSeries:
    name: str
    colour: str
    dash: str
    marker: str
    points: list[dict[str, Any]]  # x, y, value, label

    @property
    def polyline(self) -> str:
        return " ".join(f"{p['x']:.1f},{p['y']:.1f}" for p in self.points)


@dataclass
class PracticeChart:
    """Scores per domain across the year for one rubric, as an SVG and as a table."""

    title: str
    scale_max: int
    series: list[ChartSeries]
    dates: list[date]
    table: list[tuple[date, list[tuple[str, float | None]]]]
    y_ticks: list[dict[str, Any]]
    x_ticks: list[dict[str, Any]]
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    plot: dict[str, int] = field(default_factory=dict)


def _charts(observations: list[Observation]) -> list[PracticeChart]:
    complete = [o for o in observations if o.is_complete]
    if not complete:
        return []
    domain_scores: dict[tuple[int, str], float] = {
        (row["observation_id"], row["domain_key"]): row["avg"]
        for row in ObservationScore.objects.filter(observation__in=complete)
        .values("observation_id", "domain_key")
        .annotate(avg=Avg("score"))
    }
    by_rubric: dict[int, list[Observation]] = defaultdict(list)
    for observation in complete:
        by_rubric[observation.rubric_version.rubric_id].append(observation)
    charts = []
    for group in by_rubric.values():
        group.sort(key=lambda o: (o.visit.planned_on, o.pk))
        latest = max(group, key=lambda o: o.rubric_version.number).rubric_version
        names: dict[str, str] = {}
        for observation in group:
            for domain in observation.rubric_version.content["domains"]:
                names.setdefault(domain["key"], pick(domain["name"]))
        for domain in latest.content["domains"]:
            names[domain["key"]] = pick(domain["name"])
        keys = [key for key in names if any((o.pk, key) in domain_scores for o in group)]
        scale_max = max(o.scale_max for o in group)
        charts.append(_chart(latest.name, group, keys, names, domain_scores, scale_max))
    return charts


def _chart(
    title: str,
    group: list[Observation],
    keys: list[str],
    names: dict[str, str],
    domain_scores: dict[tuple[int, str], float],
    scale_max: int,
) -> PracticeChart:
    pad = CHART_PADDING
    inner_w = CHART_WIDTH - pad["left"] - pad["right"]
    inner_h = CHART_HEIGHT - pad["top"] - pad["bottom"]
    count = len(group)

    def x_at(index: int) -> float:
        return pad["left"] + (inner_w / 2 if count == 1 else inner_w * index / (count - 1))

    def y_at(value: float) -> float:
        return pad["top"] + inner_h * (scale_max - value) / max(scale_max - 1, 1)

    series = []
    for number, key in enumerate(keys):
        style = SERIES_STYLES[number % len(SERIES_STYLES)]
        points = []
        for index, observation in enumerate(group):
            value = domain_scores.get((observation.pk, key))
            if value is None:
                continue
            x, y = x_at(index), y_at(value)
            points.append(
                {
                    "x": x,
                    "y": y,
                    "shape": _marker(style["marker"], x, y),
                    "value": round(value, 2),
                    "label": formats.date_format(observation.visit.planned_on, "j M"),
                }
            )
        series.append(
            ChartSeries(names[key], style["colour"], style["dash"], style["marker"], points)
        )
    table = [
        (
            observation.visit.planned_on,
            [
                (
                    names[key],
                    round(domain_scores[(observation.pk, key)], 2)
                    if (observation.pk, key) in domain_scores
                    else None,
                )
                for key in keys
            ],
        )
        for observation in group
    ]
    return PracticeChart(
        title=title,
        scale_max=scale_max,
        series=series,
        dates=[o.visit.planned_on for o in group],
        table=table,
        y_ticks=[{"value": v, "y": y_at(v)} for v in range(1, scale_max + 1)],
        x_ticks=[
            {"x": x_at(i), "label": formats.date_format(o.visit.planned_on, "j M")}
            for i, o in enumerate(group)
        ],
        plot={
            "left": pad["left"],
            "top": pad["top"],
            "right": CHART_WIDTH - pad["right"],
            "bottom": CHART_HEIGHT - pad["bottom"],
        },
    )


def _marker(kind: str, x: float, y: float) -> str:
    """The ``points`` of a polygon marker, so series differ by shape as well as colour."""
    corners = {
        "square": [(-5, -5), (5, -5), (5, 5), (-5, 5)],
        "diamond": [(0, -7), (7, 0), (0, 7), (-7, 0)],
        "triangle": [(0, -7), (7, 6), (-7, 6)],
    }.get(kind, [])
    return " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in corners)


@dataclass
class Practice:
    person: User
    observations: list[Observation]
    action_points: list[ActionPoint]
    charts: list[PracticeChart]
    count: int
    average: float | None
    scale_max: int


def practice_for(*, user: User, person: User, today: date) -> Practice:
    """What ``user`` may see of ``person``'s observed practice: observations, the action
    points they own, and a chart per rubric of their scores per domain over the year."""
    observations = list(observation_list_for(user=user, person=person))
    points = list(action_point_list_for(user=user, today=today).filter(owner=person))
    count, average, scale_max = observed_practice_for(person=person)
    if user.pk != person.pk and not access.oversees_supervision(user):
        count, average = len(observations), None
    return Practice(
        person=person,
        observations=observations,
        action_points=points,
        charts=_charts(observations),
        count=count,
        average=average,
        scale_max=scale_max,
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
