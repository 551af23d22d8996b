"""Reminders: a visit coming up, a visit not submitted 48 hours after its day, an action
point past its due date. Each ``reminders_*`` function finds what is due and who should hear
of it (the beat tasks call them); ``reminder_send`` sends each reminder once only."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from wagtail.log_actions import log

from core.mail import send_templated_email
from people.models import User

from .. import selectors
from ..models import SUBMITTED_STATES, ActionPoint, Reminder, Visit
from .emails import link_for

UPCOMING_DAYS = 3
NOT_SUBMITTED_DAYS = 2  # 48 hours after the day of the visit
NOT_SUBMITTED_LOOKBACK_DAYS = 60


@transaction.atomic
def reminder_send(
    *,
    kind: str,
    recipient: User,
    visit: Visit | None = None,
    action_point: ActionPoint | None = None,
) -> bool:
    """Send one reminder e-mail unless it was already sent; ``True`` if it goes now.

    The ``Reminder`` row is written first; the database's unique constraints refuse a
    second one (also when two workers race), so each reminder goes once. An action point
    whose due date moved may be reminded of once more for the new date. The e-mail
    leaves after commit, in the recipient's language.
    """
    due_on = action_point.due_on if action_point is not None else None
    try:
        with transaction.atomic():
            Reminder.objects.create(
                kind=kind,
                recipient=recipient,
                visit=visit,
                action_point=action_point,
                due_on=due_on,
            )
    except IntegrityError:
        return False
    if action_point is not None:
        subject: Visit | ActionPoint = action_point
        context = {
            "person": recipient,
            "point": action_point,
            "school": action_point.school,
            "link": link_for(recipient, "supervision:action_point_list"),
        }
    elif visit is not None:
        subject = visit
        context = {
            "person": recipient,
            "visit": visit,
            "school": visit.school,
            "link": link_for(recipient, "supervision:visit_detail", public_id=visit.public_id),
        }
    else:
        raise ValueError("A reminder is about a visit or an action point.")
    log(subject, "supervision.reminder.send", data={"kind": kind, "recipient": recipient.pk})
    send_templated_email(
        f"supervision_reminder_{kind}",
        to=recipient.email,
        language=recipient.preferred_language,
        context=context,
    )
    return True


def reminders_upcoming_visits(*, today: date) -> int:
    """Tell the year's supervisors, the visit's supervisor and the school's leaders about
    a visit planned in the next few days. The number of e-mails sent now."""
    visits = list(
        Visit.objects.filter(
            state=Visit.State.PLANNED,
            planned_on__gte=today,
            planned_on__lte=today + timedelta(days=UPCOMING_DAYS),
        )
        .select_related("school", "supervisor")
        .prefetch_related("year__supervisors")
    )
    leaders = selectors.school_leaders({visit.school_id for visit in visits})
    sent = 0
    for visit in visits:
        recipients = {p.pk: p for p in visit.year.supervisors.all() if p.is_active}
        if visit.supervisor is not None and visit.supervisor.is_active:
            recipients[visit.supervisor.pk] = visit.supervisor
        for leader in leaders[visit.school_id]:
            recipients[leader.pk] = leader
        for person in recipients.values():
            sent += reminder_send(kind=Reminder.Kind.VISIT_UPCOMING, recipient=person, visit=visit)
    return sent


def reminders_unsubmitted_visits(*, today: date) -> int:
    """Tell the supervisor of a visit still not submitted 48 hours after its day."""
    visits = Visit.objects.filter(
        state__in=[Visit.State.PLANNED, Visit.State.IN_PROGRESS],
        planned_on__lte=today - timedelta(days=NOT_SUBMITTED_DAYS),
        planned_on__gte=today - timedelta(days=NOT_SUBMITTED_LOOKBACK_DAYS),
        supervisor__is_active=True,
    ).select_related("school", "supervisor")
    sent = 0
    for visit in visits:
        if visit.supervisor is None:
            continue
        sent += reminder_send(
            kind=Reminder.Kind.VISIT_NOT_SUBMITTED, recipient=visit.supervisor, visit=visit
        )
    return sent


def reminders_overdue_action_points(*, today: date) -> int:
    """Tell the owner and the school's leaders about an open action point, raised at a
    submitted visit, that is past its due date."""
    points = list(
        ActionPoint.objects.filter(
            status=ActionPoint.Status.OPEN,
            due_on__lt=today,
            visit__state__in=SUBMITTED_STATES,
        ).select_related("school", "owner")
    )
    leaders = selectors.school_leaders({point.school_id for point in points})
    sent = 0
    for point in points:
        recipients = {leader.pk: leader for leader in leaders[point.school_id]}
        if point.owner.is_active:
            recipients[point.owner.pk] = point.owner
        for person in recipients.values():
            sent += reminder_send(
                kind=Reminder.Kind.ACTION_POINT_OVERDUE, recipient=person, action_point=point
            )
    return sent
