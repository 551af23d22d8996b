"""Reads of supervision, always through the reader's scope (``access`` on ``people.scoping``):
``plan`` (years, caseload, what a device keeps), ``visits`` (one visit and its page),
``records`` (observations, action points, attachments, rubric versions), ``oversight``
(coverage), ``practice`` (one person's observed practice), ``growth`` (first and latest
scores per domain over a year, per person, school and region), ``calibration`` (exercises,
attempts, the register and the agreement report) and ``agreement`` (the statistics).

The number of queries of each list does not grow with the number of rows: related rows
come with ``select_related``/``prefetch_related``, counts with ``annotate``.
"""

from .oversight import Coverage, CoverageCell, CoverageRow, coverage_choices_for, coverage_for
from .plan import (
    OFFLINE_DAYS_AHEAD,
    OFFLINE_MAX_VISITS,
    Caseload,
    academic_year_label,
    academic_year_start,
    caseload_for,
    offline_visits_for,
    school_rows_for,
    visit_list_for,
    year_detail_for,
    year_list_for,
)
from .practice import Practice, PracticeChart, practice_for, practice_person_for
from .records import (
    action_point_list_for,
    attachment_for,
    last_observed_on,
    observation_detail_for,
    observation_list_for,
    observed_practice_for,
    rubric_version_current,
    rubric_version_for_form,
)
from .visits import (
    VisitPage,
    action_points_to_review,
    school_leaders,
    staff_memberships,
    visit_detail_for,
    visit_history,
    visit_page_for,
)

__all__ = [
    "OFFLINE_DAYS_AHEAD",
    "OFFLINE_MAX_VISITS",
    "Caseload",
    "Coverage",
    "CoverageCell",
    "CoverageRow",
    "Practice",
    "PracticeChart",
    "VisitPage",
    "academic_year_label",
    "academic_year_start",
    "action_point_list_for",
    "action_points_to_review",
    "attachment_for",
    "caseload_for",
    "coverage_choices_for",
    "coverage_for",
    "last_observed_on",
    "observation_detail_for",
    "observation_list_for",
    "observed_practice_for",
    "offline_visits_for",
    "practice_for",
    "practice_person_for",
    "rubric_version_current",
    "rubric_version_for_form",
    "school_leaders",
    "school_rows_for",
    "staff_memberships",
    "visit_detail_for",
    "visit_history",
    "visit_list_for",
    "visit_page_for",
    "year_detail_for",
    "year_list_for",
]
