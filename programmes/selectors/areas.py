"""Progress against the targets, and the figures per region and per school."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from core import numbers
from people import scoping
from people.models import Region, School, User

from ..models import Programme, ProgrammePerson, Target, TrainedStatus
from ..renewal_figures import renewal_counts
from .scope import (
    CERTIFIED,
    COUNTED_VISIT_STATES,
    DONE_VISIT_STATES,
    ROLES,
    Filters,
    scoped_people,
    scoped_statuses,
    scoped_targets,
)

# --- Figures ---------------------------------------------------------------------------------


@dataclass
class TargetProgress:
    target: Target
    trained: int
    expected_now: int

    @property
    def percent(self) -> int:
        if not self.target.number:
            return 100
        return min(100, numbers.percent(self.trained, self.target.number))

    @property
    def behind(self) -> bool:
        return self.trained < self.expected_now


def target_progress(
    user: User, programme: Programme, filters: Filters | None = None
) -> list[TargetProgress]:
    """Every target in scope with the number trained: targets for places count people (one
    row each), targets for a role count the people trained in that role. Two queries.

    With a role or a training area chosen, only the targets set for that role (and area)
    remain: a target for all staff, set against a count of one role, would read as missed.
    """
    targets = [t for t in scoped_targets(user, programme) if _fits(t, filters)]
    if not targets:
        return []
    by_place = [t for t in targets if not (t.role or t.training_area_id)]
    by_role = [t for t in targets if t.role or t.training_area_id]
    counts: dict[str, int] = {}
    if by_place:
        trained = ProgrammePerson.objects.filter(programme=programme, stage=CERTIFIED)
        per_region = dict(trained.values_list("region_id").annotate(n=Count("pk")))
        per_school: dict[int, int] = {}
        if any(t.school_id for t in by_place):
            per_school = dict(
                trained.filter(school_id__in=[t.school_id for t in by_place if t.school_id])
                .values_list("school_id")
                .annotate(n=Count("pk"))
            )
        for t in by_place:
            if t.school_id:
                counts[f"t{t.pk}"] = per_school.get(t.school_id, 0)
            elif t.region_id:
                counts[f"t{t.pk}"] = per_region.get(t.region_id, 0)
            else:
                counts[f"t{t.pk}"] = sum(per_region.values())
    if by_role:
        counts |= TrainedStatus.objects.filter(programme=programme, stage=CERTIFIED).aggregate(
            **{
                f"t{t.pk}": Count("person", distinct=True, filter=t.status_filter())
                for t in by_role
            }
        )
    today = timezone.localdate()
    return [
        TargetProgress(
            target, counts[f"t{target.pk}"], target.expected_by(today, programme.starts_on)
        )
        for target in targets
    ]


def _fits(target: Target, filters: Filters | None) -> bool:
    if filters is None:
        return True
    if filters.role and target.role != filters.role:
        return False
    return not (filters.training_area_id and target.training_area_id != filters.training_area_id)


@dataclass
class AreaRow:
    """One region or school: staff and trained people, overall and per role."""

    key: int
    name: str
    code: str
    staff: int = 0
    trained: int = 0
    by_role: dict[str, tuple[int, int]] = field(default_factory=dict)  # role -> (staff, trained)
    target: int | None = None
    visits_planned: int = 0
    visits_done: int = 0
    overdue_actions: int = 0
    renewal_due: int = 0  # people whose certificates end in the next 90 days
    renewal_overdue: int = 0  # people with a required certificate expired unrenewed

    @property
    def percent(self) -> int:
        return numbers.percent(self.trained, self.staff)

    @property
    def coverage(self) -> int | None:
        if not self.visits_planned:
            return None
        return numbers.percent(self.visits_done, self.visits_planned)

    @property
    def behind(self) -> bool:
        return self.target is not None and self.trained < self.target

    @property
    def role_cells(self) -> list[tuple[str, int, int]]:
        """(role label, trained, held) for each learner role, in order."""
        cells = []
        for role in ROLES:
            held, trained = self.by_role.get(role.value, (0, 0))
            cells.append((str(role.label), trained, held))
        return cells


def _role_counts(rows: QuerySet[TrainedStatus], group: str) -> dict[int, dict[str, int]]:
    """Roles held and roles trained, per role and ``group`` (a person with two roles counts
    in both)."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for row in rows.values(group, "role").annotate(
        held=Count("pk"), trained=Count("pk", filter=Q(stage=CERTIFIED))
    ):
        counts[row[group]][f"staff_{row['role']}"] = row["held"]
        counts[row[group]][f"trained_{row['role']}"] = row["trained"]
    return counts


def _people_aggregates(per_person: bool) -> dict[str, Count]:
    """People and trained people: one row per person needs no de-duplication."""
    if per_person:
        return {"staff": Count("pk"), "trained": Count("pk", filter=Q(stage=CERTIFIED))}
    return {
        "staff": Count("person", distinct=True),
        "trained": Count("person", distinct=True, filter=Q(stage=CERTIFIED)),
    }


