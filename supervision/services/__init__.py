"""Every change to supervision, one module per thing a person does: ``rubrics`` (versions),
``plan`` (years and their visits), ``transitions`` (a visit's moves), ``records`` (notes,
attachments, action points), ``observations``, ``reminders``, ``calibration`` (exercises,
attempts, calibrations and their expiry reminders), ``double_coding`` (co-observed
visits, the pair's agreement, flags for recalibration); ``emails`` are sent after
commit by the moves.

Each service runs in one transaction, checks the actor's capacity at the school
(``access``, built on ``people.scoping``), writes an audit entry in the same transaction,
and sends e-mail, signals and file deletions only after commit. Refusals raise
``PermissionDenied`` (the role may not) or ``ValidationError`` (the input or the visit's
state does not allow it), and leave nothing half-saved.
"""

from ..moves import TRANSITIONS, Move
from .calibration import (
    attempt_start,
    attempt_submit,
    calibration_flag,
    calibration_remind,
    exercise_publish,
    exercise_withdraw,
    reminders_expiring_calibrations,
)
from .double_coding import (
    double_coding_assign,
    double_coding_pick,
    double_coding_record,
    double_coding_share_set,
    double_coding_submit,
    supervisor_agreement_check,
)
from .observations import observation_delete, observation_save
from .plan import plan_dates, school_day, visit_add, year_create, year_update
from .records import (
    action_point_delete,
    action_point_review,
    action_point_save,
    attachment_add,
    attachment_delete,
    visit_update_notes,
)
from .reminders import (
    reminder_send,
    reminders_overdue_action_points,
    reminders_unsubmitted_visits,
    reminders_upcoming_visits,
)
from .rubrics import rubric_publish
from .transitions import (
    visit_acknowledge,
    visit_close,
    visit_miss,
    visit_reschedule,
    visit_return,
    visit_start,
    visit_submit,
    visit_transition,
)

__all__ = [
    "TRANSITIONS",
    "Move",
    "action_point_delete",
    "action_point_review",
    "action_point_save",
    "attachment_add",
    "attachment_delete",
    "attempt_start",
    "attempt_submit",
    "calibration_flag",
    "calibration_remind",
    "double_coding_assign",
    "double_coding_pick",
    "double_coding_record",
    "double_coding_share_set",
    "double_coding_submit",
    "exercise_publish",
    "exercise_withdraw",
    "observation_delete",
    "observation_save",
    "plan_dates",
    "reminder_send",
    "reminders_expiring_calibrations",
    "reminders_overdue_action_points",
    "reminders_unsubmitted_visits",
    "reminders_upcoming_visits",
    "rubric_publish",
    "school_day",
    "supervisor_agreement_check",
    "visit_acknowledge",
    "visit_add",
    "visit_close",
    "visit_miss",
    "visit_reschedule",
    "visit_return",
    "visit_start",
    "visit_submit",
    "visit_transition",
    "visit_update_notes",
    "year_create",
    "year_update",
]
