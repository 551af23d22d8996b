"""Dashboard reads. Every figure is an aggregate over the stored training statuses (and the
visits and action points of supervision), in a fixed number of queries whatever the number
of people, and limited to the reader's scope.
"""

from __future__ import annotations

from .areas import (
    AreaRow,
    TargetProgress,
    _coverage,
    _fill,
    _people_aggregates,
    _people_counts,
    _role_counts,
    region_rows,
    school_rows,
    target_progress,
)
from .charts import STAGES, Chart, funnel, trained_chart
from .dashboard import (
    Dashboard,
    counted_rows,
    dashboard_for,
    people_rows,
    person_record,
    staff_list_rows,
)
from .indicators import area_table, indicators_table, role_headers
from .reports import (
    may_manage_reports,
    may_subscribe_whole_programme,
    report_regions_for,
    report_subscription_list_for,
)
from .scope import (
    CERTIFIED,
    COUNTED_VISIT_STATES,
    DONE_VISIT_STATES,
    ROLES,
    Filters,
    course_provider,
    may_see_dashboards,
    programme_list_for,
    scoped_people,
    scoped_statuses,
    scoped_targets,
)

# Private names too: callers and tests that patch them keep working.
__all__ = [
    "CERTIFIED",
    "COUNTED_VISIT_STATES",
    "DONE_VISIT_STATES",
    "ROLES",
    "STAGES",
    "AreaRow",
    "Chart",
    "Dashboard",
    "Filters",
    "TargetProgress",
    "_coverage",
    "_fill",
    "_people_aggregates",
    "_people_counts",
    "_role_counts",
    "area_table",
    "counted_rows",
    "course_provider",
    "dashboard_for",
    "funnel",
    "indicators_table",
    "may_manage_reports",
    "may_see_dashboards",
    "may_subscribe_whole_programme",
    "people_rows",
    "person_record",
    "programme_list_for",
    "region_rows",
    "report_regions_for",
    "report_subscription_list_for",
    "role_headers",
    "school_rows",
    "scoped_people",
    "scoped_statuses",
    "scoped_targets",
    "staff_list_rows",
    "target_progress",
    "trained_chart",
]
