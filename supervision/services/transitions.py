"""A visit's moves: start, miss, reschedule, submit, acknowledge (sign off), return for
correction and close. Each is a small function that says what its move changes; they share
one step (``_move``) that locks the visit, checks ``TRANSITIONS`` and the actor's capacity,
and writes the move's audit entry in the same transaction.

Without ``client_id`` a move is not repeat-safe by design: a second identical request finds
the visit already moved and is refused with the reason. With ``client_id`` (the id the
device gave this move, so that a submission queued offline may safely arrive twice), the
same id again returns the visit unchanged, without a second audit entry.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from people.models import User
from people.signals import observed_practice_changed

from .. import access, selectors
from ..access import SUPERVISOR
from ..models import SUBMITTED_STATES, ActionPoint, Observation, Visit
from ..moves import ACTION_TARGETS, TRANSITIONS, Move
from .double_coding import double_coding_record
from .emails import email_leaders_submitted, email_supervisor_returned
from .plan import check_within_year
from .records import MAX_TEXT

State = Visit.State


@dataclass
class Step:
    """A move under way: the locked visit, who makes it, and what its audit entry records.
    A move's own change edits ``visit`` and adds to ``data`` and ``after_commit``."""

    actor: User
    visit: Visit
    reason: str
    now: datetime
    data: dict[str, Any]
    after_commit: list[Callable[[], None]] = field(default_factory=list)


def _refusal(move: Move, visit: Visit) -> str:
    if move.action == "acknowledge":
        return _("Only a school leader of %(school)s can sign off this visit.") % {
            "school": visit.school
        }
    if move.who == frozenset({SUPERVISOR}):
        return _("Only a supervisor of %(school)s can do this: %(action)s.") % {
            "school": visit.school,
            "action": move.label,
        }
    return _("Your roles do not let you do this: %(action)s.") % {"action": move.label}


def _move(
    *,
    actor: User,
    visit: Visit,
    action: str,
    client_id: uuid.UUID | None,
    reason: str = "",
    to_state: str = "",
    change: Callable[[Step], None] | None = None,
) -> Visit:
    """The step every move shares. Locks the visit; refuses an actor outside its school;
    returns it unchanged for a ``client_id`` already used on it; refuses a move that
    ``TRANSITIONS`` does not allow from its state (``action`` names the move meant, so a
    different move between the same states is refused too), an actor whose capacity may
    not make it, and a move that needs a reason without one. Then applies ``change``, saves,
    and writes one audit entry, ``supervision.visit.<action>``. After commit: the move's
    e-mails, and ``observed_practice_changed`` for everyone observed when the visit's
    observations start or stop counting (submit, return). Runs in the caller's transaction.
    """
    visit = (
        Visit.objects.select_for_update(of=("self",))
        .select_related("school", "year")
        .get(pk=visit.pk)
    )
    mine = access.capacities(actor, visit.school)
    if not mine:
        raise PermissionDenied(_("This visit is outside your schools."))
    if client_id is not None:
        if visit.last_move_client_id == client_id:
            return visit
        if Visit.objects.filter(last_move_client_id=client_id).exclude(pk=visit.pk).exists():
            raise ValidationError(_("This form belongs to another visit. Open the visit again."))
    source = visit.state
    target = to_state or ACTION_TARGETS.get(action, action)
    move = TRANSITIONS.get((source, target))
    if move is None or move.action != action or change is None:
        raise ValidationError(
            {
                "state": _("A visit that is “%(source)s” cannot become “%(target)s”.")
                % {
                    "source": State(source).label,
                    "target": State(target).label if target in State.values else target,
                }
            }
        )
    if not mine & move.who:
        raise PermissionDenied(_refusal(move, visit))
    reason = reason.strip()[:MAX_TEXT]
    if move.needs_reason and not reason:
        raise ValidationError({"reason": _("Say why, so that the school and the team know.")})

    step = Step(actor=actor, visit=visit, reason=reason, now=timezone.now(), data={})
    step.data.update({"from": source, "to": target})
    if reason:
        step.data["reason"] = reason
    if client_id is not None:
        visit.last_move_client_id = client_id
        step.data["client_id"] = str(client_id)
    change(step)
    visit.state = target
    visit.save()
    log(visit, f"supervision.visit.{move.action}", user=actor, data=step.data)

    if (target in SUBMITTED_STATES) != (source in SUBMITTED_STATES):
        people = set(visit.observations.values_list("observed_person_id", flat=True))
        transaction.on_commit(lambda: _send_observed_practice(people))
    for callback in step.after_commit:
        transaction.on_commit(callback)
    return visit


