"""Flags for recalibration from double-coded visits, per-pair and per-supervisor agreement
against worked examples, and the register's "expiring soon" following the setting."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from supervision import services
from supervision.models import Calibration, CalibrationSettings
from supervision.selectors import calibration as calibration_selectors
from supervision.selectors import double_coding as selectors
from tests.factories.supervision import make_exercise

from .conftest import World
from .double_coding_helpers import coded_visit, second_supervisor


def calibrate(world: World, who: Any) -> Calibration:
    attempt = services.attempt_start(actor=who, exercise=make_exercise(world.version))
    attempt = services.attempt_submit(
        actor=who,
        attempt=attempt,
        scores=dict.fromkeys(world.version.indicator_keys(), 3),
        today=timezone.localdate(),
    )
    return attempt.calibration


def window(size: int) -> None:
    rules = CalibrationSettings.load()
    rules.flag_window = size
    rules.save()


def test_double_coding_poor_agreement_flags_and_tells_once_in_their_language(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    window(2)
    a2 = second_supervisor(world, preferred_language="ru")
    calibration = calibrate(world, a2)
    with django_capture_on_commit_callbacks(execute=True):
        coded_visit(world, a2, [1, 1, 1], [4, 4, 4])
    calibration.refresh_from_db()
    assert calibration.flagged_at is None  # one visit: fewer than the window
    with django_capture_on_commit_callbacks(execute=True):
        coded_visit(world, a2, [1, 1, 2], [4, 4, 4])
    calibration.refresh_from_db()
    assert calibration.flagged_at is not None
    # Within one level: 0 of 3, then 1 of 3 (2 against 4 is two levels: no) → 0 of 6.
    assert calibration.flag_reason == {"visits": 2, "share": 0.0, "needed": 80}
    flagged = [m for m in mail.outbox if m.to == [a2.email]]
    assert len(flagged) == 1
    assert "Перекалибр" in flagged[0].subject or "перекалибр" in flagged[0].body
    with django_capture_on_commit_callbacks(execute=True):
        coded_visit(world, a2, [1, 1, 1], [4, 4, 4])
    assert len([m for m in mail.outbox if m.to == [a2.email]]) == 1
    rows = calibration_selectors.register_for(user=world.coordinator_a, today=timezone.localdate())
    assert {(row.supervisor, row.status) for row in rows if row.supervisor == a2} == {
        (a2, "flagged")
    }
    history = calibration_selectors.history_for(user=a2)
    assert "2 double-coded visits" in history["calibrations"][0].flag_text


def test_double_coding_good_agreement_keeps_the_calibration(world: World) -> None:
    window(2)
    a2 = second_supervisor(world)
    calibration = calibrate(world, a2)
    coded_visit(world, a2, [3, 3, 3], [3, 4, 2])
    coded_visit(world, a2, [2, 3, 3], [3, 3, 3])
    calibration.refresh_from_db()
    assert calibration.flagged_at is None
    assert not mail.outbox or all(m.to != [a2.email] for m in mail.outbox)


def test_double_coding_agreement_per_pair_and_per_supervisor(world: World) -> None:
    a2 = second_supervisor(world, "Aigul")
    a3 = second_supervisor(world, "Bolat")
    # Pair (Supervisor A1, Aigul): (3,3) (3,4) (2,4) and (4,4) (4,4) (1,2).
    coded_visit(world, a2, [3, 3, 2], [3, 4, 4])
    coded_visit(world, a2, [4, 4, 1], [4, 4, 2])
    # Pair (Supervisor A1, Bolat): (2,2) (2,2) (3,1).
    coded_visit(world, a3, [2, 2, 3], [2, 2, 1])
    # A visit whose co-observer has not scored yet counts nowhere.
    coded_visit(world, a3, [1, 1, 1], None)
    report = selectors.pair_report_for(user=world.coordinator_a)
    pairs = {
        (first.full_name, second.full_name): (visits, t)
        for first, second, visits, t in report.pairs
    }
    assert set(pairs) == {("Aigul", "Supervisor A1"), ("Bolat", "Supervisor A1")}
    visits, aigul = pairs[("Aigul", "Supervisor A1")]
    assert visits == 2
    assert aigul.pairs == 6
    assert aigul.exact_share == pytest.approx(50.0)  # 3 of 6
    assert aigul.adjacent_share == pytest.approx(83.3)  # 5 of 6
    # By hand: lead margins 1:1 2:1 3:2 4:2; co 2:1 3:1 4:4; observed Σw = (0+1+4+0+0+1)/9
    # = 6/9; expected Σ r·c·(i−j)²/(6·9) = 78/54 = 13/9; kappa = 1 − 6/13 = 7/13.
    assert aigul.kappa == pytest.approx(7 / 13)
    visits, bolat = pairs[("Bolat", "Supervisor A1")]
    assert visits == 1
    assert bolat.exact_share == pytest.approx(66.7)
    assert bolat.adjacent_share == pytest.approx(66.7)
    people = {person.full_name: (visits, t) for person, visits, t in report.supervisors}
    assert people["Supervisor A1"][0] == 3
    assert people["Supervisor A1"][1].pairs == 9
    assert people["Supervisor A1"][1].exact_share == pytest.approx(55.6)  # 5 of 9
    assert people["Aigul"][1].pairs == 6
    # Coordinator B reads none of region A's pairs.
    assert selectors.pair_report_for(user=world.coordinator_b).pairs == []


def test_double_coding_register_expiring_soon_follows_the_setting(world: World) -> None:
    calibration = calibrate(world, world.supervisor_a1)
    today = calibration.valid_until - timedelta(days=45)

    def status() -> str:
        rows = calibration_selectors.register_for(user=world.coordinator_a, today=today)
        return next(row.status for row in rows if row.supervisor == world.supervisor_a1)

    assert status() == "calibrated"  # 45 days left, reminders 30 days ahead
    rules = CalibrationSettings.load()
    rules.reminder_days = 60
    rules.save()
    assert status() == "expiring"
