"""What Celery beat sends, and how often.

Tasks are named as strings, so this module imports no app. Every scheduled task is repeat-safe
(each reminder, enrolment or certificate happens once however often it runs), so a shorter
interval only makes the work more timely.
"""

from typing import Any

SCHEDULE: dict[str, dict[str, Any]] = {
    # Enrol anyone a required course should have but does not (a role granted while the
    # worker was down, say).
    "courses-rules-reconcile": {"task": "courses.rules_reconcile", "schedule": 60 * 60 * 24},
    # Supervision reminders: each is sent once (a unique row per reminder), so running
    # them often only makes them timely.
    "supervision-upcoming-visits": {
        "task": "supervision.remind_upcoming_visits",
        "schedule": 60 * 60,
    },
    "supervision-unsubmitted-visits": {
        "task": "supervision.remind_unsubmitted_visits",
        "schedule": 60 * 60,
    },
    "supervision-overdue-action-points": {
        "task": "supervision.remind_overdue_action_points",
        "schedule": 60 * 60,
    },
    "supervision-expiring-calibrations": {
        "task": "supervision.remind_expiring_calibrations",
        "schedule": 60 * 60 * 6,
    },
    # Issue any certificate that completion did not get issued (the broker was down, a
    # worker died), and wake bulk certificate jobs that stalled.
    "certificates-reconcile": {"task": "certificates.reconcile", "schedule": 60 * 10},
    # Renewal reminders before certificates expire; each is sent once (a unique row).
    "certificates-renewal-reminders": {
        "task": "certificates.renewal_reminders_send",
        "schedule": 60 * 60 * 6,
    },
    # Recertification, each once: renewals whose window opened; reminders, closing the rest.
    "certificates-renewals-open": {"task": "certificates.renewals_open", "schedule": 3600},
    "certificates-renewals-remind": {"task": "certificates.renewals_follow_up", "schedule": 21600},
    # Recompute every programme's stored training statuses. Each change already refreshes
    # the people it touches; this catches a status that ages (a certificate that expired
    # overnight) or an event that was lost.
    "programmes-refresh-all": {"task": "programmes.refresh_all", "schedule": 60 * 60 * 24},
    # Start again the staff imports queued while the broker was down (each imports once).
    "programmes-staff-imports-resume": {
        "task": "programmes.staff_imports_resume",
        "schedule": 60 * 10,
    },
    # Scheduled reports to funders and ministry contacts: each subscription's week or month
    # is sent once (a unique run per period), so running hourly only makes them timely.
    # Send the learning records the LRS has not accepted yet (it was down, or the task
    # queued after commit was lost); each row is sent once (locked, marked when accepted).
    "xapi-statements-send": {"task": "xapi.statements_send", "schedule": 60},
    "programmes-report-runs-due": {"task": "programmes.report_runs_due", "schedule": 60 * 60},
}
