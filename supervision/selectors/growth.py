"""Growth of observed practice over a year: per observed person, school and region, the
first and the latest score per rubric domain, the change, and the mean score per month.

One aggregate query gives each person's mean score per domain at each visit; one pass
builds every figure from it, so the number of queries does not grow with staff or schools.

The rules, which the tests work by hand:

- A person's score in a domain at a visit is the mean of their indicator scores in that
  domain, over all their observations at that visit on the rubric.
- A person's *first* and *latest* scores are those of their first and latest visits (by the
  day it was held) that scored the domain; the *change* is latest minus first, and is left
  empty for a person observed once: one visit shows no growth.
- A school's or region's first and latest scores are the means of those of its people
  observed at least twice in the domain, so that first, latest and change describe the same
  people; those observed once count in the number observed and in the monthly trend.
- The trend is the mean of the visit scores (everyone's, once-observed included) per month.
- Domains are followed across versions of a rubric by their key, which a new version keeps;
  a domain named differently in a later version shows under its latest name. Versions on
  scales of different lengths are put on the longest scale (1 stays 1, each top becomes
  the top), as observed practice does. Different rubrics (session types) never mix.
- Only submitted, complete observations count, and only those that count toward observed
  practice (``calibration.counted_observations``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Avg, QuerySet
from django.utils import formats
from django.utils.translation import gettext as _

from people.models import Region, School, User

from .. import access
from ..models import (
    SUBMITTED_STATES,
    Observation,
    ObservationScore,
    RubricVersion,
    held_on_of,
    pick,
)
from .calibration import counted_observations
from .double_coding import blind_to
from .practice import (
    CHART_HEIGHT,
    CHART_PADDING,
    CHART_WIDTH,
    SERIES_STYLES,
    ChartSeries,
    _marker,
)


@dataclass
class DomainGrowth:
    """One domain's growth within one group (a person, a school, a region, or all)."""

    rubric: str
    domain: str
    scale_max: int
    people: int = 0  # observed in the domain
    compared: int = 0  # observed in it at least twice
    visits: int = 0
    first: float | None = None
    latest: float | None = None
    months: list[float | None] = field(default_factory=list)
    trend: list[tuple[date, float]] = field(default_factory=list)  # the months with a score

    @property
    def change(self) -> float | None:
        if self.first is None or self.latest is None or not self.compared:
            return None
        return round(self.latest - self.first, 2)

    @property
    def label(self) -> str:
        return f"{self.rubric} · {self.domain}"


@dataclass
class GrowthRow:
    name: str
    region: str
    school: str
    domains: list[DomainGrowth]
    key: Any = None  # the person's, school's or region's primary key


@dataclass
class GrowthChart:
    """Mean score per domain and month of one rubric, as an SVG and a table."""

    title: str
    scale_max: int
    series: list[Any]
    table: list[tuple[date, list[tuple[str, float | None]]]]
    y_ticks: list[dict[str, Any]]
    x_ticks: list[dict[str, Any]]
    plot: dict[str, int]
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT


@dataclass
class Growth:
    months: list[date]
    overall: list[DomainGrowth]
    regions: list[GrowthRow]
    schools: list[GrowthRow]
    people: list[GrowthRow]
    charts: list[GrowthChart]

    @property
    def is_empty(self) -> bool:
        return not self.overall


def _months(starts_on: date, ends_before: date) -> list[date]:
    months = []
    month = date(starts_on.year, starts_on.month, 1)
    while month < ends_before:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months


def _mean(values: Iterable[float]) -> float | None:
    found = list(values)
    return round(sum(found) / len(found), 2) if found else None


def _on_scale(value: float, scale: int, top: int) -> float:
    return 1 + (value - 1) * (top - 1) / (scale - 1) if scale > 1 and scale != top else value


