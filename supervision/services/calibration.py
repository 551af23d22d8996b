"""Calibration: opening an exercise to supervisors, a supervisor's attempt at it, the
calibration a passed attempt earns, and the reminder before a calibration expires.

An attempt is scored blind: the master codes are compared only when it is submitted, once.
Meeting the programme's threshold (``CalibrationSettings``: by default 80% of indicators
within one level and none more than one level off) calibrates the supervisor on the
exercise's rubric for the programme's validity period.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.mail import send_templated_email
from people import scoping
from people.models import User

from ..models import (
    Calibration,
    CalibrationAttempt,
    CalibrationExercise,
    CalibrationScore,
    CalibrationSettings,
    version_is_retired,
)
from ..selectors.agreement import agreement_of
from .emails import link_for


def _settings() -> CalibrationSettings:
    return CalibrationSettings.load()


def _check_writer(actor: User) -> None:
    if not actor.has_perm("supervision.change_calibrationexercise"):
        raise PermissionDenied(_("Calibration exercises are written by trainers."))


def _check_supervisor(actor: User) -> None:
    if not scoping.scope_for(actor).supervised_school_ids:
        raise PermissionDenied(_("Calibration exercises are for supervisors."))


def _check_version(exercise: CalibrationExercise) -> None:
    if version_is_retired(exercise.rubric_version):
        raise ValidationError(
            _(
                "This exercise is on version %(number)s of the rubric, which is no longer in "
                "use. Choose an exercise on the current version."
            )
            % {"number": exercise.rubric_version.number}
        )


@transaction.atomic
def exercise_publish(*, actor: User, exercise: CalibrationExercise) -> CalibrationExercise:
    """Open an exercise to supervisors. It needs a master code, on the rubric's scale, for
    every indicator of its rubric version, and no code for anything else; a retired version
    is refused. Repeat-safe: an open exercise stays open, with no second audit entry."""
    _check_writer(actor)
    exercise = CalibrationExercise.objects.select_for_update().get(pk=exercise.pk)
    _check_version(exercise)
    version = exercise.rubric_version
    keys = version.indicator_keys()
    codes = {code.indicator_key: code.level for code in exercise.master_codes.all()}
    errors = []
    if set(codes) - set(keys):
        errors.append(_("A master code was given for an indicator that is not in this rubric."))
    if set(keys) - set(codes):
        errors.append(_("Give a master code for every indicator of the rubric."))
    if any(not 1 <= level <= version.scale_max for level in codes.values()):
        errors.append(_("Give master codes from 1 to %(max)s.") % {"max": version.scale_max})
    if errors:
        raise ValidationError(errors)
    if exercise.is_published:
        return exercise
    exercise.is_published = True
    exercise.save(update_fields=["is_published", "updated_at"])
    log(exercise, "supervision.calibration.publish", user=actor, data={"version": version.pk})
    return exercise


@transaction.atomic
def exercise_withdraw(*, actor: User, exercise: CalibrationExercise) -> CalibrationExercise:
    """Close an exercise to new attempts; attempts already made keep their results."""
    _check_writer(actor)
    exercise = CalibrationExercise.objects.select_for_update().get(pk=exercise.pk)
    if exercise.is_published:
        exercise.is_published = False
        exercise.save(update_fields=["is_published", "updated_at"])
        log(exercise, "supervision.calibration.withdraw", user=actor)
    return exercise


@transaction.atomic
def attempt_start(*, actor: User, exercise: CalibrationExercise) -> CalibrationAttempt:
    """A supervisor's attempt at an open exercise. Repeat-safe: the same person gets the
    same attempt back (submitted or not); each exercise is tried once."""
    _check_supervisor(actor)
    exercise = CalibrationExercise.objects.select_related("rubric_version__rubric").get(
        pk=exercise.pk
    )
    existing = CalibrationAttempt.objects.filter(exercise=exercise, supervisor=actor).first()
    if existing is not None:
        return existing
    if not exercise.is_published:
        raise ValidationError(_("This exercise is not open to supervisors."))
    _check_version(exercise)
    try:
        with transaction.atomic():
            attempt = CalibrationAttempt.objects.create(
                exercise=exercise, supervisor=actor, rubric_version=exercise.rubric_version
            )
    except IntegrityError:
        return CalibrationAttempt.objects.get(exercise=exercise, supervisor=actor)
    log(attempt, "supervision.calibration.start", user=actor, data={"exercise": exercise.pk})
    return attempt


@transaction.atomic
def attempt_submit(
    *, actor: User, attempt: CalibrationAttempt, scores: dict[str, int | str | None], today: date
) -> CalibrationAttempt:
    """Score the exercise and compare with the master codes, once.

    Every indicator needs a score on the rubric's scale; a second submission, someone
    else's attempt and a retired rubric version are refused and change nothing. Meeting
    the threshold calibrates the supervisor on the rubric from ``today`` for the programme's
    validity period (replacing a flag for recalibration); below it, they try another
    exercise. Audited with the scores and the result.
    """
    attempt = (
        CalibrationAttempt.objects.select_for_update(of=("self",))
        .select_related("exercise", "rubric_version__rubric")
        .get(pk=attempt.pk)
    )
    if attempt.supervisor_id != actor.pk:
        raise PermissionDenied(_("This is another supervisor's attempt."))
    if attempt.is_submitted:
        raise ValidationError(
            _("This attempt was already submitted; its result stands. Try another exercise.")
        )
    _check_version(attempt.exercise)
    version = attempt.rubric_version
    keys = version.indicator_keys()
    errors: dict[str, list[str]] = {}
    given: dict[str, int] = {}
    for key, value in scores.items():
        if key not in keys:
            errors.setdefault("scores", []).append(
                _("A score was given for an indicator that is not in this rubric.")
            )
            continue
        if value in (None, ""):
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if not 1 <= number <= version.scale_max:
            errors.setdefault(f"score_{key}", []).append(
                _("Give a score from 1 to %(max)s.") % {"max": version.scale_max}
            )
            continue
        given[key] = number
    for key in keys:
        if key not in given and f"score_{key}" not in errors:
            errors.setdefault(f"score_{key}", []).append(_("Give a score for this indicator."))
    if errors:
        raise ValidationError(errors)

    master = {code.indicator_key: code.level for code in attempt.exercise.master_codes.all()}
    tally = agreement_of(((given[key], master[key]) for key in keys), version.scale_max)
    rules = _settings()
    passed = bool(
        tally.adjacent_share is not None
        and tally.adjacent_share >= rules.pass_share
        and tally.largest_gap <= rules.max_gap
    )
    CalibrationScore.objects.bulk_create(
        CalibrationScore(
            attempt=attempt,
            domain_key=keys[key],
            indicator_key=key,
            score=given[key],
            master_level=master[key],
        )
        for key in keys
    )
    attempt.submitted_at = timezone.now()
    attempt.exact_share = tally.exact_share
    attempt.adjacent_share = tally.adjacent_share
    attempt.largest_gap = tally.largest_gap
    attempt.passed = passed
    attempt.save()
    data = {
        "exercise": attempt.exercise_id,
        "scores": given,
        "exact": tally.exact_share,
        "adjacent": tally.adjacent_share,
        "largest_gap": tally.largest_gap,
        "passed": passed,
    }
    log(attempt, "supervision.calibration.submit", user=actor, data=data)
    if passed:
        calibration = Calibration.objects.create(
            supervisor=actor,
            rubric=version.rubric,
            attempt=attempt,
            calibrated_on=today,
            valid_until=today + timedelta(days=rules.validity_days),
        )
        log(
            calibration,
            "supervision.calibration.calibrate",
            user=actor,
            data={"rubric": version.rubric_id, "valid_until": calibration.valid_until.isoformat()},
        )
    return attempt


@transaction.atomic
def calibration_flag(
    *, calibration: Calibration, visits: int, share: float, needed: int, actor: User | None = None
) -> Calibration:
    """Flag a calibration for recalibration, with the reason the supervisor is told.
    Repeat-safe: a calibration already flagged keeps its first reason."""
    calibration = Calibration.objects.select_for_update().get(pk=calibration.pk)
    if calibration.flagged_at is not None:
        return calibration
    calibration.flagged_at = timezone.now()
    calibration.flag_reason = {"visits": visits, "share": share, "needed": needed}
    calibration.save(update_fields=["flagged_at", "flag_reason"])
    log(
        calibration,
        "supervision.calibration.flag",
        user=actor,
        data=calibration.flag_reason,
    )
    return calibration


def reminders_expiring_calibrations(*, today: date) -> int:
    """Tell each supervisor whose calibration ends within the programme's reminder period,
    once per calibration, unless they were calibrated again on the rubric since."""
    horizon = today + timedelta(days=_settings().reminder_days)
    sent = 0
    candidates = Calibration.objects.filter(
        reminded_at__isnull=True,
        flagged_at__isnull=True,
        valid_until__gte=today,
        valid_until__lte=horizon,
        supervisor__is_active=True,
    ).select_related("supervisor", "rubric")
    for calibration in candidates:
        renewed = Calibration.objects.filter(
            supervisor=calibration.supervisor_id,
            rubric=calibration.rubric_id,
            valid_until__gt=calibration.valid_until,
        ).exists()
        if not renewed and calibration_remind(calibration=calibration):
            sent += 1
    return sent


@transaction.atomic
def calibration_remind(*, calibration: Calibration) -> bool:
    """Send the expiry reminder of one calibration unless it was sent; ``True`` if it goes."""
    calibration = (
        Calibration.objects.select_for_update(of=("self",))
        .select_related("supervisor", "rubric")
        .get(pk=calibration.pk)
    )
    if calibration.reminded_at is not None:
        return False
    calibration.reminded_at = timezone.now()
    calibration.save(update_fields=["reminded_at"])
    person = calibration.supervisor
    log(calibration, "supervision.reminder.send", data={"kind": "calibration_expiring"})
    send_templated_email(
        "supervision_calibration_expiring",
        to=person.email,
        language=person.preferred_language,
        context={
            "person": person,
            "calibration": calibration,
            "rubric": calibration.rubric,
            "link": link_for(person, "supervision:calibration_index"),
        },
    )
    return True