@transaction.atomic
def visit_start(*, actor: User, visit: Visit, client_id: uuid.UUID | None = None) -> Visit:
    """A supervisor of the school begins recording a planned visit, and becomes its
    supervisor if it has none of the year's supervisors."""

    def change(step: Step) -> None:
        visit = step.visit
        visit.started_at = visit.started_at or step.now
        if (
            visit.supervisor_id is None
            or not visit.year.supervisors.filter(pk=visit.supervisor_id).exists()
        ):
            visit.supervisor = step.actor

    return _move(actor=actor, visit=visit, action="start", client_id=client_id, change=change)


@transaction.atomic
def visit_miss(
    *, actor: User, visit: Visit, reason: str, client_id: uuid.UUID | None = None
) -> Visit:
    """A planned visit did not take place; the reason is kept with it."""

    def change(step: Step) -> None:
        step.visit.state_reason = step.reason

    return _move(
        actor=actor, visit=visit, action="miss", reason=reason, client_id=client_id, change=change
    )


@transaction.atomic
def visit_reschedule(
    *,
    actor: User,
    visit: Visit,
    reason: str,
    new_date: date | None,
    client_id: uuid.UUID | None = None,
) -> Visit:
    """Move a planned visit to another date within its year: it keeps the reason, and a new
    visit planned on ``new_date`` is linked to it (``rescheduled_to``)."""

    def change(step: Step) -> None:
        visit = step.visit
        if new_date is None:
            raise ValidationError({"new_date": _("Choose the new date of the visit.")})
        if new_date == visit.planned_on:
            raise ValidationError({"new_date": _("Choose a date other than the planned one.")})
        check_within_year(visit.year, new_date, field="new_date")
        visit.state_reason = step.reason
        step.data["new_date"] = new_date.isoformat()
        moved = Visit.objects.create(
            year=visit.year,
            school=visit.school,
            planned_on=new_date,
            supervisor=visit.supervisor,
            rescheduled_from=visit,
        )
        step.data["new_visit"] = str(moved.public_id)

    return _move(
        actor=actor,
        visit=visit,
        action="reschedule",
        reason=reason,
        client_id=client_id,
        change=change,
    )


@transaction.atomic
def visit_submit(*, actor: User, visit: Visit, client_id: uuid.UUID | None = None) -> Visit:
    """The supervisor hands in the record. Needs at least one complete observation, no
    unfinished one, and a review of every action point still open from earlier visits.
    E-mails the school's leaders after commit. A co-observed visit whose co-observer has
    submitted records the pair's agreement."""

    def change(step: Step) -> None:
        visit = step.visit
        _check_ready_to_submit(visit)
        visit.submitted_at = step.now
        visit.state_reason = ""
        step.after_commit.append(lambda: email_leaders_submitted(visit.pk))

    visit = _move(actor=actor, visit=visit, action="submit", client_id=client_id, change=change)
    double_coding_record(visit=visit)
    return visit


@transaction.atomic
def visit_acknowledge(*, actor: User, visit: Visit, client_id: uuid.UUID | None = None) -> Visit:
    """A school leader of that school signs off a submitted visit: their name and the time
    are recorded with it."""

    def change(step: Step) -> None:
        visit = step.visit
        visit.signed_off_by = step.actor
        visit.signed_off_name = step.actor.full_name
        visit.signed_off_at = step.now
        step.data["signed_off_name"] = step.actor.full_name

    return _move(actor=actor, visit=visit, action="acknowledge", client_id=client_id, change=change)


