"""Reminders, run by Celery beat (see ``CELERY_BEAT_SCHEDULE``). Each task asks
``services.reminders`` to find what is due and send it; every reminder goes once only."""

from __future__ import annotations

from django.utils import timezone

from core.tasks import reliable_task

from . import services


@reliable_task("supervision.remind_upcoming_visits")
def remind_upcoming_visits() -> int:
    """Tell the supervisors and the school's leaders about a visit in the next few days."""
    return services.reminders_upcoming_visits(today=timezone.localdate())


@reliable_task("supervision.remind_unsubmitted_visits")
def remind_unsubmitted_visits() -> int:
    """Tell the supervisor of a visit still not submitted 48 hours after its day."""
    return services.reminders_unsubmitted_visits(today=timezone.localdate())


@reliable_task("supervision.remind_overdue_action_points")
def remind_overdue_action_points() -> int:
    """Tell the owner and the school's leaders about an open action point past its due date."""
    return services.reminders_overdue_action_points(today=timezone.localdate())
