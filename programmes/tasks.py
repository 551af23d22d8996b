"""Background work for programmes: refreshing stored statuses, large imports."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.db import OperationalError

from . import services

RETRY: dict[str, Any] = {
    "acks_late": True,
    "autoretry_for": (OperationalError,),
    "retry_backoff": True,
    "max_retries": 5,
}


@shared_task(name="programmes.person_refresh", **RETRY)
def person_refresh(person_id: int) -> None:
    services.person_statuses_refresh(person_id=person_id)


@shared_task(name="programmes.role_offer_enrol", **RETRY)
def role_offer_enrol(offer_id: int) -> None:
    services.role_offer_enrol(offer_id=offer_id)


@shared_task(name="programmes.refresh_all", **RETRY)
def refresh_all() -> int:
    """Nightly: recompute every programme (certificates expire as days pass)."""
    return services.statuses_refresh_all()


@shared_task(name="programmes.staff_import_check", **RETRY)
def staff_import_check(staff_import_id: int) -> None:
    # Repeat-safe: a file already checked is left as it is. A check lost with its worker is
    # sent again by ``staff_imports_resume``.
    services.staff_import_check(staff_import_id=staff_import_id)


@shared_task(name="programmes.staff_import_commit", acks_late=True)
def staff_import_commit(staff_import_id: int) -> None:
    # Not retried automatically: the import runs in one transaction and reports its own
    # failure on the import record; the person who started it can start it again. Delivered
    # twice, it imports once.
    services.staff_import_commit(staff_import_id=staff_import_id)


@shared_task(name="programmes.staff_imports_resume", **RETRY)
def staff_imports_resume() -> int:
    """Beat: send again the imports queued while the broker was down, or left running
    when the database went away."""
    return services.staff_imports_resume()
