"""Visit states: every move the table allows, every move it refuses, and who may move."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from people.models import User
from people.roles import Role
from supervision import services
from supervision.access import COORDINATOR, LEADER, NATIONAL, SUPERVISOR
from supervision.models import Visit
from tests.factories import UserFactory, grant
from tests.factories.supervision import add_point, make_visit, observe

from .conftest import World

State = Visit.State
ALL_STATES = list(State.values)
ALLOWED = set(services.TRANSITIONS)


def actor_for(world: World, capacity: str) -> User:
    return {
        SUPERVISOR: world.supervisor_a1,
        LEADER: world.leader_a1,
        COORDINATOR: world.coordinator_a,
        NATIONAL: world.manager,
    }[capacity]


def ready_visit(world: World, state: str) -> Visit:
    """A visit of school A1 in ``state`` that meets the preconditions of moving on."""
    visit = make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)
    observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
    if state != State.IN_PROGRESS:
        fields: dict[str, Any] = {"state": state}
        if state in (State.ACKNOWLEDGED, State.CLOSED):
            fields.update(
                signed_off_by=world.leader_a1,
                signed_off_name="Leader A1",
                signed_off_at="2026-10-06T10:00:00+05:00",
            )
        Visit.objects.filter(pk=visit.pk).update(**fields)
        visit.refresh_from_db()
    return visit


def move_kwargs(target: str) -> dict[str, Any]:
    if target == State.RESCHEDULED:
        return {"reason": "School closed for an olympiad", "new_date": date(2026, 10, 19)}
    return {"reason": "Because"}


@pytest.mark.parametrize(("source", "target"), sorted(ALLOWED), ids=lambda v: str(v))
def test_every_allowed_move_is_made_by_each_role_that_may_and_audited(
    world: World, source: str, target: str, django_capture_on_commit_callbacks: Any
) -> None:
    move = services.TRANSITIONS[(source, target)]
    for capacity in sorted(move.who):
        visit = (
            ready_visit(world, source)
            if source != State.PLANNED
            else make_visit(world.year_a1, date(2026, 10, 5))
        )
        with django_capture_on_commit_callbacks(execute=True):
            moved = services.visit_transition(
                actor=actor_for(world, capacity),
                visit=visit,
                to_state=target,
                **move_kwargs(target),
            )
        assert moved.state == target
        entry = ModelLogEntry.objects.filter(
            object_id=str(visit.pk), action=f"supervision.visit.{move.action}"
        ).get()
        assert entry.data["from"] == source
        assert entry.data["to"] == target
        Visit.objects.filter(rescheduled_from=visit).delete()
        visit.observations.all().delete()
        Visit.objects.filter(pk=visit.pk).delete()


@pytest.mark.parametrize(
    ("source", "target"),
    [(s, t) for s in ALL_STATES for t in ALL_STATES if (s, t) not in ALLOWED],
    ids=str,
)
def test_every_move_the_table_does_not_allow_is_refused_and_changes_nothing(
    world: World, source: str, target: str
) -> None:
    visit = ready_visit(world, source) if source != State.PLANNED else make_visit(world.year_a1)
    before = Visit.objects.count()
    with pytest.raises(ValidationError) as error:
        services.visit_transition(
            actor=world.manager, visit=visit, to_state=target, **move_kwargs(target)
        )
    assert "cannot become" in str(error.value)
    visit.refresh_from_db()
    assert visit.state == source
    assert Visit.objects.count() == before
    assert not ModelLogEntry.objects.filter(
        object_id=str(visit.pk), action__startswith="supervision.visit."
    ).exists()


@pytest.mark.parametrize(("source", "target"), sorted(ALLOWED), ids=str)
def test_roles_outside_a_move_are_refused_with_a_reason(
    world: World, source: str, target: str
) -> None:
    move = services.TRANSITIONS[(source, target)]
    outsiders = {SUPERVISOR, LEADER, COORDINATOR, NATIONAL} - move.who
    for capacity in outsiders:
        visit = (
            ready_visit(world, source)
            if source != State.PLANNED
            else make_visit(world.year_a1, date(2026, 10, 5))
        )
        with pytest.raises(PermissionDenied) as error:
            services.visit_transition(
                actor=actor_for(world, capacity),
                visit=visit,
                to_state=target,
                **move_kwargs(target),
            )
        assert str(error.value)
        visit.refresh_from_db()
        assert visit.state == source
        visit.observations.all().delete()
        Visit.objects.filter(pk=visit.pk).delete()


def test_people_without_the_school_in_scope_are_refused(world: World) -> None:
    visit = make_visit(world.year_a1)
    for outsider in (world.supervisor_b1, world.coordinator_b, world.trainer, world.tutor_a1):
        with pytest.raises(PermissionDenied):
            services.visit_transition(actor=outsider, visit=visit, to_state=State.IN_PROGRESS)


def test_sign_off_by_anyone_but_that_schools_leader_is_refused(world: World) -> None:
    visit = ready_visit(world, State.SUBMITTED)
    for person in (world.supervisor_a1, world.coordinator_a, world.manager):
        with pytest.raises(PermissionDenied, match="Only a school leader of School A1"):
            services.visit_transition(actor=person, visit=visit, to_state=State.ACKNOWLEDGED)
    # A leader of another school does not even see this school's visits.
    with pytest.raises(PermissionDenied, match="outside your schools"):
        services.visit_transition(actor=world.leader_a2, visit=visit, to_state=State.ACKNOWLEDGED)
    visit.refresh_from_db()
    assert visit.signed_off_by is None


def test_sign_off_records_the_leaders_name_and_time(world: World) -> None:
    visit = ready_visit(world, State.SUBMITTED)
    moved = services.visit_transition(
        actor=world.leader_a1, visit=visit, to_state=State.ACKNOWLEDGED
    )
    assert moved.signed_off_by == world.leader_a1
    assert moved.signed_off_name == "Leader A1"
    assert moved.signed_off_at is not None


def test_returning_for_correction_clears_the_sign_off_and_tells_the_supervisor(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    visit = ready_visit(world, State.SUBMITTED)
    services.visit_transition(actor=world.leader_a1, visit=visit, to_state=State.ACKNOWLEDGED)
    with django_capture_on_commit_callbacks(execute=True):
        moved = services.visit_transition(
            actor=world.leader_a1,
            visit=visit,
            to_state=State.IN_PROGRESS,
            reason="Add the evidence, please",
        )
    assert moved.state == State.IN_PROGRESS
    assert (moved.signed_off_by, moved.signed_off_name, moved.signed_off_at) == (None, "", None)
    assert moved.state_reason == "Add the evidence, please"
    assert [m.to for m in mail.outbox] == [[world.supervisor_a1.email]]
    assert "Add the evidence, please" in mail.outbox[0].body


def test_a_reason_is_required_to_miss_reschedule_or_return(world: World) -> None:
    planned = make_visit(world.year_a1)
    for target in (State.MISSED, State.RESCHEDULED):
        with pytest.raises(ValidationError) as error:
            services.visit_transition(actor=world.supervisor_a1, visit=planned, to_state=target)
        assert "reason" in error.value.message_dict
    submitted = ready_visit(world, State.SUBMITTED)
    with pytest.raises(ValidationError):
        services.visit_transition(
            actor=world.supervisor_a1, visit=submitted, to_state=State.IN_PROGRESS, reason="  "
        )


def test_rescheduling_plans_a_linked_visit_on_the_new_date_within_the_year(world: World) -> None:
    visit = make_visit(world.year_a1, date(2026, 10, 5))
    with pytest.raises(ValidationError) as error:
        services.visit_transition(
            actor=world.coordinator_a,
            visit=visit,
            to_state=State.RESCHEDULED,
            reason="Quarantine",
            new_date=date(2027, 7, 1),
        )
    assert "new_date" in error.value.message_dict
    services.visit_transition(
        actor=world.coordinator_a,
        visit=visit,
        to_state=State.RESCHEDULED,
        reason="Quarantine",
        new_date=date(2026, 10, 12),
    )
    moved = Visit.objects.get(rescheduled_from=visit)
    assert (moved.state, moved.planned_on, moved.school) == (
        State.PLANNED,
        date(2026, 10, 12),
        world.school_a1,
    )


def test_a_named_action_must_match_the_move(world: World) -> None:
    """A leader's "return" on a planned visit must not start it."""
    visit = make_visit(world.year_a1)
    with pytest.raises(ValidationError):
        services.visit_transition(
            actor=world.supervisor_a1,
            visit=visit,
            to_state=State.IN_PROGRESS,
            action="return",
            reason="x",
        )
    visit.refresh_from_db()
    assert visit.state == State.PLANNED


