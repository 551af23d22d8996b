"""Background work for programmes: refreshing stored statuses, large imports."""

from __future__ import annotations

from core.tasks import reliable_task

from . import services


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
