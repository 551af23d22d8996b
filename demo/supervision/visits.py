"""A supervision year for every demo school, and its visits in every state relative to
today, each with the history of its moves."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.core.management.base import OutputWrapper
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from people.models import RoleMembership, School, User
from people.roles import Role
from supervision import services
from supervision.models import ActionPoint, Frequency, RubricVersion, SupervisionYear, Visit

from ..loader import Text
from ..people import PeopleSeedResult
from .base import DATA, REASONS, SESSION_FOR_ROLE, Counts, State, at
from .calibration import attempts as calibration_attempts
from .double_coding import seed as double_coding_seed
from .records import VisitRecords
from .rubrics import RUBRICS, rubric_version

VISIT_NOTES: Text = DATA["visit_notes"]


def school_day_from(day: date) -> date:
    """The first school day on or after ``day``, as the visit plan counts school days."""
    return services.plan_dates(day, day + timedelta(days=7), Frequency.MONTHLY)[0]


class SupervisionSeeder(VisitRecords):
    """The supervision year of every school that has a supervisor, from 1 September."""

    def __init__(self, out: OutputWrapper, people: PeopleSeedResult) -> None:
        self.out = out
        self.today = timezone.localdate()
        self.starts_on = date(people.programme_start.year, 9, 1)
        self.ends_on = date(people.programme_start.year + 1, 5, 31)
        self.counts = Counts()
        self.versions: dict[str, RubricVersion] = {}

    @transaction.atomic
    def run(self) -> None:
        for session_type in RUBRICS:
            self.versions[session_type] = rubric_version(session_type, self.counts)
        schools = list(
            School.objects.filter(memberships__role=Role.SUPERVISOR).distinct().order_by("code")
        )
        for index, school in enumerate(schools):
            self.school(index, school)
        calibration_attempts(self.versions, self.counts, self.today)
        double_coding_seed(self.counts, self.today)
        created = self.counts.created
        summary = ", ".join(f"{number} {name}" for name, number in created.items()) or "nothing new"
        self.out.write(f"Supervision demo: created {summary}.")

    # -- one school ------------------------------------------------------------------------------

    def school(self, index: int, school: School) -> None:
        supervisors = list(
            User.objects.filter(
                memberships__role=Role.SUPERVISOR,
                memberships__school=school,
                memberships__ended_on__isnull=True,
            ).order_by("pk")
        )
        if not supervisors:
            return
        supervisor = supervisors[0]
        year, created = SupervisionYear.objects.get_or_create(
            school=school,
            starts_on=self.starts_on,
            defaults={"ends_on": self.ends_on, "frequency": Frequency.MONTHLY},
        )
        if created:
            year.supervisors.set(supervisors)
            self.counts.add("supervision years")
        first = date(self.starts_on.year, 9, 8 + (index * 3) % 14)
        # Staff who have signed up, so that their observed practice can be seen in the demo.
        staff = list(
            RoleMembership.objects.current()
            .filter(school=school, role__in=SESSION_FOR_ROLE)
            .exclude(person__password__startswith="!")  # noqa: S106  (no account yet)
            .select_related("person")
            .order_by("role", "person__email")
        )
        owners = [m.person for m in staff] or supervisors
        language = "en" if index % 5 == 4 else supervisor.preferred_language
        open_points: list[ActionPoint] = []
        dates = services.plan_dates(first, self.ends_on, Frequency.MONTHLY)
        if index == 0:
            # The demo supervisor is at the first school on the latest school day: a visit
            # being recorded, added to the plan.
            latest = self.today - timedelta(days=max(0, self.today.weekday() - 4))
            if self.starts_on < latest <= self.ends_on and all(
                abs((day - latest).days) > 7 for day in dates
            ):
                dates = sorted([*dates, latest])
        for number, day in enumerate(dates):
            state = self.state_for(index, number, day)
            visit = self.visit(year, school, supervisor, day, state, language)
            if state == State.RESCHEDULED:
                moved_on = school_day_from(day + timedelta(days=7))
                moved_state = (
                    State.CLOSED
                    if moved_on < self.today - timedelta(days=30)
                    else (State.SUBMITTED if moved_on < self.today else State.PLANNED)
                )
                visit = self.visit(
                    year, school, supervisor, moved_on, moved_state, language, moved_from=visit
                )
                state = moved_state
            if state in (State.PLANNED, State.MISSED):
                continue
            reviewed_all = not (state == State.IN_PROGRESS and visit.state_reason == "")
            self.reviews(visit, open_points, language, review_all=reviewed_all)
            self.observations(visit, staff, number, language, complete=reviewed_all)
            if state != State.IN_PROGRESS or visit.state_reason:
                # Each action point follows one of the visit's observations.
                observed = (
                    [self.observed(staff, number, n).person for n in range(2)] if staff else []
                )
                open_points += self.points(visit, observed or owners, number, language)
            if index < 2 and state in (State.CLOSED, State.ACKNOWLEDGED):
                self.photo(visit, number)

    def state_for(self, index: int, number: int, day: date) -> str:
        today = self.today
        if index == 0 and today - timedelta(days=3) <= day <= today:
            return State.IN_PROGRESS
        if day > today:
            return State.PLANNED
        if day < today - timedelta(days=30):
            if (index + number) % 9 == 0 and number > 0:
                return State.MISSED
            if (index + number) % 10 == 3:
                return State.RESCHEDULED
            return State.CLOSED
        if day < today - timedelta(days=2):
            return [State.ACKNOWLEDGED, State.SUBMITTED, State.CLOSED, State.IN_PROGRESS][index % 4]
        return State.IN_PROGRESS if index % 2 == 0 else State.PLANNED

    def visit(
        self,
        year: SupervisionYear,
        school: School,
        supervisor: User,
        day: date,
        state: str,
        language: str,
        moved_from: Visit | None = None,
    ) -> Visit:
        existing = Visit.objects.filter(year=year, planned_on=day).first()
        if existing is not None:
            return existing
        returned = state == State.IN_PROGRESS and day < self.today - timedelta(days=2)
        fields: dict[str, Any] = {"state": state, "supervisor": supervisor}
        if state in (State.MISSED, State.RESCHEDULED):
            fields["state_reason"] = REASONS[state][language]
        if state not in (State.PLANNED, State.MISSED, State.RESCHEDULED):
            fields["started_at"] = at(day, 9, 30)
            fields["notes"] = VISIT_NOTES[language]
        if state in (State.SUBMITTED, State.ACKNOWLEDGED, State.CLOSED) or returned:
            fields["submitted_at"] = at(day, 17, 10)
        leader = (
            User.objects.filter(
                memberships__role=Role.SCHOOL_LEADER,
                memberships__school=school,
                memberships__ended_on__isnull=True,
            )
            .order_by("pk")
            .first()
        )
        if state in (State.ACKNOWLEDGED, State.CLOSED) and leader is not None:
            fields.update(
                signed_off_by=leader,
                signed_off_name=leader.full_name,
                signed_off_at=at(day + timedelta(days=2), 11, 5),
            )
        if state == State.CLOSED:
            fields["closed_at"] = at(day + timedelta(days=4), 10, 0)
        if returned:
            fields["state_reason"] = REASONS["returned"][language]
        visit = Visit.objects.create(
            year=year, school=school, planned_on=day, rescheduled_from=moved_from, **fields
        )
        self.counts.add("visits")
        self.history(visit, state, supervisor, leader, returned, language)
        return visit

    def history(
        self,
        visit: Visit,
        state: str,
        supervisor: User,
        leader: User | None,
        returned: bool,
        language: str,
    ) -> None:
        day = visit.planned_on
        entries: list[tuple[str, User | None, datetime, dict[str, Any]]] = []
        if state == State.MISSED:
            entries.append(("miss", supervisor, at(day, 8, 40), {"reason": visit.state_reason}))
        if state == State.RESCHEDULED:
            entries.append(
                (
                    "reschedule",
                    supervisor,
                    at(day - timedelta(days=3), 15),
                    {"reason": visit.state_reason},
                )
            )
        if visit.started_at:
            entries.append(("start", supervisor, visit.started_at, {}))
        if visit.submitted_at:
            entries.append(("submit", supervisor, visit.submitted_at, {}))
        if visit.signed_off_at or returned:
            when = at(day + timedelta(days=2), 11, 5)
            entries.append(("acknowledge", leader, when, {}))
        if returned:
            entries.append(
                (
                    "return",
                    leader,
                    at(day + timedelta(days=2), 15, 30),
                    {"reason": REASONS["returned"][language]},
                )
            )
        if visit.closed_at:
            entries.append(("close", supervisor, visit.closed_at, {}))
        for action, user, when, data in entries:
            log(visit, f"supervision.visit.{action}", user=user, data=data, timestamp=when)
