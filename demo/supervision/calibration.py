"""Calibration in the demo: the exercises of ``demo/data/calibration.yaml`` on the lesson
rubric, opened to supervisors, and the supervisors' attempts at them, so that the register
shows supervisors calibrated, expiring soon, below the threshold and never tried.

The demo's own supervisor (the one who signs in) has tried nothing: their exercises wait
for them. Idempotent: exercises are found by their English title, attempts by exercise
and supervisor.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from people.models import User
from people.roles import Role
from supervision import services
from supervision.models import CalibrationExercise, MasterCode, RubricVersion, SessionType

from ..loader import load
from .base import Counts

DATA = load("calibration")


def exercises(version: RubricVersion, counts: Counts) -> list[CalibrationExercise]:
    """The demo exercises on ``version``, created and opened the first time."""
    keys = [
        [indicator["key"] for indicator in domain["indicators"]]
        for domain in version.content["domains"]
    ]
    found = []
    for data in DATA["exercises"]:
        exercise = CalibrationExercise.objects.filter(
            name_en=data["name"]["en"], rubric_version=version
        ).first()
        if exercise is None:
            exercise = CalibrationExercise.objects.create(
                rubric_version=version,
                name_kk=data["name"]["kk"],
                name_ru=data["name"]["ru"],
                name_en=data["name"]["en"],
                lesson_kk=data["lesson"]["kk"],
                lesson_ru=data["lesson"]["ru"],
                lesson_en=data["lesson"]["en"],
                is_published=True,
            )
            for domain_keys, codes in zip(keys, data["codes"], strict=True):
                for key, code in zip(domain_keys, codes, strict=True):
                    MasterCode.objects.create(
                        exercise=exercise,
                        indicator_key=key,
                        level=code["level"],
                        rationale_kk=code["reason"]["kk"],
                        rationale_ru=code["reason"]["ru"],
                        rationale_en=code["reason"]["en"],
                    )
            counts.add("calibration exercises")
        found.append(exercise)
    return found


def _scores(exercise: CalibrationExercise, off_by: int, where: int) -> dict[str, Any]:
    """The master's levels, one level off on every third indicator, and ``off_by`` levels
    off on the indicator at ``where``."""
    codes = list(exercise.master_codes.order_by("pk"))
    top = exercise.rubric_version.scale_max
    scores: dict[str, Any] = {}
    for number, code in enumerate(codes):
        gap = off_by if number == where else (1 if number % 3 == 1 else 0)
        level = code.level + gap if code.level + gap <= top else code.level - gap
        scores[code.indicator_key] = max(1, level)
    return scores


def attempts(versions: dict[str, RubricVersion], counts: Counts, today: date) -> None:
    version = versions[SessionType.INCLUSIVE_LESSON]
    first, second = exercises(version, counts)
    supervisors = list(
        User.objects.filter(memberships__role=Role.SUPERVISOR, memberships__ended_on__isnull=True)
        .exclude(email__startswith="supervisor@")  # the demo's own: nothing tried yet
        .distinct()
        .order_by("email")
    )
    for index, supervisor in enumerate(supervisors):
        plan = index % 4
        # 0: calibrated; 1: below on the first, calibrated on the second; 2: below the
        # threshold; 3: calibrated last year, expiring soon.
        tries = {
            0: [(first, 1, today)],
            1: [(first, 2, today), (second, 1, today)],
            2: [(first, 2, today)],
            3: [(second, 0, today - timedelta(days=340))],
        }[plan]
        for exercise, off_by, day in tries:
            if exercise.attempts.filter(supervisor=supervisor).exists():
                continue
            attempt = services.attempt_start(actor=supervisor, exercise=exercise)
            services.attempt_submit(
                actor=supervisor,
                attempt=attempt,
                scores=_scores(exercise, off_by, where=index % 6),
                today=day,
            )
            counts.add("calibration attempts")
