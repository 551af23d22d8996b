"""One person's observed practice as a reader may see it: their submitted observations,
the action points they own, and a chart per rubric of their scores per domain."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Avg
from django.utils import formats

from people import scoping
from people.models import User

from .. import access
from ..models import ActionPoint, Observation, ObservationScore, pick
from .records import action_point_list_for, observation_list_for, observed_practice_for

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
        group.sort(key=lambda o: (o.visit.held_on, o.pk))
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
                    "label": formats.date_format(observation.visit.held_on, "j M"),
                }
            )
        series.append(
            ChartSeries(names[key], style["colour"], style["dash"], style["marker"], points)
        )
    table = [
        (
            observation.visit.held_on,
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
        dates=[o.visit.held_on for o in group],
        table=table,
        y_ticks=[{"value": v, "y": y_at(v)} for v in range(1, scale_max + 1)],
        x_ticks=[
            {"x": x_at(i), "label": formats.date_format(o.visit.held_on, "j M")}
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


def practice_person_for(*, user: User, public_id: Any) -> User | None:
    """The person whose practice ``user`` may open: themselves, or someone they can see
    who works at a school whose supervision ``user`` follows. ``None`` otherwise."""
    if not access.oversees_supervision(user):
        return None
    person = scoping.visible_people(user).filter(public_id=public_id).first()
    if person is None:
        return None
    works_there = person.memberships.current().filter(school__in=access.supervision_schools(user))
    if person.pk != user.pk and not works_there.exists():
        return None
    return person