class TestSubmitting:
    def test_needs_a_complete_observation(self, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        with pytest.raises(ValidationError, match="at least one complete observation"):
            services.visit_transition(
                actor=world.supervisor_a1, visit=visit, to_state=State.SUBMITTED
            )

    def test_refuses_an_unfinished_observation(self, world: World) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
        observe(
            visit, world.supervisor_a1, world.tutor_a1, Role.TUTOR, world.rubric, complete=False
        )
        with pytest.raises(ValidationError, match="Tutor A1 is not finished"):
            services.visit_transition(
                actor=world.supervisor_a1, visit=visit, to_state=State.SUBMITTED
            )

    def test_needs_every_open_action_point_of_earlier_visits_reviewed(
        self, world: World, django_capture_on_commit_callbacks: Any
    ) -> None:
        first = ready_visit(world, State.IN_PROGRESS)
        point = add_point(first, world.supervisor_a1, world.teacher_a1)
        services.visit_transition(actor=world.supervisor_a1, visit=first, to_state=State.SUBMITTED)
        second = make_visit(world.year_a1, date(2026, 11, 9), state=State.IN_PROGRESS)
        observe(second, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
        with pytest.raises(ValidationError, match="Review the action point"):
            services.visit_transition(
                actor=world.supervisor_a1, visit=second, to_state=State.SUBMITTED
            )
        services.action_point_review(
            actor=world.supervisor_a1, visit=second, action_point=point, outcome="open"
        )
        with django_capture_on_commit_callbacks(execute=True):
            services.visit_transition(
                actor=world.supervisor_a1, visit=second, to_state=State.SUBMITTED
            )
        second.refresh_from_db()
        assert second.state == State.SUBMITTED

    def test_emails_the_schools_leaders_after_commit(
        self, world: World, django_capture_on_commit_callbacks: Any
    ) -> None:
        deputy: User = UserFactory(full_name="Deputy A1", preferred_language="kk")
        grant(deputy, Role.SCHOOL_LEADER, school=world.school_a1)
        visit = ready_visit(world, State.IN_PROGRESS)
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.visit_transition(
                actor=world.supervisor_a1, visit=visit, to_state=State.SUBMITTED
            )
            assert mail.outbox == []
        with django_capture_on_commit_callbacks(execute=True):
            for callback in callbacks:
                callback()
        assert sorted(str(m.to[0]) for m in mail.outbox) == sorted(
            [world.leader_a1.email, deputy.email]
        )
        kazakh = next(m for m in mail.outbox if m.to == [deputy.email])
        assert f"/kk/supervision/visits/{visit.public_id}/" in kazakh.body


def test_each_move_has_its_own_service_that_refuses_it_from_another_state(world: World) -> None:
    planned = make_visit(world.year_a1, date(2026, 10, 5))
    with pytest.raises(ValidationError, match="“Planned” cannot become “Closed”"):
        services.visit_close(actor=world.manager, visit=planned)
    with pytest.raises(ValidationError, match="“Planned” cannot become “In progress”"):
        services.visit_return(actor=world.manager, visit=planned, reason="Missing evidence")
    started = services.visit_start(actor=world.supervisor_a1, visit=planned)
    assert started.state == State.IN_PROGRESS
    # Naming a move and a state it does not lead to is refused too, and changes nothing.
    with pytest.raises(ValidationError, match="cannot become"):
        services.visit_transition(
            actor=world.supervisor_a1, visit=started, action="submit", to_state=State.CLOSED
        )
    assert [
        entry.action
        for entry in ModelLogEntry.objects.filter(object_id=str(planned.pk)).order_by("pk")
        if entry.action.startswith("supervision.visit.")
    ] == ["supervision.visit.start"]
