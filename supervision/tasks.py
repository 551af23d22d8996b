"""Reminders, run by Celery beat (see ``CELERY_BEAT_SCHEDULE``). Each task finds what is
due and asks ``services.reminder_send``, which sends every reminder once only."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from people.models import User
from people.roles import Role

from . import services
from .models import ActionPoint, Reminder, Visit

UPCOMING_DAYS = 3
NOT_SUBMITTED_DAYS = 2  # 48 hours after the day of the visit


def _leaders(school_ids: set[int]) -> dict[int, list[User]]:
    leaders: dict[int, list[User]] = {school_id: [] for school_id in school_ids}
    rows = User.objects.filter(
        is_active=True,
        memberships__role=Role.SCHOOL_LEADER,
        memberships__school_id__in=school_ids,
        memberships__ended_on__isnull=True,
    ).values_list("pk", "memberships__school_id")
    people = {p.pk: p for p in User.objects.filter(pk__in={pk for pk, _s in rows})}
    for pk, school_id in rows:
        leaders[school_id].append(people[pk])
    return leaders


@shared_task(
    name="supervision.remind_upcoming_visits",
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def remind_upcoming_visits() -> int:
    """Tell the supervisors and the school's leaders about a visit in the next few days."""
    today = timezone.localdate()
    visits = list(
        Visit.objects.filter(
            state=Visit.State.PLANNED,
            planned_on__gte=today,
            planned_on__lte=today + timedelta(days=UPCOMING_DAYS),
        )
        .select_related("school", "supervisor")
        .prefetch_related("year__supervisors")
    )
    leaders = _leaders({visit.school_id for visit in visits})
    sent = 0
    for visit in visits:
        recipients = {p.pk: p for p in visit.year.supervisors.all() if p.is_active}
        if visit.supervisor is not None and visit.supervisor.is_active:
            recipients[visit.supervisor.pk] = visit.supervisor
        for leader in leaders[visit.school_id]:
            recipients[leader.pk] = leader
        for person in recipients.values():
            sent += services.reminder_send(
                kind=Reminder.Kind.VISIT_UPCOMING, recipient=person, visit=visit
            )
    return sent


@shared_task(
    name="supervision.remind_unsubmitted_visits",
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def remind_unsubmitted_visits() -> int:
    """Tell the supervisor of a visit still not submitted 48 hours after its day."""
    today = timezone.localdate()
    visits = Visit.objects.filter(
        state__in=[Visit.State.PLANNED, Visit.State.IN_PROGRESS],
        planned_on__lte=today - timedelta(days=NOT_SUBMITTED_DAYS),
        planned_on__gte=today - timedelta(days=60),
        supervisor__is_active=True,
    ).select_related("school", "supervisor")
    sent = 0
    for visit in visits:
        if visit.supervisor is None:
            continue
        sent += services.reminder_send(
            kind=Reminder.Kind.VISIT_NOT_SUBMITTED, recipient=visit.supervisor, visit=visit
        )
    return sent


@shared_task(
    name="supervision.remind_overdue_action_points",
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def remind_overdue_action_points() -> int:
    """Tell the owner and the school's leaders about an open action point past its due date."""
    today = timezone.localdate()
    points = list(
        ActionPoint.objects.filter(
            status=ActionPoint.Status.OPEN,
            due_on__lt=today,
            visit__state__in=[
                Visit.State.SUBMITTED,
                Visit.State.ACKNOWLEDGED,
                Visit.State.CLOSED,
            ],
        ).select_related("school", "owner")
    )
    leaders = _leaders({point.school_id for point in points})
    sent = 0
    for point in points:
        recipients = {leader.pk: leader for leader in leaders[point.school_id]}
        if point.owner.is_active:
            recipients[point.owner.pk] = point.owner
        for person in recipients.values():
            sent += services.reminder_send(
                kind=Reminder.Kind.ACTION_POINT_OVERDUE, recipient=person, action_point=point
            )
    return sent
