"""Programmes, their targets, each person's stored training status, and staff imports.

``TrainedStatus`` holds, for every learner role held in a programme's schools, how far the
person has got towards being trained in that role. It is recomputed when certificates,
roles or observed practice change, so that the dashboard only counts rows.
"""

from __future__ import annotations

from .imports import StaffImport
from .programme import LEARNER_ROLE_CHOICES, Programme, RequiredCourse, TrainedRule
from .reports import ReportRun, ReportSubscription
from .statuses import ProgrammePerson, TrainedStatus
from .targets import Milestone, Target

__all__ = [
    "LEARNER_ROLE_CHOICES",
    "Milestone",
    "Programme",
    "ProgrammePerson",
    "ReportRun",
    "ReportSubscription",
    "RequiredCourse",
    "StaffImport",
    "Target",
    "TrainedRule",
    "TrainedStatus",
]
