"""The personal data programmes keeps: training statuses and staff imports."""

from __future__ import annotations

from typing import Any

from people.models import User

from .models import StaffImport, TrainedStatus


def export(person: User) -> dict[str, Any]:
    return {
        "training_statuses": [
            {
                "programme": str(s.programme),
                "role": s.get_role_display(),
                "stage": s.get_stage_display(),
                "trained_on": s.trained_on,
            }
            for s in TrainedStatus.objects.filter(person=person).select_related("programme")
        ],
        "staff_lists_uploaded": [
            {"file": i.original_name, "on": i.created_at, "status": i.get_status_display()}
            for i in StaffImport.objects.filter(created_by=person)
        ],
    }


def erase(person: User, actor: User) -> None:
    """Nothing to remove: a status holds no name, and it stays frozen as it was (refreshes
    leave erased people alone), so targets and figures do not change."""
