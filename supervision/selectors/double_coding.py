"""Reads of double-coded visits: who may open a visit's co-observation and when the pair's
scores show, the pairs of scores the agreement is computed from, a supervisor's latest
double-coded visits, and agreement per pair of supervisors and per supervisor.

Blind until both submit: the co-observer does not see the lead's scores, nor the lead the
co-observer's, until the visit is submitted and the co-observer has submitted too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from people import scoping
from people.models import Region, User

from .. import access
from ..models import (
    PLANNED_STATES,
    CalibrationSettings,
    CoObservationScore,
    DoubleCoding,
    DoubleCodingShare,
    ObservationScore,
    Visit,
)
from .agreement import Agreement, agreement_by, agreement_by_many


def share_for(region: Region | int) -> int:
    """The share of the region's visits to co-observe: its own, or the programme's."""
    region_id = region if isinstance(region, int) else region.pk
    own = DoubleCodingShare.objects.filter(region_id=region_id).values_list("share", flat=True)
    found = own.first()
    return CalibrationSettings.load().double_coding_share if found is None else found


def picks(count: int, share: int) -> list[int]:
    """The ordinals (from 1) of the visits picked among ``count`` visits in date order for a
    ``share`` percent: visit ``i`` is picked when ``⌊i·share/100⌋`` steps up, so the picks
    are spread evenly through the year and their number is ``⌊count·share/100⌋``
    (10 %: the 10th, 20th, 30th ... visit)."""
    return [i for i in range(1, count + 1) if (i * share) // 100 > ((i - 1) * share) // 100]


def region_visits(region: Region) -> QuerySet[Visit]:
    """The visits the share counts: every visit of the region's schools that is planned
    (not moved to another date), in date order."""
    return Visit.objects.filter(school__region=region, state__in=PLANNED_STATES).order_by(
        "planned_on", "pk"
    )


def double_coding_of(visit: Visit) -> DoubleCoding | None:
    return (
        DoubleCoding.objects.filter(visit=visit.pk)
        .select_related("co_observer", "visit__supervisor")
        .first()
    )


def reads_pair(user: User | object, double_coding: DoubleCoding) -> bool:
    """The lead, the co-observer, and the coordinators and national staff of the school."""
    person_id = getattr(user, "pk", None)
    visit = double_coding.visit
    if person_id is not None and person_id in (visit.supervisor_id, double_coding.co_observer_id):
        return True
    return bool(access.capacities(user, visit.school) & {access.COORDINATOR, access.NATIONAL})


def hides_lead_scores(user: User | object, visit: Visit) -> bool:
    """True while ``user`` co-observes ``visit`` and the pair is not complete: the lead's
    scores stay hidden from them."""
    person_id = getattr(user, "pk", None)
    if person_id is None or person_id == visit.supervisor_id:
        return False
    return DoubleCoding.objects.filter(
        visit=visit.pk, co_observer=person_id, completed_at__isnull=True
    ).exists()


def blind_to(user: User | object, *, prefix: str = "") -> Q:
    """Observations (or, with ``prefix``, rows reaching them) whose scores ``user`` may not
    see yet: those of the visits they co-observe while the pair is not complete. Every read
    of scores a supervisor may also make as the school's supervisor (the practice page,
    growth, the observation and report pages) excludes them."""
    person_id = getattr(user, "pk", None)
    if person_id is None:
        return Q()
    pending = DoubleCoding.objects.filter(co_observer=person_id, completed_at__isnull=True).values(
        "visit_id"
    )
    return ~Q(**{f"{prefix}visit__in": Subquery(pending)})


def check_lead_scores_shown(user: User | object, visit: Visit) -> None:
    """Refuse the lead's scores (an observation, the report) to the visit's co-observer
    until the pair is complete."""
    if hides_lead_scores(user, visit):
        raise PermissionDenied(
            _(
                "You co-observe this visit: its supervisor's scores are shown to you once "
                "the visit and your own scores are submitted."
            )
        )


def visible_double_codings(user: User | object) -> QuerySet[DoubleCoding]:
    """Double-coded visits ``user`` reads: their own as lead or co-observer, and those of
    the schools they coordinate or, for national staff, all."""
    scope = scoping.scope_for(user)
    if scope.person_id is None:
        return DoubleCoding.objects.none()
    found = Q(visit__supervisor=scope.person_id) | Q(co_observer=scope.person_id)
    if scope.is_national:
        found = Q(pk__isnull=False)
    elif scope.coordinated_region_ids:
        found |= Q(visit__school__region_id__in=scope.coordinated_region_ids)
    return DoubleCoding.objects.filter(found).select_related(
        "visit__school", "visit__supervisor", "co_observer"
    )


def pair_rows(double_codings: QuerySet[Any] | Iterable[int]) -> list[dict[str, Any]]:
    """Each indicator both observers scored: ``lead`` (the visit's supervisor's score) and
    ``co`` (the co-observer's), with the two people, the rubric's levels and the domain.
    One query."""
    lead = ObservationScore.objects.filter(
        observation=OuterRef("observation"), indicator_key=OuterRef("indicator_key")
    ).values("score")[:1]
    rows = (
        CoObservationScore.objects.filter(double_coding__in=double_codings)
        .annotate(lead=Subquery(lead))
        .filter(lead__isnull=False)
        .values(
            "lead",
            "score",
            "domain_key",
            "double_coding_id",
            "double_coding__completed_at",
            "double_coding__co_observer_id",
            "double_coding__visit__supervisor_id",
            "observation__scale_max",
            "observation__rubric_version__rubric_id",
        )
        .order_by("double_coding_id", "pk")
    )
    return [
        {
            "lead": row["lead"],
            "co": row["score"],
            "domain_key": row["domain_key"],
            "double_coding": row["double_coding_id"],
            "completed_at": row["double_coding__completed_at"],
            "lead_id": row["double_coding__visit__supervisor_id"],
            "co_id": row["double_coding__co_observer_id"],
            "levels": row["observation__scale_max"],
            "rubric_id": row["observation__rubric_version__rubric_id"],
        }
        for row in rows
    ]


def latest_for(*, supervisor: User, rubric_id: int, window: int) -> list[int]:
    """The ids of ``supervisor``'s latest ``window`` complete double-coded visits on the
    rubric, as lead or as co-observer, newest first."""
    return list(
        DoubleCoding.objects.filter(
            Q(visit__supervisor=supervisor.pk) | Q(co_observer=supervisor.pk),
            completed_at__isnull=False,
            visit__observations__rubric_version__rubric_id=rubric_id,
        )
        .distinct()
        .order_by("-completed_at", "-pk")
        .values_list("pk", flat=True)[:window]
    )


def agreement_over(rows: Iterable[dict[str, Any]]) -> Agreement | None:
    tallies = agreement_by(rows, lambda r: 0, first="lead", second="co")
    return tallies.get(0)


@dataclass
class PairReport:
    pairs: list[tuple[User, User, int, Agreement]]  # two people, visits, tally
    supervisors: list[tuple[User, int, Agreement]]  # person, visits, tally


def pair_report_for(*, user: User) -> PairReport:
    """Agreement per pair of supervisors (in name order, whichever led) and per supervisor,
    over the complete double-coded visits ``user`` reads: two queries, then one pass."""
    codings = visible_double_codings(user).filter(completed_at__isnull=False)
    rows = pair_rows(codings.values("pk"))
    people_ids = {row["lead_id"] for row in rows} | {row["co_id"] for row in rows}
    people = {p.pk: p for p in User.objects.filter(pk__in=people_ids)}

    def pair_of(row: Mapping[str, Any]) -> tuple[int, int]:
        first, second = sorted(
            (row["lead_id"], row["co_id"]), key=lambda pk: (people[pk].full_name, pk)
        )
        return first, second

    by_pair = agreement_by(rows, pair_of, first="lead", second="co")
    by_person = agreement_by_many(
        rows, lambda r: [r["lead_id"], r["co_id"]], first="lead", second="co"
    )
    visits_of_pair: dict[tuple[int, int], set[int]] = {}
    visits_of_person: dict[int, set[int]] = {}
    for row in rows:
        visits_of_pair.setdefault(pair_of(row), set()).add(row["double_coding"])
        for pk in (row["lead_id"], row["co_id"]):
            visits_of_person.setdefault(pk, set()).add(row["double_coding"])
    return PairReport(
        pairs=[
            (people[a], people[b], len(visits_of_pair[(a, b)]), tally)
            for (a, b), tally in sorted(
                by_pair.items(), key=lambda item: (people[item[0][0]].full_name, item[0])
            )
        ],
        supervisors=[
            (people[pk], len(visits_of_person[pk]), tally)
            for pk, tally in sorted(by_person.items(), key=lambda i: (people[i[0]].full_name, i[0]))
        ],
    )


def pair_page_for(*, user: User, double_coding: DoubleCoding) -> dict[str, Any]:
    """A visit's pair of observers, per observation and indicator: both scores once the pair
    is complete, only the reader's own before (the co-observer's entered scores)."""
    visit = double_coding.visit
    observations = list(
        visit.observations.select_related("observed_person", "rubric_version")
        .prefetch_related("scores", "co_observation_scores")
        .order_by("created_at", "pk")
    )
    complete = double_coding.is_complete
    shown = []
    for observation in observations:
        lead = {s.indicator_key: s.score for s in observation.scores.all()}
        co = {s.indicator_key: s.score for s in observation.co_observation_scores.all()}
        domains = []
        for domain in observation.rubric_version.domains_for_display():
            indicators = [
                {
                    "key": indicator["key"],
                    "text": indicator["text"],
                    "lead": lead.get(indicator["key"]) if complete else None,
                    "co": co.get(indicator["key"]) if complete else None,
                }
                for indicator in domain["indicators"]
            ]
            domains.append({"name": domain["name"], "indicators": indicators})
        shown.append({"observation": observation, "domains": domains})
    return {"observations": shown, "complete": complete}
