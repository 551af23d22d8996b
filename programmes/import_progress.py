"""How far a staff import has come: while a worker checks or commits a file it publishes
the rows done in the cache (shared by every web node), and the import's page polls them."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache

from core import numbers

from .models import StaffImport

__all__ = ("check_progress_key", "import_progress", "progress_key")


def check_progress_key(staff_import: StaffImport) -> str:
    return f"programmes:import:{staff_import.public_id}:checked"


def progress_key(staff_import: StaffImport) -> str:
    return f"programmes:import:{staff_import.public_id}:done"


def import_progress(staff_import: StaffImport) -> dict[str, Any]:
    """The rows done out of the file's rows, and the share, as the import's page shows them."""
    done = staff_import.rows_done
    if staff_import.status == StaffImport.Status.RUNNING:
        done = cache.get(progress_key(staff_import), 0)
    elif staff_import.status == StaffImport.Status.CHECKING:
        done = cache.get(check_progress_key(staff_import), 0)
    total = staff_import.rows_total or 1
    return {
        "status": staff_import.status,
        "done": done,
        "total": staff_import.rows_total,
        "percent": numbers.percent(min(done, total), total) if staff_import.rows_total else 0,
    }