def growth_rows(
    observations: QuerySet[Observation], *, starts_on: date, ends_before: date
) -> list[dict[str, Any]]:
    """Each person's mean score per domain at each visit of the window, from the chosen
    observations: one query. Keys: person, visit, day, school, region, rubric, version,
    scale, domain, score."""
    chosen = counted_observations(
        observations.alias(held=held_on_of("visit__")).filter(
            is_complete=True,
            visit__state__in=SUBMITTED_STATES,
            held__gte=starts_on,
            held__lt=ends_before,
        )
    )
    rows = []
    for row in (
        ObservationScore.objects.filter(observation__in=chosen)
        .values(
            "observation__observed_person_id",
            "observation__visit_id",
            "observation__visit__school_id",
            "observation__visit__school__region_id",
            "observation__rubric_version_id",
            "observation__rubric_version__rubric_id",
            "observation__scale_max",
            "domain_key",
            day=held_on_of("observation__visit__"),
        )
        .annotate(score=Avg("score"))
        .order_by()
    ):
        rows.append(
            {
                "person": row["observation__observed_person_id"],
                "visit": row["observation__visit_id"],
                "day": row["day"],
                "school": row["observation__visit__school_id"],
                "region": row["observation__visit__school__region_id"],
                "rubric": row["observation__rubric_version__rubric_id"],
                "version": row["observation__rubric_version_id"],
                "scale": row["observation__scale_max"],
                "domain": row["domain_key"],
                "score": float(row["score"]),
            }
        )
    return rows


def growth_for(
    *,
    user: User,
    starts_on: date,
    ends_before: date,
    region: Region | None = None,
    schools: QuerySet[School] | None = None,
) -> Growth:
    """Growth at the schools whose supervision ``user`` sees (within ``schools`` and
    ``region`` when given), for visits planned from ``starts_on`` to before ``ends_before``."""
    places = access.supervision_schools(user)
    if schools is not None:
        places = places.filter(pk__in=schools.values("pk"))
    if region is not None:
        places = places.filter(region=region)
    rows = growth_rows(
        Observation.objects.filter(blind_to(user), visit__school__in=places.values("pk")),
        starts_on=starts_on,
        ends_before=ends_before,
    )
    return growth_of(rows, months=_months(starts_on, ends_before))


