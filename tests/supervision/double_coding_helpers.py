"""Helpers for the double-coding tests: a second supervisor in region A, and a visit
recorded by its supervisor and co-observed, with the scores each gave."""

from __future__ import annotations

import uuid
from typing import Any

from people.models import User
from people.roles import Role
from supervision import services
from supervision.models import DoubleCoding, Visit
from tests.factories import UserFactory, grant
from tests.factories.supervision import make_visit

from .conftest import World


def second_supervisor(world: World, name: str = "Supervisor A2", **fields: Any) -> User:
    person = UserFactory(full_name=name, **fields)
    grant(person, Role.SUPERVISOR, school=world.school_a2)
    return person


def co_scores(visit: Visit, values: list[int]) -> dict[str, int]:
    observation = visit.observations.get()
    keys = list(observation.rubric_version.indicator_keys())
    return {
        f"{observation.public_id}_{key}": value for key, value in zip(keys, values, strict=True)
    }


def coded_visit(
    world: World,
    co_observer: User,
    lead: list[int],
    co: list[int] | None,
    *,
    submit_visit: bool = True,
    planned_on: Any = None,
) -> DoubleCoding:
    """A visit at A1 led by Supervisor A1 (scores ``lead`` for the tutor), co-observed by
    ``co_observer`` (scores ``co``, unless ``None``), and submitted unless told not to."""
    visit = make_visit(world.year_a1, planned_on, state=Visit.State.IN_PROGRESS)
    keys = list(world.version.indicator_keys())
    services.observation_save(
        actor=world.supervisor_a1,
        visit=visit,
        client_id=uuid.uuid4(),
        observed_person=world.tutor_a1,
        observed_role=Role.TUTOR,
        rubric=world.rubric,
        scores=dict(zip(keys, lead, strict=True)),
        complete=True,
    )
    coding = services.double_coding_assign(
        actor=world.coordinator_a, visit=visit, co_observer=co_observer
    )
    if co is not None:
        coding = services.double_coding_submit(
            actor=co_observer, double_coding=coding, scores=co_scores(visit, co)
        )
    if submit_visit:
        services.visit_submit(actor=world.supervisor_a1, visit=visit)
    coding.refresh_from_db()
    return coding