def _people_counts(
    user: User, programme: Programme, filters: Filters, group: str, **where: Any
) -> dict[int, dict[str, int]]:
    """People and trained people per ``group`` (region_id or school_id)."""
    if filters.q():
        rows = scoped_statuses(user, programme).filter(filters.q(), **where)
        aggregates = _people_aggregates(per_person=False)
    else:
        rows = scoped_people(user, programme).filter(**where)  # type: ignore[assignment]
        aggregates = _people_aggregates(per_person=True)
    return {row[group]: row for row in rows.values(group).annotate(**aggregates)}


def _fill(row: AreaRow, people: dict[str, Any] | None, roles: dict[str, Any] | None) -> None:
    if people:
        row.staff = people["staff"]
        row.trained = people["trained"]
    if roles:
        row.by_role = {
            role.value: (roles.get(f"staff_{role.value}", 0), roles.get(f"trained_{role.value}", 0))
            for role in ROLES
        }


def _coverage(schools: QuerySet[School], group: str, today: date) -> dict[int, dict[str, int]]:
    """Visits done and planned so far this school year, and overdue action points, per
    ``group`` ("school" or "school__region")."""
    from supervision.models import ActionPoint, Visit

    figures: dict[int, dict[str, int]] = defaultdict(
        lambda: {"planned": 0, "done": 0, "overdue": 0}
    )
    for row in (
        Visit.objects.filter(
            school__in=schools, planned_on__lte=today, state__in=COUNTED_VISIT_STATES
        )
        .values(group)
        .annotate(planned=Count("pk"), done=Count("pk", filter=Q(state__in=DONE_VISIT_STATES)))
    ):
        figures[row[group]]["planned"] = row["planned"]
        figures[row[group]]["done"] = row["done"]
    for row in (
        ActionPoint.objects.filter(school__in=schools, status="open", due_on__lt=today)
        .values(group)
        .annotate(overdue=Count("pk"))
    ):
        figures[row[group]]["overdue"] = row["overdue"]
    return figures


def _area_row(
    place: Region | School,
    targets: dict[int, int],
    people: dict[int, Any],
    roles: dict[int, Any],
    coverage: dict[int, dict[str, int]],
    renewals: dict[int, tuple[int, int]],
) -> AreaRow:
    """One region's or school's row from the counts gathered for all of them."""
    row = AreaRow(place.pk, place.name, place.code, target=targets.get(place.pk))
    _fill(row, people.get(place.pk), roles.get(place.pk))
    row.renewal_due, row.renewal_overdue = renewals.get(place.pk, (0, 0))
    cover = coverage.get(place.pk)
    if cover:
        row.visits_planned = cover["planned"]
        row.visits_done = cover["done"]
        row.overdue_actions = cover["overdue"]
    return row


def region_rows(user: User, programme: Programme, filters: Filters) -> list[AreaRow]:
    """The dashboard's main table: one row per region in scope."""
    people = _people_counts(user, programme, filters, "region_id")
    roles = _role_counts(scoped_statuses(user, programme).filter(filters.q()), "region_id")
    regions = Region.objects.filter(pk__in=list(people)) | programme.regions.filter(
        pk__in=scoping.visible_regions(user)
    )
    targets = {
        t.region_id: t.number
        for t in Target.objects.filter(
            programme=programme, region__isnull=False, school__isnull=True, role=filters.role
        )
    }
    coverage = _coverage(
        scoping.visible_schools(user).filter(pk__in=programme.school_queryset()),
        "school__region",
        timezone.localdate(),
    )
    renewals = renewal_counts(
        scoped_statuses(user, programme).filter(filters.q()), "region_id", timezone.localdate()
    )
    return [
        _area_row(region, targets, people, roles, coverage, renewals)
        for region in regions.distinct().order_by("name_en")
    ]


def school_rows(
    user: User, programme: Programme, region: Region, filters: Filters
) -> list[AreaRow]:
    """The drill-down of one region: one row per school in scope, the ones behind first."""
    people = _people_counts(user, programme, filters, "school_id", region=region)
    roles = _role_counts(
        scoped_statuses(user, programme).filter(filters.q(), region=region), "school_id"
    )
    schools = (
        scoping.visible_schools(user)
        .filter(region=region, pk__in=programme.school_queryset())
        .order_by("name_en")
    )
    targets = {
        t.school_id: t.number
        for t in Target.objects.filter(
            programme=programme, school__region=region, role=filters.role
        )
    }
    coverage = _coverage(schools, "school", timezone.localdate())
    renewals = renewal_counts(
        scoped_statuses(user, programme).filter(filters.q(), region=region),
        "school_id",
        timezone.localdate(),
    )
    rows = [_area_row(school, targets, people, roles, coverage, renewals) for school in schools]
    rows.sort(key=lambda r: (not r.behind, r.percent, r.name))
    return rows
