"""The plan of a school's supervision: opening and changing a supervision year, the visit
dates it plans at its frequency, and visits added to it by hand."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from people.models import RoleMembership, School, User
from people.roles import Role

from .. import access
from ..models import Frequency, SupervisionYear, Visit

MONTHS_BETWEEN_VISITS = {Frequency.MONTHLY: 1, Frequency.BIMONTHLY: 2, Frequency.TERMLY: 3}


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def school_day(day: date) -> date:
    """Schools are closed at weekends: a Saturday or Sunday moves to the Monday."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def plan_dates(first_on: date, ends_on: date, frequency: str) -> list[date]:
    """Visit dates from ``first_on`` to ``ends_on`` at ``frequency``, on school days."""
    dates: list[date] = []
    number = 0
    while True:
        if frequency == Frequency.FORTNIGHTLY:
            day = first_on + timedelta(weeks=2 * number)
        else:
            day = _add_months(first_on, MONTHS_BETWEEN_VISITS[Frequency(frequency)] * number)
        day = school_day(day)
        if day > ends_on:
            return dates
        if not dates or day > dates[-1]:
            dates.append(day)
        number += 1


def _next_after(last: date, frequency: str, not_before: date) -> date:
    step = (
        last + timedelta(weeks=2)
        if frequency == Frequency.FORTNIGHTLY
        else _add_months(last, MONTHS_BETWEEN_VISITS[Frequency(frequency)])
    )
    return max(step, not_before)


def _plan(year: SupervisionYear, dates: list[date], supervisor: User) -> None:
    Visit.objects.bulk_create(
        [
            Visit(year=year, school=year.school, planned_on=day, supervisor=supervisor)
            for day in dates
        ]
    )


def check_within_year(year: SupervisionYear, day: date, *, field: str) -> None:
    """Refuse, on ``field``, a visit date outside ``year``."""
    if not year.starts_on <= day <= year.ends_on:
        raise ValidationError(
            {
                field: _("Choose a date between %(start)s and %(end)s.")
                % {"start": year.starts_on.isoformat(), "end": year.ends_on.isoformat()}
            }
        )


def _check_supervisors(school: School, supervisors: Iterable[User]) -> list[User]:
    supervisors = list(supervisors)
    if not supervisors:
        raise ValidationError({"supervisors": _("Choose at least one supervisor.")})
    holding = set(
        RoleMembership.objects.current()
        .filter(role=Role.SUPERVISOR, school=school, person__in=supervisors)
        .values_list("person_id", flat=True)
    )
    for person in supervisors:
        if person.pk not in holding:
            raise ValidationError(
                {
                    "supervisors": _("%(person)s is not a supervisor of %(school)s.")
                    % {"person": person, "school": school}
                }
            )
    return supervisors


@transaction.atomic
def year_create(
    *,
    actor: User,
    school: School,
    starts_on: date,
    ends_on: date,
    supervisors: Iterable[User],
    frequency: str = Frequency.MONTHLY,
    first_visit_on: date | None = None,
) -> SupervisionYear:
    """Open a supervision year for a school and plan its visits at ``frequency``.

    Only the school's regional coordinator or a programme manager may. Refused if the
    school already has a year starting that day (so a repeat changes nothing) or if a
    supervisor does not hold the supervisor role at the school.
    """
    if not access.creates_years_at(actor, school):
        raise PermissionDenied(
            _("Only the regional coordinator or a programme manager can open a supervision year.")
        )
    errors: dict[str, str] = {}
    if ends_on <= starts_on:
        errors["ends_on"] = _("The year must end after it starts.")
    if frequency not in Frequency.values:
        errors["frequency"] = _("Choose how often the school is visited.")
    first_visit_on = first_visit_on or starts_on
    if not errors and not starts_on <= first_visit_on <= ends_on:
        errors["first_visit_on"] = _("The first visit must fall within the year.")
    if errors:
        raise ValidationError(errors)
    if SupervisionYear.objects.filter(school=school, starts_on=starts_on).exists():
        raise ValidationError(
            {
                "starts_on": _("%(school)s already has a supervision year starting on this day.")
                % {"school": school}
            }
        )
    people = _check_supervisors(school, supervisors)
    year = SupervisionYear.objects.create(
        school=school, starts_on=starts_on, ends_on=ends_on, frequency=frequency, created_by=actor
    )
    year.supervisors.set(people)
    dates = plan_dates(first_visit_on, ends_on, frequency)
    _plan(year, dates, people[0])
    log(
        year,
        "supervision.year.create",
        user=actor,
        data={
            "school": school.code,
            "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat(),
            "frequency": frequency,
            "visits": len(dates),
            "supervisors": [p.pk for p in people],
        },
    )
    return year


@transaction.atomic
def year_update(
    *,
    actor: User,
    year: SupervisionYear,
    supervisors: Iterable[User],
    frequency: str,
    today: date | None = None,
) -> SupervisionYear:
    """Change a year's supervisors and, if the frequency changes, re-plan its future visits.

    Re-planning replaces only visits still planned after today; visits started, done,
    missed or moved stay. Repeat-safe: the same values change nothing.
    """
    if not access.creates_years_at(actor, year.school):
        raise PermissionDenied(
            _("Only the regional coordinator or a programme manager can change a supervision year.")
        )
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose how often the school is visited.")})
    today = today or timezone.localdate()
    year = SupervisionYear.objects.select_for_update().get(pk=year.pk)
    people = _check_supervisors(year.school, supervisors)
    before = sorted(year.supervisors.values_list("pk", flat=True))
    changed: dict[str, Any] = {}
    if before != sorted(p.pk for p in people):
        year.supervisors.set(people)
        changed["supervisors"] = [before, sorted(p.pk for p in people)]
    if frequency != year.frequency:
        future = year.visits.filter(state=Visit.State.PLANNED, planned_on__gt=today)
        removed = future.count()
        future.delete()
        start = max(today + timedelta(days=1), year.starts_on)
        last = year.visits.order_by("-planned_on").values_list("planned_on", flat=True).first()
        first = _next_after(last, frequency, start) if last else start
        dates = plan_dates(first, year.ends_on, frequency)
        _plan(year, dates, people[0])
        changed["frequency"] = [year.frequency, frequency]
        changed["replanned"] = {"removed": removed, "added": len(dates)}
        year.frequency = frequency
        year.save(update_fields=["frequency"])
    if changed:
        log(year, "supervision.year.update", user=actor, data=changed)
    return year


@transaction.atomic
def visit_add(
    *, actor: User, year: SupervisionYear, planned_on: date, supervisor: User | None = None
) -> Visit:
    """Add a visit to a year's plan. The school's supervisors, its regional coordinator
    and programme managers may; the date must fall within the year."""
    if not access.plans_visits(actor, year.school):
        raise PermissionDenied(_("Your roles do not let you plan visits to this school."))
    check_within_year(year, planned_on, field="planned_on")
    if supervisor is None:
        supervisor = actor if actor in year.supervisors.all() else year.supervisors.first()
    elif not year.supervisors.filter(pk=supervisor.pk).exists():
        raise ValidationError(
            {"supervisor": _("Choose one of the supervisors of this school's year.")}
        )
    visit = Visit.objects.create(
        year=year, school=year.school, planned_on=planned_on, supervisor=supervisor
    )
    log(visit, "supervision.visit.plan", user=actor, data={"planned_on": planned_on.isoformat()})
    return visit
