"""Dashboard reads. Every figure is an aggregate over the stored training statuses (and the
visits and action points of supervision), in a fixed number of queries whatever the number
of people, and limited to the reader's scope."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from core import numbers
from people import scoping
from people.models import Region, RoleMembership, School, User
from people.roles import LEARNER_ROLES, Role

from .imports import COLUMNS
from .models import Programme, ProgrammePerson, Target, TrainedStatus

ROLES = [role for role in Role if role in LEARNER_ROLES]
CERTIFIED = TrainedStatus.Stage.CERTIFIED
DONE_VISIT_STATES = ("submitted", "acknowledged", "closed")
COUNTED_VISIT_STATES = ("planned", "in_progress", "submitted", "acknowledged", "closed", "missed")


@dataclass(frozen=True)
class Filters:
    role: str = ""
    training_area_id: int | None = None

    def q(self) -> Q:
        condition = Q()
        if self.role:
            condition &= Q(role=self.role)
        if self.training_area_id:
            condition &= Q(training_area_id=self.training_area_id)
        return condition


def programme_list_for(*, user: User) -> QuerySet[Programme]:
    """Programmes whose figures the person may see: all for national roles; those that
    run in their region, or their schools, for coordinators, supervisors and leaders."""
    scope = scoping.scope_for(user)
    if scope.is_national:
        return Programme.objects.all()
    schools = scoping.visible_schools(user)
    if not (scope.coordinated_region_ids or scope.oversight_school_ids):
        return Programme.objects.none()
    return Programme.objects.filter(
        Q(regions__in=scope.coordinated_region_ids)
        | Q(regions__schools__in=schools.filter(id__in=scope.oversight_school_ids))
    ).distinct()


def may_see_dashboards(user: User) -> bool:
    scope = scoping.scope_for(user)
    return scope.is_national or bool(scope.coordinated_region_ids or scope.oversight_school_ids)


def scoped_statuses(user: User, programme: Programme) -> QuerySet[TrainedStatus]:
    """The programme's status rows the reader may count."""
    scope = scoping.scope_for(user)
    rows = TrainedStatus.objects.filter(programme=programme)
    if scope.is_national:
        return rows
    return rows.filter(
        Q(region_id__in=scope.coordinated_region_ids) | Q(school_id__in=scope.oversight_school_ids)
    )


def scoped_people(user: User, programme: Programme) -> QuerySet[ProgrammePerson]:
    """The programme's people the reader may count, one row each."""
    scope = scoping.scope_for(user)
    rows = ProgrammePerson.objects.filter(programme=programme)
    if scope.is_national:
        return rows
    return rows.filter(
        Q(region_id__in=scope.coordinated_region_ids) | Q(school_id__in=scope.oversight_school_ids)
    )


def scoped_targets(user: User, programme: Programme) -> list[Target]:
    scope = scoping.scope_for(user)
    targets = (
        Target.objects.filter(programme=programme)
        .select_related("region", "school", "training_area")
        .prefetch_related("milestones")
    )
    if not scope.is_national:
        targets = targets.filter(
            Q(region_id__in=scope.coordinated_region_ids)
            | Q(school_id__in=scope.oversight_school_ids)
            | Q(school__region_id__in=scope.coordinated_region_ids)
        )
    return list(targets)


# --- Figures ---------------------------------------------------------------------------------


@dataclass
class TargetProgress:
    target: Target
    trained: int
    expected_now: int

    @property
    def percent(self) -> int:
        return (
            min(100, numbers.percent(self.trained, self.target.number))
            if self.target.number
            else 100
        )

    @property
    def behind(self) -> bool:
        return self.trained < self.expected_now


