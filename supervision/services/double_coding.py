"""Double-coded visits: the share of a region's visits to co-observe, picking the visits and
their co-observers, changing a co-observer, the co-observer's blind scores, the pair's
agreement, and flagging a supervisor for recalibration when their agreement falls short.

Picking is deterministic and fair. Among a region's planned visits in date order (moved
visits left out), the ``i``-th is picked when ``⌊i·share/100⌋`` steps up (10 %: the 10th,
20th ... visit; ``selectors.double_coding.picks``); only visits still planned, with a
supervisor and not yet picked, are picked, so running it again keeps earlier picks. Each
gets the region's supervisor (other than the visit's own) with the fewest co-observations
still open, then the fewest in all, then the earliest account.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.mail import send_templated_email
from people import scoping
from people.models import Region, RoleMembership, User
from people.roles import Role

from .. import access
from ..models import (
    SUBMITTED_STATES,
    Calibration,
    CalibrationSettings,
    CoObservationScore,
    DoubleCoding,
    DoubleCodingShare,
    Rubric,
    Visit,
)
from ..selectors import double_coding as selectors
from ..selectors.agreement import agreement_of
from ..selectors.calibration import calibration_current, supervisors_for
from .calibration import calibration_flag
from .emails import link_for

ASSIGNABLE_STATES = frozenset({Visit.State.PLANNED, Visit.State.IN_PROGRESS})


def _check_coordinates(actor: User, region: Region) -> None:
    scope = scoping.scope_for(actor)
    if not (scope.is_national or region.pk in scope.coordinated_region_ids):
        raise PermissionDenied(
            _("Only the coordinator of %(region)s or programme staff can do this.")
            % {"region": region}
        )


@transaction.atomic
def double_coding_share_set(*, actor: User, region: Region, share: int) -> DoubleCodingShare:
    """Set the share of the region's visits to co-observe (0 to 100 percent). Repeat-safe:
    the same share again changes nothing and writes no second audit entry."""
    _check_coordinates(actor, region)
    if not isinstance(share, int) or not 0 <= share <= 100:
        raise ValidationError({"share": _("Give a share from 0 to 100 percent.")})
    found, created = DoubleCodingShare.objects.select_for_update().get_or_create(
        region=region, defaults={"share": share, "changed_by": actor}
    )
    if not created and found.share == share:
        return found
    before = None if created else found.share
    found.share = share
    found.changed_by = actor
    found.save()
    log(found, "supervision.double_coding.share", user=actor, data={"from": before, "to": share})
    return found


def _region_supervisors(region: Region) -> list[User]:
    held = RoleMembership.objects.current().filter(
        person=OuterRef("pk"), role=Role.SUPERVISOR, school__region=region
    )
    return list(
        User.objects.filter(Exists(held), is_active=True)
        .annotate(
            open_count=Count(
                "co_observations", filter=Q(co_observations__completed_at__isnull=True)
            ),
            all_count=Count("co_observations"),
        )
        .order_by("open_count", "all_count", "pk")
    )


@transaction.atomic
def double_coding_pick(*, actor: User, region: Region) -> list[DoubleCoding]:
    """Pick the region's visits to co-observe at its share and give each a co-observer (see
    the module's rule). Repeat-safe: earlier picks stay, nothing is picked twice. A visit
    whose supervisor is the region's only supervisor is left out. Each pick is audited."""
    _check_coordinates(actor, region)
    share = selectors.share_for(region)
    visits = list(
        selectors.region_visits(region)
        .select_for_update()
        .values_list("pk", "state", "supervisor_id")
    )
    taken = set(
        DoubleCoding.objects.filter(visit__school__region=region).values_list("visit_id", flat=True)
    )
    candidates = _region_supervisors(region)
    load = {p.pk: [getattr(p, "open_count", 0), getattr(p, "all_count", 0)] for p in candidates}
    made = []
    for ordinal in selectors.picks(len(visits), share):
        visit_id, state, supervisor_id = visits[ordinal - 1]
        if visit_id in taken or state != Visit.State.PLANNED or supervisor_id is None:
            continue
        others = [p for p in candidates if p.pk != supervisor_id]
        if not others:
            continue
        chosen = min(others, key=lambda p: (load[p.pk][0], load[p.pk][1], p.pk))
        load[chosen.pk][0] += 1
        load[chosen.pk][1] += 1
        coding = DoubleCoding.objects.create(
            visit_id=visit_id, co_observer=chosen, assigned_by=actor
        )
        log(
            coding.visit,
            "supervision.double_coding.pick",
            user=actor,
            data={"co_observer": chosen.pk, "share": share, "ordinal": ordinal},
        )
        made.append(coding)
    return made


