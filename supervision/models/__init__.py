"""Supervision records: rubrics and their frozen versions, supervision years, visits,
observations with scores, attachments, action points and their reviews, reminders sent;
calibration exercises, attempts at them and the calibrations they earn; double-coded
visits and their co-observers' scores.

Children never appear: observations describe the practice of staff; a note may speak of
"a pupil" but the product stores no child's name, diagnosis or PMPC conclusion.
"""

from .calibration import (
    Calibration,
    CalibrationAttempt,
    CalibrationExercise,
    CalibrationScore,
    CalibrationSettings,
    ExercisePhoto,
    MasterCode,
    version_is_retired,
)
from .double_coding import CoObservationScore, DoubleCoding, DoubleCodingShare
from .records import (
    ActionPoint,
    ActionPointReview,
    Attachment,
    Observation,
    ObservationScore,
    Reminder,
    attachment_path,
    private_storage,
)
from .rubrics import MAX_SCALE_LEVELS, Rubric, RubricVersion, SessionType, pick
from .visits import (
    PLANNED_STATES,
    SUBMITTED_STATES,
    Frequency,
    SupervisionYear,
    Visit,
    held_on_of,
)

__all__ = [
    "MAX_SCALE_LEVELS",
    "PLANNED_STATES",
    "SUBMITTED_STATES",
    "ActionPoint",
    "ActionPointReview",
    "Attachment",
    "Calibration",
    "CalibrationAttempt",
    "CalibrationExercise",
    "CalibrationScore",
    "CalibrationSettings",
    "CoObservationScore",
    "DoubleCoding",
    "DoubleCodingShare",
    "ExercisePhoto",
    "Frequency",
    "MasterCode",
    "Observation",
    "ObservationScore",
    "Reminder",
    "Rubric",
    "RubricVersion",
    "SessionType",
    "SupervisionYear",
    "Visit",
    "attachment_path",
    "held_on_of",
    "pick",
    "private_storage",
    "version_is_retired",
]