def target_progress(user: User, programme: Programme) -> list[TargetProgress]:
    """Every target in scope with the number trained: targets for places count people (one
    row each), targets for a role count the people trained in that role. Two queries."""
    targets = scoped_targets(user, programme)
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

    @property
    def percent(self) -> int:
        return numbers.percent(self.trained, self.staff)

    @property
    def coverage(self) -> int | None:
        return (
            numbers.percent(self.visits_done, self.visits_planned) if self.visits_planned else None
        )

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
    rows = []
    for region in regions.distinct().order_by("name_en"):
        row = AreaRow(region.pk, region.name, region.code, target=targets.get(region.pk))
        _fill(row, people.get(region.pk), roles.get(region.pk))
        cover = coverage.get(region.pk)
        if cover:
            row.visits_planned, row.visits_done, row.overdue_actions = (
                cover["planned"],
                cover["done"],
                cover["overdue"],
            )
        rows.append(row)
    return rows


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
    rows = []
    for school in schools:
        row = AreaRow(school.pk, school.name, school.code, target=targets.get(school.pk))
        _fill(row, people.get(school.pk), roles.get(school.pk))
        cover = coverage.get(school.pk)
        if cover:
            row.visits_planned, row.visits_done, row.overdue_actions = (
                cover["planned"],
                cover["done"],
                cover["overdue"],
            )
        rows.append(row)
    rows.sort(key=lambda r: (not r.behind, r.percent, r.name))
    return rows


STAGES = [
    TrainedStatus.Stage.ENROLLED,
    TrainedStatus.Stage.IN_PROGRESS,
    TrainedStatus.Stage.COMPLETED,
    TrainedStatus.Stage.CERTIFIED,
]


def funnel(rows: QuerySet[Any]) -> list[tuple[int, int]]:
    """People at each stage or further: enrolled, in progress, courses completed, trained.

    ``rows`` is either one row per person (``ProgrammePerson``) or per role held
    (``TrainedStatus``, for a role filter), which then counts each person once.
    """
    per_person = rows.model is ProgrammePerson
    count = "pk" if per_person else "person"
    counts = rows.aggregate(
        staff=Count(count, distinct=not per_person),
        **{
            f"s{stage}": Count(count, distinct=not per_person, filter=Q(stage__gte=stage))
            for stage in STAGES
        },
    )
    return [(int(TrainedStatus.Stage.NONE), counts["staff"])] + [
        (int(stage), counts[f"s{stage}"]) for stage in STAGES
    ]


@dataclass
class Chart:
    """Cumulative trained people by week, against the target line. Coordinates are for an
    SVG viewBox of 640 × 260 with margins for the axes."""

    weeks: list[date]
    trained: list[int]
    expected: list[int]
    maximum: int
    width: int = 640
    height: int = 260
    left: int = 48
    bottom: int = 32

    def x(self, index: int) -> float:
        span = max(len(self.weeks) - 1, 1)
        return self.left + (self.width - self.left - 16) * index / span

    def y(self, value: int) -> float:
        top = 16
        return (
            self.height
            - self.bottom
            - (self.height - self.bottom - top) * value / max(self.maximum, 1)
        )

    def points(self, values: list[int]) -> str:
        return " ".join(f"{self.x(i):.1f},{self.y(v):.1f}" for i, v in enumerate(values))

    @property
    def trained_points(self) -> str:
        return self.points(self.trained)  # as long as the weeks up to today

    @property
    def expected_points(self) -> str:
        return self.points(self.expected)

    @property
    def rows(self) -> list[tuple[date, int | None, int]]:
        trained: list[int | None] = [*self.trained, *[None] * (len(self.weeks) - len(self.trained))]
        return list(zip(self.weeks, trained, self.expected, strict=True))

    @property
    def ticks(self) -> list[tuple[float, int]]:
        step = max(1, round(self.maximum / 4))
        return [(self.y(v), v) for v in range(0, self.maximum + 1, step)]

    @property
    def month_ticks(self) -> list[tuple[float, date]]:
        ticks = []
        seen = set()
        for index, week in enumerate(self.weeks):
            if (week.year, week.month) not in seen:
                seen.add((week.year, week.month))
                ticks.append((self.x(index), week))
        return ticks


