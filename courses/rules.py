"""The course rules, once: who a course is for, and why a module is still locked.

Pure functions over plain values: they read nothing from the database, so the services
(which check before writing) and the selectors (which explain on the page) apply exactly
the same rule to what each has loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from django.db.models import Q
from django.utils.translation import gettext as _

# A learner role a person holds: (role, training area id or None).
HeldRole = tuple[str, int | None]


class Audience(Protocol):
    role: str
    training_area_id: int | None
    required: bool


def audience_match(audiences: Iterable[Audience], held: Iterable[HeldRole]) -> tuple[bool, bool]:
    """(open to the person, required for the person), given a course's audiences and the
    learner roles the person holds. An audience without a training area takes the role in
    any area."""
    held = list(held)
    is_open = is_required = False
    for audience in audiences:
        if any(
            role == audience.role
            and (audience.training_area_id is None or area == audience.training_area_id)
            for role, area in held
        ):
            is_open = True
            is_required = is_required or audience.required
    return is_open, is_required


def audience_condition(held: Iterable[HeldRole]) -> Q:
    """The same rule as ``audience_match`` as a filter on ``CourseAudience``: the
    audiences that take one of the held roles. Matches nothing when none is held."""
    condition = Q(pk__in=[])
    for role, area in held:
        condition |= Q(role=role, training_area__isnull=True) | Q(role=role, training_area_id=area)
    return condition


def lock_reason(
    *, enrolled: bool, missing_prerequisites: Sequence[str], waits_for_earlier: bool
) -> str:
    """Why a learner cannot open a module yet, or "" if they can, in the order the learner
    meets them: enrolment, prerequisite courses (by title), then the course's sequence."""
    if not enrolled:
        return _("Enrol in the course to open its modules.")
    if missing_prerequisites:
        return _("This module opens when you have completed: %(courses)s.") % {
            "courses": ", ".join(missing_prerequisites)
        }
    if waits_for_earlier:
        return _("Complete the modules before this one first.")
    return ""


def waits_for_earlier(
    *, sequential: bool, is_required: bool, earlier_required_undone: bool
) -> bool:
    """In a sequential course, a required module waits until every earlier required
    module is done; optional modules never wait."""
    return sequential and is_required and earlier_required_undone


def sequence_waits(sequential: bool, modules: Sequence[tuple[bool, bool]]) -> list[bool]:
    """``waits_for_earlier`` for each module of a course in order, given each module's
    (is required, is done)."""
    waits = []
    earlier_undone = False
    for is_required, done in modules:
        waits.append(
            waits_for_earlier(
                sequential=sequential,
                is_required=is_required,
                earlier_required_undone=earlier_undone,
            )
        )
        if is_required and not done:
            earlier_undone = True
    return waits
