"""Calibration: the rules of an attempt (blind, once, on the rubric's scale, on a version in
use), the calibration a passed attempt earns, publishing exercises, and expiry reminders."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from supervision import selectors, services
from supervision.models import (
    Calibration,
    CalibrationAttempt,
    CalibrationScore,
    CalibrationSettings,
    MasterCode,
)
from supervision.selectors import calibration as calibration_selectors
from tests.factories.supervision import make_exercise, published

from .conftest import World

TODAY = date(2026, 10, 12)


def keys(world: World) -> list[str]:
    return list(world.version.indicator_keys())


def submit(world: World, exercise: Any, scores: list[int], who: Any = None) -> CalibrationAttempt:
    who = who or world.supervisor_a1
    attempt = services.attempt_start(actor=who, exercise=exercise)
    return services.attempt_submit(
        actor=who, attempt=attempt, scores=dict(zip(keys(world), scores, strict=True)), today=TODAY
    )


def test_calibration_passed_attempt_calibrates_on_the_rubric_for_a_year(world: World) -> None:
    exercise = make_exercise(world.version)  # master: 3, 3, 3
    attempt = submit(world, exercise, [3, 4, 2])
    assert attempt.passed is True
    assert attempt.exact_share == pytest.approx(33.3)
    assert attempt.adjacent_share == 100.0
    assert attempt.largest_gap == 1
    calibration = Calibration.objects.get(supervisor=world.supervisor_a1)
    assert calibration.rubric == world.rubric
    assert calibration.valid_until == TODAY + timedelta(days=365)
    assert calibration.is_valid_on(TODAY)
    assert (
        selectors.calibration.calibration_current(
            supervisor=world.supervisor_a1, rubric=world.rubric, day=TODAY
        )
        == calibration
    )
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {
        "supervision.calibration.start",
        "supervision.calibration.submit",
        "supervision.calibration.calibrate",
    } <= actions


def test_calibration_one_indicator_two_levels_off_fails_even_at_high_agreement(
    world: World,
) -> None:
    CalibrationSettings.objects.create(pass_share=60)
    exercise = make_exercise(world.version, {keys(world)[2]: 1})
    # Two of three within one level (66.7% ≥ 60%), but one indicator is two levels off.
    attempt = submit(world, exercise, [3, 3, 3])
    assert attempt.adjacent_share == pytest.approx(66.7)
    assert attempt.largest_gap == 2
    assert attempt.passed is False
    assert not Calibration.objects.exists()


def test_calibration_threshold_comes_from_the_programme_settings(world: World) -> None:
    CalibrationSettings.objects.create(pass_share=100, max_gap=0, validity_days=30)
    exercise = make_exercise(world.version)
    assert submit(world, exercise, [3, 3, 4]).passed is False
    other = make_exercise(world.version, title="Another lesson")
    assert submit(world, other, [3, 3, 3]).passed is True
    assert Calibration.objects.get().valid_until == TODAY + timedelta(days=30)


def test_calibration_scores_outside_the_levels_are_refused_and_nothing_changes(
    world: World,
) -> None:
    exercise = make_exercise(world.version)
    attempt = services.attempt_start(actor=world.supervisor_a1, exercise=exercise)
    first, second, third = keys(world)
    for bad in ({first: 5, second: 3, third: 3}, {first: 0, second: 3, third: 3}):
        with pytest.raises(ValidationError) as error:
            services.attempt_submit(
                actor=world.supervisor_a1, attempt=attempt, scores=bad, today=TODAY
            )
        assert "Give a score from 1 to 4." in error.value.message_dict[f"score_{first}"]
    with pytest.raises(ValidationError) as error:
        services.attempt_submit(
            actor=world.supervisor_a1, attempt=attempt, scores={first: 3}, today=TODAY
        )
    assert f"score_{second}" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.attempt_submit(
            actor=world.supervisor_a1,
            attempt=attempt,
            scores={first: 3, second: 3, third: 3, "stranger": 2},
            today=TODAY,
        )
    attempt.refresh_from_db()
    assert not attempt.is_submitted
    assert not CalibrationScore.objects.exists()


def test_calibration_second_submission_is_refused(world: World) -> None:
    exercise = make_exercise(world.version)
    attempt = submit(world, exercise, [1, 1, 1])
    assert attempt.passed is False
    with pytest.raises(ValidationError, match="already submitted"):
        services.attempt_submit(
            actor=world.supervisor_a1,
            attempt=attempt,
            scores=dict.fromkeys(keys(world), 3),
            today=TODAY,
        )
    attempt.refresh_from_db()
    assert attempt.passed is False
    assert not Calibration.objects.exists()
    # Starting the same exercise again gives back the same, submitted attempt.
    again = services.attempt_start(actor=world.supervisor_a1, exercise=exercise)
    assert again.pk == attempt.pk


def test_calibration_on_a_retired_rubric_version_is_refused(world: World) -> None:
    exercise = make_exercise(world.version)
    attempt = services.attempt_start(actor=world.supervisor_a1, exercise=exercise)
    world.rubric.name_en = "Lesson, revised"
    world.rubric.save()
    newer = published(world.rubric)
    assert newer.number == world.version.number + 1
    with pytest.raises(ValidationError, match="no longer in use"):
        services.attempt_submit(
            actor=world.supervisor_a1,
            attempt=attempt,
            scores=dict.fromkeys(keys(world), 3),
            today=TODAY,
        )
    with pytest.raises(ValidationError, match="no longer in use"):
        services.attempt_start(actor=world.supervisor_b1, exercise=exercise)
    assert exercise not in [
        row["exercise"] for row in calibration_selectors.exercise_list_for(user=world.supervisor_b1)
    ]


def test_calibration_master_codes_hidden_until_submitted(world: World) -> None:
    exercise = make_exercise(world.version)
    attempt = services.attempt_start(actor=world.supervisor_a1, exercise=exercise)
    with pytest.raises(PermissionDenied, match="once you have submitted"):
        calibration_selectors.attempt_result_for(user=world.supervisor_a1, attempt=attempt)
    attempt = submit(world, exercise, [3, 4, 1])
    result = calibration_selectors.attempt_result_for(user=world.supervisor_a1, attempt=attempt)
    indicators = [i for d in result.domains for i in d["indicators"]]
    assert [i["gap"] for i in indicators] == [0, 1, 2]
    # The master's reason appears where the levels differ, not where they agree.
    assert indicators[0]["rationale"] == ""
    assert indicators[1]["rationale"].startswith("Why")
    assert result.domains[0]["agreement"].exact_share == 50.0
    assert result.domains[1]["agreement"].adjacent_share == 0.0
    # Nobody else reads the attempt, not even by its address.
    with pytest.raises(PermissionDenied):
        calibration_selectors.attempt_result_for(user=world.supervisor_b1, attempt=attempt)
    assert (
        calibration_selectors.attempt_own_for(user=world.supervisor_b1, public_id=attempt.public_id)
        is None
    )


def test_calibration_only_supervisors_attempt_and_only_their_own(world: World) -> None:
    exercise = make_exercise(world.version)
    for person in (world.teacher_a1, world.coordinator_a, world.trainer):
        with pytest.raises(PermissionDenied):
            services.attempt_start(actor=person, exercise=exercise)
    attempt = services.attempt_start(actor=world.supervisor_a1, exercise=exercise)
    with pytest.raises(PermissionDenied):
        services.attempt_submit(
            actor=world.supervisor_b1,
            attempt=attempt,
            scores=dict.fromkeys(keys(world), 3),
            today=TODAY,
        )


def test_calibration_closed_exercise_cannot_be_started(world: World) -> None:
    exercise = make_exercise(world.version, publish=False)
    with pytest.raises(ValidationError, match="not open"):
        services.attempt_start(actor=world.supervisor_a1, exercise=exercise)


def test_calibration_exercise_opens_only_with_whole_master_codes(world: World) -> None:
    exercise = make_exercise(world.version, publish=False)
    with pytest.raises(PermissionDenied):
        services.exercise_publish(actor=world.supervisor_a1, exercise=exercise)
    MasterCode.objects.filter(exercise=exercise).first().delete()
    with pytest.raises(ValidationError, match="every indicator"):
        services.exercise_publish(actor=world.trainer, exercise=exercise)
    MasterCode.objects.create(exercise=exercise, indicator_key=keys(world)[0], level=9)
    with pytest.raises(ValidationError, match="from 1 to 4"):
        services.exercise_publish(actor=world.trainer, exercise=exercise)
    MasterCode.objects.filter(exercise=exercise, level=9).update(level=2)
    services.exercise_publish(actor=world.trainer, exercise=exercise)
    exercise.refresh_from_db()
    assert exercise.is_published
    services.exercise_withdraw(actor=world.manager, exercise=exercise)
    exercise.refresh_from_db()
    assert not exercise.is_published


def test_calibration_passing_again_replaces_a_flag(world: World) -> None:
    first = submit(world, make_exercise(world.version), [3, 3, 3])
    services.calibration_flag(calibration=first.calibration, visits=5, share=60.0, needed=80)
    flagged = Calibration.objects.get(pk=first.calibration.pk)
    assert flagged.flagged_at is not None
    assert "60.0% within one level; 80% is needed" in flagged.flag_text
    assert (
        calibration_selectors.calibration_current(
            supervisor=world.supervisor_a1, rubric=world.rubric, day=TODAY
        )
        is None
    )
    submit(world, make_exercise(world.version, title="Second"), [3, 3, 3])
    assert calibration_selectors.calibration_current(
        supervisor=world.supervisor_a1, rubric=world.rubric, day=TODAY
    )


def test_calibration_expiry_reminder_goes_once(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    attempt = submit(world, make_exercise(world.version), [3, 3, 3])
    valid_until = attempt.calibration.valid_until
    too_early = valid_until - timedelta(days=31)
    assert services.reminders_expiring_calibrations(today=too_early) == 0
    day = valid_until - timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_expiring_calibrations(today=day) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_expiring_calibrations(today=day + timedelta(days=1)) == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.supervisor_a1.email]
    assert "calibration" in mail.outbox[0].subject.lower()


def test_calibration_register_is_scoped_to_the_coordinators_region(world: World) -> None:
    submit(world, make_exercise(world.version), [3, 3, 3])
    rows_a = calibration_selectors.register_for(user=world.coordinator_a, today=TODAY)
    assert {row.supervisor for row in rows_a} == {world.supervisor_a1}
    assert rows_a[0].status == "calibrated"
    rows_b = calibration_selectors.register_for(user=world.coordinator_b, today=TODAY)
    assert {(row.supervisor, row.status) for row in rows_b} == {(world.supervisor_b1, "never")}
    national = calibration_selectors.register_for(
        user=world.manager, today=TODAY + timedelta(days=340)
    )
    assert {(row.supervisor, row.status) for row in national} == {
        (world.supervisor_a1, "expiring"),
        (world.supervisor_b1, "never"),
    }
    assert calibration_selectors.register_for(user=world.supervisor_a1, today=TODAY) == []


def test_calibration_required_for_observed_practice(world: World) -> None:
    from people.roles import Role
    from supervision.models import Visit
    from tests.factories.supervision import make_visit, observe

    visit = make_visit(world.year_a1, date(2026, 10, 20), state=Visit.State.IN_PROGRESS)
    observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
    Visit.objects.filter(pk=visit.pk).update(state=Visit.State.SUBMITTED)
    practice = selectors.observed_practice_for
    # Off by default: every submitted observation counts.
    assert practice(person=world.teacher_a1)[0] == 1
    rules = CalibrationSettings.load()
    rules.required_for_practice = True
    rules.save()
    assert practice(person=world.teacher_a1)[0] == 0
    # Calibrated after the visit: still does not count; before it, it does.
    attempt = submit(world, make_exercise(world.version), [3, 3, 3])
    calibration = attempt.calibration
    assert calibration.calibrated_on == TODAY < visit.planned_on
    assert practice(person=world.teacher_a1)[0] == 1
    Calibration.objects.filter(pk=calibration.pk).update(calibrated_on=date(2026, 10, 21))
    assert practice(person=world.teacher_a1)[0] == 0
    # A flag for recalibration before the visit takes the calibration away from then on.
    Calibration.objects.filter(pk=calibration.pk).update(calibrated_on=TODAY)
    services.calibration_flag(calibration=calibration, visits=5, share=50.0, needed=80)
    Calibration.objects.filter(pk=calibration.pk).update(flagged_at="2026-10-15T10:00:00+05:00")
    assert practice(person=world.teacher_a1)[0] == 0
