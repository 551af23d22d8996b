"""Action points: owner at the school, review at the next visit, done, dropped, overdue."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from people.roles import Role
from supervision import selectors, services
from supervision.models import ActionPoint, ActionPointReview, Visit
from tests.factories.supervision import add_point, make_visit, observe

from .conftest import World

State = Visit.State


def submitted_with_point(world: World) -> tuple[Visit, ActionPoint]:
    visit = make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)
    observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
    point = add_point(visit, world.supervisor_a1, world.teacher_a1)
    services.visit_transition(actor=world.supervisor_a1, visit=visit, to_state=State.SUBMITTED)
    return visit, point


def test_the_owner_must_work_at_the_school(world: World) -> None:
    visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
    with pytest.raises(ValidationError) as error:
        add_point(visit, world.supervisor_a1, world.teacher_a2)
    assert "owner" in error.value.message_dict
    with pytest.raises(ValidationError):
        add_point(visit, world.supervisor_a1, world.supervisor_a1)
    assert not ActionPoint.objects.exists()


def test_the_due_date_cannot_be_before_the_visit_and_what_is_required(world: World) -> None:
    visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
    with pytest.raises(ValidationError) as error:
        services.action_point_save(
            actor=world.supervisor_a1,
            visit=visit,
            client_id=uuid.uuid4(),
            description="   ",
            owner=world.teacher_a1,
            due_on=visit.planned_on - timedelta(days=1),
        )
    assert set(error.value.message_dict) == {"description", "due_on"}


def test_a_repeat_with_the_same_client_id_updates_one_point(world: World) -> None:
    visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
    client_id = uuid.uuid4()
    for text in ("First wording", "Second wording"):
        services.action_point_save(
            actor=world.supervisor_a1,
            visit=visit,
            client_id=client_id,
            description=text,
            owner=world.teacher_a1,
            due_on=visit.planned_on + timedelta(days=14),
        )
    assert list(ActionPoint.objects.values_list("description", flat=True)) == ["Second wording"]


def test_open_points_appear_at_the_next_visit_and_each_review_closes_or_keeps_them(
    world: World,
) -> None:
    first, point = submitted_with_point(world)
    dropped = ActionPoint.objects.create(
        client_id=uuid.uuid4(),
        visit=first,
        school=world.school_a1,
        description="Buy a sensory kit",
        owner=world.tutor_a1,
        due_on=date(2026, 10, 30),
    )
    second = make_visit(world.year_a1, date(2026, 11, 9), state=State.IN_PROGRESS)
    assert set(selectors.action_points_to_review(second)) == {point, dropped}
    # Points of another school never appear.
    assert not selectors.action_points_to_review(
        make_visit(world.year_a2, date(2026, 11, 9), state=State.IN_PROGRESS)
    ).exists()

    with pytest.raises(ValidationError) as error:
        services.action_point_review(
            actor=world.supervisor_a1, visit=second, action_point=dropped, outcome="dropped"
        )
    assert "note" in error.value.message_dict

    services.action_point_review(
        actor=world.supervisor_a1,
        visit=second,
        action_point=point,
        outcome="open",
        new_due_on=date(2026, 12, 1),
    )
    services.action_point_review(
        actor=world.supervisor_a1,
        visit=second,
        action_point=dropped,
        outcome="dropped",
        note="The school buys it through another project",
    )
    point.refresh_from_db()
    dropped.refresh_from_db()
    assert (point.status, point.due_on) == ("open", date(2026, 12, 1))
    assert (dropped.status, dropped.closed_on) == ("dropped", second.planned_on)
    # Reviewed points stay listed at this visit, now with their review.
    assert set(selectors.action_points_to_review(second)) == {point, dropped}

    # Changing the review is repeat-safe: one review per point and visit.
    services.action_point_review(
        actor=world.supervisor_a1, visit=second, action_point=point, outcome="done"
    )
    point.refresh_from_db()
    assert (point.status, point.closed_on) == ("done", second.planned_on)
    assert ActionPointReview.objects.filter(action_point=point).count() == 1


def test_a_point_that_is_not_due_for_review_here_is_refused(world: World) -> None:
    visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
    own = add_point(visit, world.supervisor_a1, world.teacher_a1)
    with pytest.raises(ValidationError, match="not one to review"):
        services.action_point_review(
            actor=world.supervisor_a1, visit=visit, action_point=own, outcome="done"
        )


def test_overdue_points_are_listed_for_the_school_and_the_owner(
    world: World, client: Client
) -> None:
    _visit, point = submitted_with_point(world)
    today = point.due_on + timedelta(days=1)
    overdue = selectors.action_point_list_for(user=world.leader_a1, today=today, overdue_only=True)
    assert list(overdue) == [point]
    assert list(selectors.action_point_list_for(user=world.teacher_a1, today=today)) == [point]
    assert not selectors.action_point_list_for(user=world.tutor_a1, today=today).exists()
    assert not selectors.action_point_list_for(user=world.leader_a2, today=today).exists()
    client.force_login(world.teacher_a1)
    body = client.get("/en/supervision/practice/").content.decode()
    assert "Put up a visual timetable" in body