@transaction.atomic
def visit_return(
    *, actor: User, visit: Visit, reason: str, client_id: uuid.UUID | None = None
) -> Visit:
    """Return a submitted or signed-off visit for correction, with a reason; clears any
    sign-off, and e-mails the supervisor after commit when someone else returns it."""

    def change(step: Step) -> None:
        visit = step.visit
        visit.signed_off_by = None
        visit.signed_off_name = ""
        visit.signed_off_at = None
        visit.state_reason = step.reason
        if visit.supervisor_id and visit.supervisor_id != step.actor.pk:
            actor_id, why = step.actor.pk, step.reason
            step.after_commit.append(lambda: email_supervisor_returned(visit.pk, actor_id, why))

    return _move(
        actor=actor, visit=visit, action="return", reason=reason, client_id=client_id, change=change
    )


@transaction.atomic
def visit_close(*, actor: User, visit: Visit, client_id: uuid.UUID | None = None) -> Visit:
    """Close a signed-off visit: nothing more is expected of it."""

    def change(step: Step) -> None:
        step.visit.closed_at = step.now

    return _move(actor=actor, visit=visit, action="close", client_id=client_id, change=change)


def visit_transition(
    *,
    actor: User,
    visit: Visit,
    to_state: str = "",
    action: str = "",
    reason: str = "",
    new_date: date | None = None,
    client_id: uuid.UUID | None = None,
) -> Visit:
    """Make the move named by ``action`` (the visit page has one address per move), or the
    one ``TRANSITIONS`` allows from the visit's state to ``to_state``. A move that takes no
    reason or date ignores them; anything ``TRANSITIONS`` does not allow is refused by the
    shared step, with the states named."""
    if not action:
        source = Visit.objects.filter(pk=visit.pk).values_list("state", flat=True).first()
        found = TRANSITIONS.get((source or "", to_state))
        action = found.action if found is not None else ""
    if action not in MOVES or (to_state and ACTION_TARGETS[action] != to_state):
        with transaction.atomic():
            return _move(
                actor=actor, visit=visit, action=action, to_state=to_state, client_id=client_id
            )
    if action == "reschedule":
        return visit_reschedule(
            actor=actor, visit=visit, reason=reason, new_date=new_date, client_id=client_id
        )
    if action in ("miss", "return"):
        return MOVES[action](actor=actor, visit=visit, reason=reason, client_id=client_id)
    return MOVES[action](actor=actor, visit=visit, client_id=client_id)


MOVES: dict[str, Callable[..., Visit]] = {
    "start": visit_start,
    "miss": visit_miss,
    "reschedule": visit_reschedule,
    "submit": visit_submit,
    "acknowledge": visit_acknowledge,
    "return": visit_return,
    "close": visit_close,
}


def _check_ready_to_submit(visit: Visit) -> None:
    errors: list[str] = []
    observations = list(visit.observations.select_related("observed_person"))
    if not any(o.is_complete for o in observations):
        errors.append(_("Record at least one complete observation before submitting."))
    for observation in observations:
        if not observation.is_complete:
            errors.append(
                _("The observation of %(person)s is not finished: complete or delete it.")
                % {"person": observation.observed_person}
            )
    unreviewed = (
        selectors.action_points_to_review(visit)
        .filter(status=ActionPoint.Status.OPEN)
        .exclude(reviews__visit=visit)
    )
    for point in unreviewed:
        errors.append(
            _("Review the action point “%(point)s” from an earlier visit.") % {"point": point}
        )
    if errors:
        raise ValidationError({"state": errors})


def _send_observed_practice(person_ids: Iterable[int]) -> None:
    for person in User.objects.filter(pk__in=list(person_ids)):
        count, average, scale_max = selectors.observed_practice_for(person=person)
        observed_practice_changed.send(
            sender=Observation,
            person_id=person.pk,
            observation_count=count,
            average_score=average,
            scale_max=scale_max,
            last_observed_on=selectors.last_observed_on(person=person),
        )
