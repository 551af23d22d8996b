"""Which Celery queue each kind of work goes to.

A 10,000-certificate job must never delay a password-reset e-mail: certificates, imports,
mail, reports and reminders each have their own queue, and the README runs one worker per
queue. Tasks are named here as strings, so this module imports no app; a test fails when a
task has no route.
"""

QUEUES = ("default", "mail", "certificates", "imports", "reports", "reminders")

ROUTES: dict[str, dict[str, str]] = {
    "core.email_send": {"queue": "mail"},
    "certificates.certificate_issue": {"queue": "certificates"},
    "certificates.job_run": {"queue": "certificates"},
    "certificates.job_chunk": {"queue": "certificates"},
    "certificates.reconcile": {"queue": "certificates"},
    "certificates.renewals_practice_issue": {"queue": "certificates"},
    "programmes.staff_import_check": {"queue": "imports"},
    "programmes.staff_import_commit": {"queue": "imports"},
    "programmes.staff_imports_resume": {"queue": "imports"},
    "programmes.person_refresh": {"queue": "reports"},
    "programmes.refresh_all": {"queue": "reports"},
    "courses.course_refresh": {"queue": "reports"},
    "programmes.report_runs_due": {"queue": "reports"},
    "programmes.report_run_send": {"queue": "reports"},
    "certificates.renewal_reminders_send": {"queue": "reminders"},
    "supervision.remind_upcoming_visits": {"queue": "reminders"},
    "supervision.remind_unsubmitted_visits": {"queue": "reminders"},
    "supervision.remind_overdue_action_points": {"queue": "reminders"},
    "supervision.remind_expiring_calibrations": {"queue": "reminders"},
    "certificates.renewals_open": {"queue": "reminders"},
    "certificates.renewals_follow_up": {"queue": "reminders"},
    # Enrolment follows a role granted or a course changed: quick, and a person waits for it.
    "courses.enrolment_rules_apply": {"queue": "default"},
    "courses.rules_reconcile": {"queue": "default"},
    "programmes.role_offer_enrol": {"queue": "default"},
    "certificates.renewal_open": {"queue": "default"},
    # A score for another platform's gradebook: small, and a teacher there waits for it.
    "lti.score_send": {"queue": "default"},
    # Learning records for the LRS: small batches with a short timeout, due within a minute.
    "xapi.statements_send": {"queue": "default"},
}
