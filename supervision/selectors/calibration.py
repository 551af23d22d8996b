"""Reads of calibration: the exercises open to a supervisor, an attempt's form and result,
a supervisor's own history, the register of who is calibrated on what, and the agreement
report. Coordinators read the supervisors of their region; national staff read everyone;
a supervisor reads their own attempts only, and an attempt's master codes only once it is
submitted."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from people import scoping
from people.models import Region, RoleMembership, User
from people.roles import Role

from ..models import (
    Calibration,
    CalibrationAttempt,
    CalibrationExercise,
    CalibrationScore,
    CalibrationSettings,
    Observation,
    Rubric,
    RubricVersion,
    held_on_of,
)
from .agreement import Agreement, agreement_by, agreement_by_many


def reads_register(user: User | object) -> bool:
    scope = scoping.scope_for(user)
    return bool(scope.is_national or scope.coordinated_region_ids)


def supervisors_for(user: User | object) -> QuerySet[User]:
    """Supervisors whose calibration ``user`` reads: national staff read all, a regional
    coordinator those supervising a school of their region."""
    scope = scoping.scope_for(user)
    memberships = RoleMembership.objects.current().filter(
        person=OuterRef("pk"), role=Role.SUPERVISOR
    )
    if scope.is_national:
        pass
    elif scope.coordinated_region_ids:
        memberships = memberships.filter(school__region_id__in=scope.coordinated_region_ids)
    else:
        return User.objects.none()
    return User.objects.filter(Exists(memberships)).order_by("full_name", "pk")


def _current_versions() -> QuerySet[RubricVersion]:
    newer = RubricVersion.objects.filter(rubric=OuterRef("rubric"), number__gt=OuterRef("number"))
    return RubricVersion.objects.filter(rubric__is_active=True).exclude(Exists(newer))


def exercise_list_for(*, user: User) -> list[dict[str, Any]]:
    """Open exercises on rubric versions in use, each with the reader's own attempt."""
    exercises = (
        CalibrationExercise.objects.filter(
            is_published=True, rubric_version__in=_current_versions()
        )
        .select_related("rubric_version__rubric")
        .order_by("rubric_version__rubric__session_type", "-created_at")
    )
    attempts = {a.exercise_id: a for a in CalibrationAttempt.objects.filter(supervisor=user.pk)}
    return [{"exercise": e, "attempt": attempts.get(e.pk)} for e in exercises]


def exercise_open_for(*, public_id: Any) -> CalibrationExercise | None:
    return (
        CalibrationExercise.objects.filter(public_id=public_id, is_published=True)
        .select_related("rubric_version__rubric", "video", "captions")
        .prefetch_related("photos__image")
        .first()
    )


def attempt_own_for(*, user: User, public_id: Any) -> CalibrationAttempt | None:
    """The reader's own attempt: nobody else's attempt is found by its address."""
    return (
        CalibrationAttempt.objects.filter(public_id=public_id, supervisor=user.pk)
        .select_related("exercise", "rubric_version__rubric")
        .first()
    )


@dataclass
class AttemptResult:
    attempt: CalibrationAttempt
    domains: list[dict[str, Any]]
    overall: Agreement