@transaction.atomic
def double_coding_assign(*, actor: User, visit: Visit, co_observer: User) -> DoubleCoding:
    """Choose a visit for co-observation, or change its co-observer, before the visit is
    submitted. The co-observer must be a supervisor the actor coordinates and not the
    visit's own supervisor; once they submitted their scores the pair stays. Repeat-safe:
    the same co-observer again changes nothing."""
    visit = (
        Visit.objects.select_for_update(of=("self",))
        .select_related("school__region")
        .get(pk=visit.pk)
    )
    if not access.capacities(actor, visit.school) & {access.COORDINATOR, access.NATIONAL}:
        raise PermissionDenied(_("Only the coordinator of the school's region can do this."))
    if co_observer.pk == visit.supervisor_id:
        raise ValidationError(
            {
                "co_observer": _(
                    "%(person)s is this visit's own supervisor and cannot co-observe it. "
                    "Choose another supervisor."
                )
                % {"person": co_observer}
            }
        )
    if not supervisors_for(actor).filter(pk=co_observer.pk, is_active=True).exists():
        raise ValidationError({"co_observer": _("Choose a supervisor of a school in your region.")})
    coding = DoubleCoding.objects.select_for_update().filter(visit=visit).first()
    if coding is not None and coding.co_observer_id == co_observer.pk:
        return coding
    if visit.state not in ASSIGNABLE_STATES:
        raise ValidationError(
            _("This visit is “%(state)s”: a co-observer is chosen before it is submitted.")
            % {"state": visit.get_state_display()}
        )
    if coding is None:
        coding = DoubleCoding.objects.create(
            visit=visit, co_observer=co_observer, assigned_by=actor
        )
        before = None
    else:
        if coding.submitted_at is not None:
            raise ValidationError(
                _("The co-observer has already submitted their scores; the pair stays.")
            )
        before = coding.co_observer_id
        coding.co_observer = co_observer
        coding.assigned_by = actor
        coding.save(update_fields=["co_observer", "assigned_by"])
    log(
        visit,
        "supervision.double_coding.assign",
        user=actor,
        data={"from": before, "to": co_observer.pk},
    )
    return coding


@transaction.atomic
def double_coding_submit(
    *, actor: User, double_coding: DoubleCoding, scores: dict[str, Any]
) -> DoubleCoding:
    """The co-observer's own scores for every observation of the visit, once: ``scores``
    maps ``<observation public id>_<indicator key>`` to a level on that observation's scale.
    Refused for anyone but the co-observer, before the lead has begun recording, with a
    score missing or off the scale, and a second time. If the visit is already submitted,
    the pair's agreement is recorded at once; otherwise when it is submitted."""
    coding = (
        DoubleCoding.objects.select_for_update(of=("self",))
        .select_related("visit")
        .get(pk=double_coding.pk)
    )
    if coding.co_observer_id != actor.pk:
        raise PermissionDenied(_("Only the co-observer of this visit scores it here."))
    if coding.submitted_at is not None:
        raise ValidationError(_("Your scores for this visit were already submitted."))
    visit = coding.visit
    if visit.state not in {Visit.State.IN_PROGRESS, *SUBMITTED_STATES}:
        raise ValidationError(
            _("Score the sessions once the visit's supervisor has begun recording them.")
        )
    observations = list(visit.observations.select_related("rubric_version"))
    if not observations:
        raise ValidationError(_("The visit has no observed session to score yet."))
    errors: dict[str, list[str]] = {}
    rows = []
    for observation in observations:
        top = observation.rubric_version.scale_max
        for key, domain_key in observation.rubric_version.indicator_keys().items():
            name = f"{observation.public_id}_{key}"
            value = scores.get(name)
            try:
                number = int(value) if value not in (None, "") else 0
            except (TypeError, ValueError):
                number = -1
            if number == 0:
                errors.setdefault(name, []).append(_("Give a score for this indicator."))
            elif not 1 <= number <= top:
                errors.setdefault(name, []).append(
                    _("Give a score from 1 to %(max)s.") % {"max": top}
                )
            else:
                rows.append(
                    CoObservationScore(
                        double_coding=coding,
                        observation=observation,
                        domain_key=domain_key,
                        indicator_key=key,
                        score=number,
                    )
                )
    if errors:
        raise ValidationError(errors)
    CoObservationScore.objects.bulk_create(rows)
    coding.submitted_at = timezone.now()
    coding.save(update_fields=["submitted_at"])
    log(
        visit,
        "supervision.double_coding.submit",
        user=actor,
        data={"scores": {f"{r.observation_id}:{r.indicator_key}": r.score for r in rows}},
    )
    double_coding_record(visit=visit)
    return coding