def growth_of(rows: list[dict[str, Any]], *, months: list[date]) -> Growth:
    """Build every figure from ``growth_rows``: three more queries for names, none when
    there is nothing to show."""
    if not rows:
        return Growth(months=months, overall=[], regions=[], schools=[], people=[], charts=[])
    versions = {
        v.pk: v for v in RubricVersion.objects.filter(pk__in={row["version"] for row in rows})
    }
    # Per rubric: the longest scale, and names from the latest version that has them.
    tops: dict[int, int] = defaultdict(int)
    rubric_names: dict[int, tuple[int, str]] = {}
    domain_names: dict[tuple[int, str], tuple[int, str]] = {}
    for version in versions.values():
        rubric_id = version.rubric_id
        tops[rubric_id] = max(tops[rubric_id], version.scale_max)
        if version.number >= rubric_names.get(rubric_id, (0, ""))[0]:
            rubric_names[rubric_id] = (version.number, version.name)
        for domain in version.content["domains"]:
            key = (rubric_id, domain["key"])
            if version.number >= domain_names.get(key, (0, ""))[0]:
                domain_names[key] = (version.number, pick(domain["name"]))

    # A person's score per (rubric, domain) at each visit.
    visits: dict[tuple[int, int, str], dict[int, list[Any]]] = defaultdict(dict)
    place_of: dict[int, tuple[int, int, date]] = {}
    for row in rows:
        score = _on_scale(row["score"], row["scale"], tops[row["rubric"]])
        found = visits[(row["person"], row["rubric"], row["domain"])].setdefault(
            row["visit"], [row["day"], []]
        )
        found[1].append(score)
        # A person counts in the school (and region) of their latest visit.
        if row["person"] not in place_of or row["day"] >= place_of[row["person"]][2]:
            place_of[row["person"]] = (row["school"], row["region"], row["day"])

    month_index = {month: index for index, month in enumerate(months)}
    # Per group: (rubric, domain) → people, first scores, latest scores, month values.
    groups: dict[tuple[str, Any], dict[tuple[int, str], dict[str, Any]]] = defaultdict(dict)
    person_figures: dict[int, dict[tuple[int, str], DomainGrowth]] = defaultdict(dict)
    for (person, rubric_id, domain_key), by_visit in visits.items():
        series = sorted(
            ((day, visit, sum(values) / len(values)) for visit, (day, values) in by_visit.items()),
            key=lambda item: (item[0], item[1]),
        )
        key = (rubric_id, domain_key)
        first, latest = series[0][2], series[-1][2]
        per_month: dict[int, list[float]] = defaultdict(list)
        for day, _visit, value in series:
            index = month_index.get(date(day.year, day.month, 1))
            if index is not None:
                per_month[index].append(value)
        twice = len(series) > 1
        person_figures[person][key] = DomainGrowth(
            rubric=rubric_names[rubric_id][1],
            domain=domain_names.get(key, (0, domain_key))[1],
            scale_max=tops[rubric_id],
            people=1,
            compared=int(twice),
            visits=len(series),
            first=round(first, 2),
            latest=round(latest, 2),
            months=[_mean(per_month.get(i, [])) for i in range(len(months))],
        )
        school_id, region_id, _day = place_of[person]
        for group in (("all", None), ("region", region_id), ("school", school_id)):
            tally = groups[group].setdefault(
                key,
                {"people": 0, "visits": 0, "first": [], "latest": [], "months": defaultdict(list)},
            )
            tally["people"] += 1
            tally["visits"] += len(series)
            if twice:
                tally["first"].append(first)
                tally["latest"].append(latest)
            for index, values in per_month.items():
                tally["months"][index].extend(values)

    def figures(group: tuple[str, Any]) -> list[DomainGrowth]:
        result = []
        for key in sorted(groups[group], key=lambda k: (rubric_names[k[0]][1], _order(k))):
            tally = groups[group][key]
            result.append(
                DomainGrowth(
                    rubric=rubric_names[key[0]][1],
                    domain=domain_names.get(key, (0, key[1]))[1],
                    scale_max=tops[key[0]],
                    people=tally["people"],
                    compared=len(tally["first"]),
                    visits=tally["visits"],
                    first=_mean(tally["first"]),
                    latest=_mean(tally["latest"]),
                    months=[_mean(tally["months"].get(i, [])) for i in range(len(months))],
                )
            )
        return result

    order: dict[tuple[int, str], int] = {}
    for version in sorted(versions.values(), key=lambda v: -v.number):
        for number, domain in enumerate(version.content["domains"]):
            order.setdefault((version.rubric_id, domain["key"]), number)

    def _order(key: tuple[int, str]) -> int:
        return order.get(key, 999)

    school_ids = {school for school, _region, _day in place_of.values()}
    schools = {s.pk: s for s in School.objects.filter(pk__in=school_ids).select_related("region")}
    regions = {s.region_id: s.region for s in schools.values()}
    people = {p.pk: p for p in User.objects.filter(pk__in=list(person_figures))}
    region_rows = sorted(
        (
            GrowthRow(regions[pk].name, regions[pk].name, "", figures(("region", pk)), pk)
            for kind, pk in groups
            if kind == "region"
        ),
        key=lambda r: r.name,
    )
    school_rows = sorted(
        (
            GrowthRow(
                schools[pk].name,
                schools[pk].region.name,
                schools[pk].name,
                figures(("school", pk)),
                pk,
            )
            for kind, pk in groups
            if kind == "school"
        ),
        key=lambda r: (r.region, r.name),
    )
    person_rows = []
    for pk, by_key in person_figures.items():
        school = schools[place_of[pk][0]]
        person_rows.append(
            GrowthRow(
                people[pk].full_name or people[pk].email,
                school.region.name,
                school.name,
                [
                    by_key[key]
                    for key in sorted(by_key, key=lambda k: (rubric_names[k[0]][1], _order(k)))
                ],
                pk,
            )
        )
    person_rows.sort(key=lambda r: (r.region, r.school, r.name))
    overall = figures(("all", None))
    for place in [*region_rows, *school_rows, *person_rows]:
        for figure in place.domains:
            figure.trend = _trend(figure, months)
    for figure in overall:
        figure.trend = _trend(figure, months)
    return Growth(
        months=months,
        overall=overall,
        regions=region_rows,
        schools=school_rows,
        people=person_rows,
        charts=_charts(overall, months),
    )