def attempt_result_for(*, user: User, attempt: CalibrationAttempt) -> AttemptResult:
    """Agreement per indicator and domain, and the master's reason where the supervisor's
    level differs. Refused before the attempt is submitted: the master codes stay hidden."""
    if attempt.supervisor_id != user.pk:
        raise PermissionDenied(_("This is another supervisor's attempt."))
    if not attempt.is_submitted:
        raise PermissionDenied(
            _("The master codes are shown once you have submitted your own scores.")
        )
    scores = {s.indicator_key: s for s in attempt.scores.all()}
    codes = {c.indicator_key: c for c in attempt.exercise.master_codes.all()}
    version = attempt.rubric_version
    domains = []
    overall = Agreement(levels=version.scale_max)
    labels = [level["label"] for level in version.levels]
    for domain in version.domains_for_display():
        tally = Agreement(levels=version.scale_max)
        indicators = []
        for indicator in domain["indicators"]:
            score = scores.get(indicator["key"])
            code = codes.get(indicator["key"])
            if score is None or code is None:
                continue
            tally.add(score.score, score.master_level)
            overall.add(score.score, score.master_level)
            gap = abs(score.score - score.master_level)
            indicators.append(
                {
                    "text": indicator["text"],
                    "score": score.score,
                    "score_label": labels[score.score - 1],
                    "master": score.master_level,
                    "master_label": labels[score.master_level - 1],
                    "gap": gap,
                    "rationale": code.rationale if gap else "",
                }
            )
        domains.append({"name": domain["name"], "agreement": tally, "indicators": indicators})
    return AttemptResult(attempt=attempt, domains=domains, overall=overall)


def counted_observations(observations: QuerySet[Observation]) -> QuerySet[Observation]:
    """The observations that count toward observed practice: all of them, or, when the
    programme requires calibration, those whose supervisor was calibrated on the rubric on
    the day the visit took place (a calibration flagged for recalibration counts until the
    flag)."""
    if not CalibrationSettings.load().required_for_practice:
        return observations
    calibrated = Calibration.objects.filter(
        supervisor=OuterRef("visit__supervisor"),
        rubric=OuterRef("rubric_version__rubric"),
        calibrated_on__lte=OuterRef("visit_held_on"),
        valid_until__gte=OuterRef("visit_held_on"),
    ).filter(Q(flagged_at__isnull=True) | Q(flagged_at__date__gt=OuterRef("visit_held_on")))
    return observations.alias(visit_held_on=held_on_of("visit__")).filter(Exists(calibrated))


def calibration_current(*, supervisor: User, rubric: Rubric, day: date) -> Calibration | None:
    return (
        Calibration.objects.filter(
            supervisor=supervisor,
            rubric=rubric,
            flagged_at__isnull=True,
            calibrated_on__lte=day,
            valid_until__gte=day,
        )
        .order_by("-valid_until")
        .first()
    )


def history_for(*, user: User) -> dict[str, Any]:
    """The reader's own attempts and calibrations, newest first."""
    attempts = list(
        CalibrationAttempt.objects.filter(supervisor=user.pk)
        .select_related("exercise", "rubric_version__rubric")
        .order_by("-started_at")
    )
    calibrations = list(
        Calibration.objects.filter(supervisor=user.pk)
        .select_related("rubric")
        .order_by("-calibrated_on", "-pk")
    )
    return {"attempts": attempts, "calibrations": calibrations}


@dataclass
class RegisterRow:
    supervisor: User
    rubric: Rubric
    calibration: Calibration | None
    status: str  # calibrated, expiring, expired, flagged, never
    status_label: str


def _status(calibration: Calibration | None, today: date, expiring_days: int) -> tuple[str, str]:
    if calibration is None:
        return "never", _("Not calibrated")
    if calibration.flagged_at is not None:
        return "flagged", _("Flagged for recalibration")
    if calibration.valid_until < today:
        return "expired", _("Expired")
    if calibration.valid_until <= today + timedelta(days=expiring_days):
        return "expiring", _("Expiring soon")
    return "calibrated", _("Calibrated")