@transaction.atomic
def double_coding_record(*, visit: Visit) -> DoubleCoding | None:
    """Record the pair's agreement (exact, within one level, quadratic-weighted kappa) once
    the visit is submitted and the co-observer has submitted; then check both observers
    for recalibration. Called by the visit's submission and the co-observer's; a visit
    submitted again after a return records the agreement of its corrected scores."""
    coding = DoubleCoding.objects.select_for_update().filter(visit=visit.pk).first()
    if coding is None or coding.submitted_at is None:
        return None
    visit = Visit.objects.get(pk=visit.pk)
    if not visit.is_submitted:
        return None
    rows = selectors.pair_rows([coding.pk])
    levels = max((row["levels"] for row in rows), default=2)
    tally = agreement_of(((row["lead"], row["co"]) for row in rows), levels)
    coding.pairs = tally.pairs
    coding.exact_share = tally.exact_share
    coding.adjacent_share = tally.adjacent_share
    coding.kappa = None if tally.kappa is None else round(tally.kappa, 3)
    coding.largest_gap = tally.largest_gap
    coding.completed_at = timezone.now()
    coding.save()
    log(
        visit,
        "supervision.double_coding.record",
        data={
            "pairs": tally.pairs,
            "exact": tally.exact_share,
            "adjacent": tally.adjacent_share,
            "kappa": coding.kappa,
        },
    )
    rubric_ids = {row["rubric_id"] for row in rows}
    people = User.objects.filter(pk__in=[visit.supervisor_id, coding.co_observer_id])
    for person in people:
        for rubric in Rubric.objects.filter(pk__in=rubric_ids):
            supervisor_agreement_check(supervisor=person, rubric=rubric)
    return coding


def supervisor_agreement_check(*, supervisor: User, rubric: Rubric) -> Calibration | None:
    """Flag ``supervisor``'s calibration on ``rubric`` for recalibration when their agreement
    within one level with their co-observers, over their latest N double-coded visits on it
    (N: ``CalibrationSettings.flag_window``), is below the programme's threshold. Looked at
    only once they have N such visits. The supervisor is told why by e-mail in their
    language, once per flag. The flagged calibration, or ``None``."""
    rules = CalibrationSettings.load()
    latest = selectors.latest_for(
        supervisor=supervisor, rubric_id=rubric.pk, window=rules.flag_window
    )
    if len(latest) < rules.flag_window:
        return None
    rows = [r for r in selectors.pair_rows(latest) if r["rubric_id"] == rubric.pk]
    tally = selectors.agreement_over(rows)
    if tally is None or tally.adjacent_share is None or tally.adjacent_share >= rules.pass_share:
        return None
    calibration = calibration_current(
        supervisor=supervisor, rubric=rubric, day=timezone.localdate()
    )
    if calibration is None:
        return None
    calibration = calibration_flag(
        calibration=calibration,
        visits=len(latest),
        share=tally.adjacent_share,
        needed=rules.pass_share,
    )
    send_templated_email(
        "supervision_calibration_flagged",
        to=supervisor.email,
        language=supervisor.preferred_language,
        context={
            "person": supervisor,
            "calibration": calibration,
            "rubric": rubric,
            "visits": len(latest),
            "share": tally.adjacent_share,
            "needed": rules.pass_share,
            "link": link_for(supervisor, "supervision:calibration_index"),
        },
    )
    return calibration