def trained_chart(rows: QuerySet[Any], programme: Programme, target: Target | None) -> Chart:
    """Each trained person counts from the first day they were trained in any role."""
    today = timezone.localdate()
    start = programme.starts_on
    end = max(min(target.deadline if target else programme.ends_on, programme.ends_on), today)
    if rows.model is ProgrammePerson:
        per_day = (
            rows.filter(trained_on__isnull=False)
            .values("trained_on")
            .annotate(people=Count("pk"))
            .values_list("trained_on", "people")
        )
    else:
        firsts = (
            rows.filter(stage=CERTIFIED)
            .values("person_id")
            .annotate(first=Min("trained_on"))
            .values_list("first", flat=True)
        )
        per_day = sorted(Counter(firsts).items())
    days = sorted(per_day)
    weeks = []
    week = start - timedelta(days=start.weekday())
    while week <= end:
        weeks.append(week)
        week += timedelta(days=7)
    trained = []
    total = index = 0
    for week_start in weeks:
        if week_start > today:
            break  # the trained line stops at today; the target line goes on
        week_end = week_start + timedelta(days=6)
        while index < len(days) and days[index][0] <= week_end:
            total += days[index][1]
            index += 1
        trained.append(total)
    expected = [target.expected_by(w + timedelta(days=6), start) if target else 0 for w in weeks]
    maximum = max([*trained, *expected, 1])
    return Chart(weeks=weeks, trained=trained, expected=expected, maximum=maximum)


@dataclass
class Dashboard:
    programme: Programme
    targets: list[TargetProgress]
    regions: list[AreaRow]
    funnel: list[tuple[int, int]]
    chart: Chart
    filters: Filters


def counted_rows(user: User, programme: Programme, filters: Filters, **where: Any) -> QuerySet[Any]:
    """One row per person, or per role held when a role is chosen."""
    if filters.q():
        return scoped_statuses(user, programme).filter(filters.q(), **where)
    return scoped_people(user, programme).filter(**where)


def dashboard_for(*, user: User, programme: Programme, filters: Filters) -> Dashboard:
    statuses = counted_rows(user, programme, filters)
    targets = target_progress(user, programme)
    main = next((t.target for t in targets if not (t.target.region_id or t.target.school_id)), None)
    main = main or (targets[0].target if targets else None)
    return Dashboard(
        programme=programme,
        targets=targets,
        regions=region_rows(user, programme, filters),
        funnel=funnel(statuses),
        chart=trained_chart(statuses, programme, main),
        filters=filters,
    )


def people_rows(
    user: User, programme: Programme, school: School, filters: Filters
) -> QuerySet[TrainedStatus]:
    """The people of one school with their stage in each role, for the last drill-down."""
    return (
        scoped_statuses(user, programme)
        .filter(filters.q(), school=school)
        .select_related("person", "training_area")
        .order_by("person__full_name", "role")
    )


def person_record(*, user: User, person: User) -> dict[str, Any]:
    """Everything about one person's training, for their record and its export."""
    from certificates.models import Certificate
    from courses.models import Enrolment

    return {
        "person": person,
        "statuses": list(
            TrainedStatus.objects.filter(person=person)
            .select_related("programme", "school", "region", "training_area")
            .order_by("programme", "role")
        ),
        "enrolments": list(
            Enrolment.objects.filter(person=person).select_related("course").order_by("enrolled_at")
        ),
        "certificates": list(Certificate.objects.filter(person=person).order_by("issued_at")),
    }


def staff_list_rows(user: User) -> list[list[str]]:
    """The learner roles ``user`` may change, one row per role held, in the staff import's
    columns: the file downloaded, corrected and uploaded again changes only what was
    corrected."""
    scope = scoping.scope_for(user)
    memberships = (
        RoleMembership.objects.current()
        .filter(role__in=LEARNER_ROLES, person__is_active=True, person__erased_at__isnull=True)
        .select_related("person", "school", "region", "training_area")
        .order_by("school__code", "region__code", "person__full_name", "person__email", "role")
    )
    if not scope.is_national:
        memberships = memberships.filter(
            Q(school_id__in=scoping.grantable_schools(user).values("pk"))
            | Q(region_id__in=scoping.grantable_regions(user).values("pk"))
        )
    rows = [list(COLUMNS)]
    for membership in memberships:
        if not scoping.can_change_membership(user, membership):
            continue
        person = membership.person
        rows.append(
            [
                person.email,
                person.full_name,
                person.full_name_alt,
                person.preferred_language,
                membership.role,
                membership.school.code if membership.school else "",
                membership.region.code if membership.region else "",
                membership.training_area.code if membership.training_area else "",
                membership.specialism or "",
            ]
        )
    return rows
