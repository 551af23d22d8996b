"""Recertification on the dashboard: per region or school, the people whose certificates
end in the next 90 days (trained today, due for renewal soon) and those whose required
certificate expired without renewal (overdue). Counted in SQL from the stored statuses,
one query per table, whatever the number of staff."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet

from .models import TrainedStatus

DUE_DAYS = 90


def due_filter(today: date) -> Q:
    """Trained, with a certificate that ends between today and ``DUE_DAYS`` from now."""
    return Q(
        stage=TrainedStatus.Stage.CERTIFIED,
        valid_until__gte=today,
        valid_until__lte=today + timedelta(days=DUE_DAYS),
    )


def renewal_counts(
    rows: QuerySet[TrainedStatus], group: str, today: date
) -> dict[int, tuple[int, int]]:
    """``group`` (region_id or school_id) -> (people due in 90 days, people overdue). A
    person with two roles counts once."""
    return {
        row[group]: (row["due"], row["overdue"])
        for row in rows.values(group).annotate(
            due=Count("person", distinct=True, filter=due_filter(today)),
            overdue=Count("person", distinct=True, filter=Q(overdue=True)),
        )
    }
