"""Every change to enrolments, completions, knowledge checks, reflections and cohorts.

A completion locks the enrolment row, records the module, recomputes the stored progress
and, when that was the last thing missing, completes the enrolment, all in one
transaction. Course completion is announced after commit with the ``course_completed``
signal (see ``courses.signals``).
"""

from __future__ import annotations

from .basics import (
    ModuleLocked,
    _announce_progress,
    _canonical,
    _learner_memberships,
    audience_matches,
    canonical_course,
    canonical_module,
    final_check_module,
    required_module_ids,
)
from .checks import check_questions, knowledge_check_submit
from .cohorts import (
    cohort_enrol,
    course_progress_recompute,
    course_refresh,
    course_rules_apply,
    enrolment_rules_apply,
    observed_practice_record,
    rules_reconcile,
)
from .enrolment import (
    _check_may_enrol_others,
    enrolment_create,
    enrolment_leave,
    enrolment_retake,
)
from .progress import (
    _enrolment_for,
    _observed_practice_met,
    _recompute,
    lock_reason,
    module_complete,
    module_mark_done,
    module_open,
)
from .reflections import reflection_review, reflection_submit

# Private names too: callers and tests that patch them keep working.
__all__ = [
    "ModuleLocked",
    "_announce_progress",
    "_canonical",
    "_check_may_enrol_others",
    "_enrolment_for",
    "_learner_memberships",
    "_observed_practice_met",
    "_recompute",
    "audience_matches",
    "canonical_course",
    "canonical_module",
    "check_questions",
    "cohort_enrol",
    "course_progress_recompute",
    "course_refresh",
    "course_rules_apply",
    "enrolment_create",
    "enrolment_leave",
    "enrolment_retake",
    "enrolment_rules_apply",
    "final_check_module",
    "knowledge_check_submit",
    "lock_reason",
    "module_complete",
    "module_mark_done",
    "module_open",
    "observed_practice_record",
    "reflection_review",
    "reflection_submit",
    "required_module_ids",
    "rules_reconcile",
]
