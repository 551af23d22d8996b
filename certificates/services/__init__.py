"""Every change to certificates: issue, revoke, reissue, renewal reminders, reconciliation
and bulk jobs.

Each service runs in one transaction, checks the actor's scope through ``people.scoping``
(programme managers and administrators run the lifecycle; issuing on completion needs no
actor), writes an audit entry in the same transaction, and sends e-mail only after commit.

Issuing locks the enrolment row before it looks for a certificate, and the database keeps
one valid certificate per enrolment, so concurrent completions, retried tasks and the
reconciliation job end with exactly one. A certificate's PDF is rendered and stored before
its row is written, inside the transaction: a committed certificate always has its PDF.
"""

from __future__ import annotations

from .access import (
    ALLOWED_MOVES,
    Status,
    _check_may_manage,
    _check_move,
    _refusal,
    may_manage,
    private_storage,
)
from .building import (
    _PREPARED,
    PREPARED_SECONDS,
    PreparedTemplate,
    _build,
    _course_translations,
    _email_issued,
    _store,
    _template_version,
    completion_date,
    prepared_template,
    template_for,
)
from .issue import certificate_issue, certificates_reconcile, renewals_practice_issue
from .jobs import (
    JOB_CHUNK,
    _job_targets,
    certificate_job_chunk_process,
    certificate_job_dispatch,
    certificate_job_finish_if_done,
    certificate_job_item_process,
    certificate_job_run,
    certificate_job_start,
    certificate_jobs_resume,
)
from .lifecycle import _clean_reason, certificate_reissue, certificate_revoke
from .reminders import renewal_reminder_send, renewal_reminders_send

# Private names too: callers and tests that patch them keep working.
__all__ = [
    "ALLOWED_MOVES",
    "JOB_CHUNK",
    "PREPARED_SECONDS",
    "_PREPARED",
    "PreparedTemplate",
    "Status",
    "_build",
    "_check_may_manage",
    "_check_move",
    "_clean_reason",
    "_course_translations",
    "_email_issued",
    "_job_targets",
    "_refusal",
    "_store",
    "_template_version",
    "certificate_issue",
    "certificate_job_chunk_process",
    "certificate_job_dispatch",
    "certificate_job_finish_if_done",
    "certificate_job_item_process",
    "certificate_job_run",
    "certificate_job_start",
    "certificate_jobs_resume",
    "certificate_reissue",
    "certificate_revoke",
    "certificates_reconcile",
    "completion_date",
    "may_manage",
    "prepared_template",
    "private_storage",
    "renewal_reminder_send",
    "renewal_reminders_send",
    "renewals_practice_issue",
    "template_for",
]