def _trend(figure: DomainGrowth, months: list[date]) -> list[tuple[date, float]]:
    return [
        (month, value)
        for month, value in zip(months, figure.months, strict=True)
        if value is not None
    ]


def _charts(overall: list[DomainGrowth], months: list[date]) -> list[GrowthChart]:
    by_rubric: dict[str, list[DomainGrowth]] = defaultdict(list)
    for figure in overall:
        by_rubric[figure.rubric].append(figure)
    return [_chart(title, figures, months) for title, figures in by_rubric.items()]


def _chart(title: str, figures: list[DomainGrowth], months: list[date]) -> GrowthChart:
    pad = CHART_PADDING
    inner_w = CHART_WIDTH - pad["left"] - pad["right"]
    inner_h = CHART_HEIGHT - pad["top"] - pad["bottom"]
    scale_max = max(f.scale_max for f in figures)
    count = len(months)

    def x_at(index: int) -> float:
        return pad["left"] + (inner_w / 2 if count == 1 else inner_w * index / (count - 1))

    def y_at(value: float) -> float:
        return pad["top"] + inner_h * (scale_max - value) / max(scale_max - 1, 1)

    series = []
    for number, figure in enumerate(figures):
        style = SERIES_STYLES[number % len(SERIES_STYLES)]
        points = []
        for index, value in enumerate(figure.months):
            if value is None:
                continue
            x, y = x_at(index), y_at(value)
            points.append(
                {
                    "x": x,
                    "y": y,
                    "shape": _marker(style["marker"], x, y),
                    "value": value,
                    "label": formats.date_format(months[index], "M Y"),
                }
            )
        series.append(
            ChartSeries(figure.domain, style["colour"], style["dash"], style["marker"], points)
        )
    return GrowthChart(
        title=title,
        scale_max=scale_max,
        series=series,
        table=[
            (month, [(f.domain, f.months[index]) for f in figures])
            for index, month in enumerate(months)
            if any(f.months[index] is not None for f in figures)
        ],
        y_ticks=[{"value": v, "y": y_at(v)} for v in range(1, scale_max + 1)],
        x_ticks=[
            {"x": x_at(i), "label": formats.date_format(month, "M")}
            for i, month in enumerate(months)
        ],
        plot={
            "left": pad["left"],
            "top": pad["top"],
            "right": CHART_WIDTH - pad["right"],
            "bottom": CHART_HEIGHT - pad["bottom"],
        },
    )


GROWTH_LEVELS = ("regions", "schools", "people")


def growth_table(
    growth: Growth, level: str, *, filters: list[tuple[str, str]]
) -> tuple[list[str], list[list[Any]]]:
    """The rows of ``level`` (regions, schools or people) as a download: a title, the
    filters it was made with, an empty row, then one row per place or person and domain,
    with the mean score of each month."""
    first = {
        "regions": [_("Region")],
        "schools": [_("Region"), _("School")],
        "people": [_("Region"), _("School"), _("Person")],
    }[level]
    header = [
        *first,
        _("Rubric"),
        _("Domain"),
        _("People observed"),
        _("Observed twice or more"),
        _("Visits"),
        _("First score"),
        _("Latest score"),
        _("Change"),
        _("Top of the scale"),
        *[formats.date_format(month, "M Y") for month in growth.months],
    ]
    rows: list[list[Any]] = [[label, value] for label, value in filters]
    rows += [[], header]
    for row in getattr(growth, level):
        names = {
            "regions": [row.name],
            "schools": [row.region, row.name],
            "people": [row.region, row.school, row.name],
        }[level]
        for figure in row.domains:
            rows.append(
                [
                    *names,
                    figure.rubric,
                    figure.domain,
                    figure.people,
                    figure.compared,
                    figure.visits,
                    figure.first,
                    figure.latest,
                    figure.change,
                    figure.scale_max,
                    *figure.months,
                ]
            )
    return [str(_("Growth of observed practice"))], rows
