"""The funnel of stages and the chart of trained people by week."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from ..models import Programme, ProgrammePerson, Target, TrainedStatus
from .scope import CERTIFIED

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
