"""The moves a visit can make (``TRANSITIONS``), who may make each, and which moves a person
may make on a visit now. Pure data and reads: the moves themselves are made by
``services.transitions``, the visit page lists them through ``selectors``."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from people.models import User

from . import access
from .access import COORDINATOR, LEADER, NATIONAL, SUPERVISOR
from .models import Visit

State = Visit.State


@dataclass(frozen=True)
class Move:
    action: str
    label: str | Promise
    who: frozenset[str]
    needs_reason: bool = False


ANY_OVERSIGHT = frozenset({SUPERVISOR, LEADER, COORDINATOR, NATIONAL})
PLANNERS = frozenset({SUPERVISOR, COORDINATOR, NATIONAL})

START = Move("start", gettext_lazy("Start recording"), frozenset({SUPERVISOR}))
MISS = Move("miss", gettext_lazy("Mark as missed"), PLANNERS, needs_reason=True)
RESCHEDULE = Move("reschedule", gettext_lazy("Move to another date"), PLANNERS, needs_reason=True)
SUBMIT = Move("submit", gettext_lazy("Submit the visit"), frozenset({SUPERVISOR}))
ACKNOWLEDGE = Move("acknowledge", gettext_lazy("Sign off"), frozenset({LEADER}))
RETURN = Move("return", gettext_lazy("Return for correction"), ANY_OVERSIGHT, needs_reason=True)
CLOSE = Move("close", gettext_lazy("Close"), PLANNERS)

# The only moves a visit can make: (from, to) → the move. Anything else is refused.
TRANSITIONS: dict[tuple[str, str], Move] = {
    (State.PLANNED, State.IN_PROGRESS): START,
    (State.PLANNED, State.MISSED): MISS,
    (State.PLANNED, State.RESCHEDULED): RESCHEDULE,
    (State.IN_PROGRESS, State.SUBMITTED): SUBMIT,
    (State.SUBMITTED, State.ACKNOWLEDGED): ACKNOWLEDGE,
    (State.SUBMITTED, State.IN_PROGRESS): RETURN,
    (State.ACKNOWLEDGED, State.IN_PROGRESS): RETURN,
    (State.ACKNOWLEDGED, State.CLOSED): CLOSE,
}

# Where each action leads: one state per action, whatever the state it leaves.
ACTION_TARGETS = {move.action: target for (_source, target), move in TRANSITIONS.items()}


def target_for(state: str, action: str) -> str | None:
    """The state that ``action`` leads to from ``state``, or ``None`` if none does."""
    for (source, target), move in TRANSITIONS.items():
        if source == state and move.action == action:
            return target
    return None


def moves_for(user: User, visit: Visit) -> list[tuple[str, Move]]:
    """(target state, move) for each move ``user`` may make on ``visit`` now."""
    mine = access.capacities(user, visit.school)
    return [
        (target, move)
        for (source, target), move in TRANSITIONS.items()
        if source == visit.state and mine & move.who
    ]
