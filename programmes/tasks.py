"""Background work for programmes: refreshing stored statuses, large imports."""

from __future__ import annotations

from core.tasks import reliable_task

from . import services
from .services import scheduled_reports


@reliable_task("programmes.person_refresh")
def person_refresh(person_id: int) -> None:
    services.person_statuses_refresh(person_id=person_id)


@reliable_task("programmes.role_offer_enrol")
def role_offer_enrol(offer_id: int) -> None:
    services.role_offer_enrol(offer_id=offer_id)


@reliable_task("programmes.refresh_all")
def refresh_all() -> int:
    """Nightly: recompute every programme (certificates expire as days pass)."""
    return services.statuses_refresh_all()


@reliable_task("programmes.staff_import_check")
def staff_import_check(staff_import_id: int) -> None:
    # Repeat-safe: a file already checked is left as it is. A check lost with its worker is
    # sent again by ``staff_imports_resume``.
    services.staff_import_check(staff_import_id=staff_import_id)


@reliable_task("programmes.staff_import_commit", autoretry_for=())
def staff_import_commit(staff_import_id: int) -> None:
    # Not retried automatically: the import runs in one transaction and reports its own
    # failure on the import record; the person who started it can start it again. Delivered
    # twice, it imports once.
    services.staff_import_commit(staff_import_id=staff_import_id)


@reliable_task("programmes.staff_imports_resume")
def staff_imports_resume() -> int:
    """Beat: send again the imports queued while the broker was down, or left running
    when the database went away."""
    return services.staff_imports_resume()


@reliable_task("programmes.report_runs_due")
def report_runs_due() -> int:
    """Beat: queue this week's and this month's scheduled reports (each goes once)."""
    return scheduled_reports.report_runs_due()


@reliable_task("programmes.report_run_send")
def report_run_send(run_id: int) -> None:
    # Repeat-safe: a run already sent is not sent again.
    scheduled_reports.report_run_send(run_id=run_id)
