"""Oversight across schools: coverage, visits done against planned per school and month
of a school year, and the choices its filters offer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from core import numbers
from people import scoping
from people.models import Region, School, User

from .. import access
from ..models import PLANNED_STATES, SUBMITTED_STATES, ActionPoint, SupervisionYear, Visit
from .plan import academic_year_start


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


class _Share:
    done: int
    planned_to_date: int

    @property
    def share(self) -> int | None:
        """Visits done against visits planned up to today, in per cent."""
        if not self.planned_to_date:
            return None
        return numbers.percent(self.done, self.planned_to_date)


@dataclass
class CoverageRow(_Share):
    school: School
    cells: list[CoverageCell]
    done: int
    planned: int
    planned_to_date: int
    overdue_points: int


@dataclass
class Coverage(_Share):
    months: list[date]
    rows: list[CoverageRow]
    totals: list[CoverageCell]
    done: int
    planned: int
    planned_to_date: int


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


def coverage_choices_for(*, user: User, today: date) -> tuple[list[int], QuerySet[Region]]:
    """The school years (by the calendar year they start in, newest first, always with the
    current one) and the regions that ``user``'s coverage can show."""
    current = academic_year_start(today).year
    known = set(
        SupervisionYear.objects.filter(access.school_condition(user)).values_list(
            "starts_on__year", flat=True
        )
    )
    regions = (
        scoping.visible_regions(user)
        .filter(schools__in=access.supervision_schools(user))
        .distinct()
    )
    return sorted(known | {current}, reverse=True), regions
