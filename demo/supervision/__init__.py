"""The supervision part of the demo programme.

Rubrics for the four session types; a supervision year from 1 September for every demo
school with its supervisors; monthly visits in every state relative to today; realistic
observations of the schools' (invented) staff with notes in Kazakh, Russian and English;
action points open, done, dropped and overdue, reviewed at the following visits;
calibration exercises and supervisors' attempts at them (``calibration``); double-coded
visits with good and poor agreement, one supervisor flagged for recalibration
(``double_coding``).

Deterministic and idempotent: records are looked up by natural keys (rubric by session
type, year by school and start, visit by year and date, observations and action points by
ids derived from those keys), the variety comes from generators seeded per school, and a
second run changes nothing. The rubrics and every note are in
``demo/data/supervision.yaml``.
"""

from __future__ import annotations

from django.core.management.base import OutputWrapper

from ..people import PeopleSeedResult
from .visits import SupervisionSeeder, school_day_from

__all__ = ["SupervisionSeeder", "school_day_from", "seed"]


def seed(out: OutputWrapper, people: PeopleSeedResult) -> None:
    SupervisionSeeder(out, people).run()