def register_for(*, user: User, today: date, status: str = "") -> list[RegisterRow]:
    """Each supervisor in the reader's scope against each rubric in use: their latest
    calibration and its state; "expiring soon" within the programme's reminder period.
    Four queries, whatever the number of supervisors."""
    expiring_days = CalibrationSettings.load().reminder_days
    supervisors = list(supervisors_for(user))
    rubrics = list(Rubric.objects.filter(is_active=True).order_by("session_type"))
    latest: dict[tuple[int, int], Calibration] = {}
    for found in (
        Calibration.objects.filter(supervisor__in=[s.pk for s in supervisors])
        .select_related("rubric")
        .order_by("valid_until", "pk")
    ):
        latest[(found.supervisor_id, found.rubric_id)] = found
    rows = []
    for supervisor in supervisors:
        for rubric in rubrics:
            calibration = latest.get((supervisor.pk, rubric.pk))
            code, label = _status(calibration, today, expiring_days)
            if status and code != status:
                continue
            rows.append(RegisterRow(supervisor, rubric, calibration, code, label))
    return rows


REGISTER_STATUSES = ("calibrated", "expiring", "expired", "flagged", "never")


@dataclass
class AgreementReport:
    overall: dict[str, Agreement]  # rubric name
    domains: list[tuple[str, str, Agreement]]  # rubric, domain, tally
    supervisors: list[tuple[User, Agreement]]
    regions: list[tuple[str, Agreement]]
    months: list[tuple[str, Agreement]]

    @property
    def domain_rows(self) -> list[tuple[str, Agreement]]:
        return [(f"{rubric} · {domain}", tally) for rubric, domain, tally in self.domains]


def agreement_report_for(*, user: User) -> AgreementReport:
    """Agreement of calibration attempts with the master codes, per rubric and domain, per
    supervisor, per region (of the schools they supervise) and per month: one query for the
    scores, one for the regions, then one pass."""
    supervisors = {s.pk: s for s in supervisors_for(user)}
    rows: list[dict[str, Any]] = [
        dict(row)
        for row in CalibrationScore.objects.filter(
            attempt__supervisor__in=list(supervisors), attempt__submitted_at__isnull=False
        ).values(
            "score",
            "master_level",
            "domain_key",
            "attempt__supervisor_id",
            "attempt__submitted_at",
            "attempt__rubric_version_id",
        )
    ]
    versions = {
        v.pk: v
        for v in RubricVersion.objects.filter(
            pk__in={row["attempt__rubric_version_id"] for row in rows}
        )
    }
    domain_names: dict[tuple[int, str], tuple[str, str]] = {}
    for version in versions.values():
        for domain in version.domains_for_display():
            domain_names[(version.pk, domain["key"])] = (version.name, domain["name"])
    regions: dict[int, set[int]] = defaultdict(set)
    scope = scoping.scope_for(user)
    memberships = RoleMembership.objects.current().filter(
        role=Role.SUPERVISOR, person__in=list(supervisors)
    )
    if not scope.is_national:
        memberships = memberships.filter(school__region_id__in=scope.coordinated_region_ids)
    for person_id, region_id in memberships.values_list("person_id", "school__region_id"):
        regions[person_id].add(region_id)
    region_ids = set().union(*regions.values())
    region_names = {r.pk: r.name for r in Region.objects.filter(pk__in=region_ids)}
    for row in rows:
        version = versions[row["attempt__rubric_version_id"]]
        row["levels"] = version.scale_max
        row["rubric"] = version.name
    overall = agreement_by(rows, lambda r: r["rubric"])
    domains = agreement_by(
        rows,
        lambda r: domain_names.get((r["attempt__rubric_version_id"], r["domain_key"])),
    )
    people = agreement_by(rows, lambda r: r["attempt__supervisor_id"])
    by_region = agreement_by_many(
        rows,
        lambda r: [region_names[pk] for pk in regions.get(r["attempt__supervisor_id"], ())],
    )
    months = agreement_by(rows, lambda r: r["attempt__submitted_at"].strftime("%Y-%m"))
    return AgreementReport(
        overall=dict(sorted(overall.items())),
        domains=[(rubric, domain, tally) for (rubric, domain), tally in sorted(domains.items())],
        supervisors=[(supervisors[pk], tally) for pk, tally in people.items()],
        regions=sorted(by_region.items()),
        months=sorted(months.items()),
    )
