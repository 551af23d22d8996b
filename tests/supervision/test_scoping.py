"""Who sees which supervision records: supervisors their assigned schools, leaders their
school, coordinators their region, observed staff only their own."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from people.roles import Role
from supervision import access, selectors, services
from supervision.models import Visit
from tests.factories.supervision import add_point, make_visit, observe

from .conftest import World

State = Visit.State
TODAY = date(2026, 10, 20)


@pytest.fixture
def visits(world: World) -> dict[str, Visit]:
    result = {}
    for name, year in (("a1", world.year_a1), ("a2", world.year_a2), ("b1", world.year_b1)):
        visit = make_visit(year, date(2026, 10, 5), state=State.IN_PROGRESS)
        supervisor = year.supervisors.get()
        staff = {"a1": world.teacher_a1, "a2": world.teacher_a2, "b1": world.teacher_b1}[name]
        observe(visit, supervisor, staff, Role.TEACHER, world.rubric)
        add_point(visit, supervisor, staff)
        services.visit_transition(actor=supervisor, visit=visit, to_state=State.SUBMITTED)
        result[name] = visit
    return result


def schools_of(user: object) -> set[str]:
    return {s.name_en for s in access.supervision_schools(user)}


def visible_visits(world: World, user: object, visits: dict[str, Visit]) -> set[str]:
    ids = set(selectors.visit_list_for(user=user).values_list("pk", flat=True))
    return {name for name, visit in visits.items() if visit.pk in ids}


def test_each_role_sees_the_schools_it_should(world: World, visits: dict[str, Visit]) -> None:
    expected = {
        "supervisor_a1": {"a1", "a2"},
        "supervisor_b1": {"b1"},
        "leader_a1": {"a1"},
        "leader_a2": {"a2"},
        "coordinator_a": {"a1", "a2"},
        "coordinator_b": {"b1"},
        "manager": {"a1", "a2", "b1"},
        "trainer": set(),
        "tutor_a1": set(),
        "teacher_a1": set(),
    }
    for who, names in expected.items():
        assert visible_visits(world, getattr(world, who), visits) == names, who


def test_a_supervisor_sees_only_assigned_schools(world: World) -> None:
    assert schools_of(world.supervisor_b1) == {"School B1"}
    assert schools_of(world.supervisor_a1) == {"School A1", "School A2"}


def test_observed_staff_see_only_their_own_observations(
    world: World, visits: dict[str, Visit]
) -> None:
    mine = selectors.observation_list_for(user=world.teacher_a1, person=world.teacher_a1)
    assert [o.visit for o in mine] == [visits["a1"]]
    assert not selectors.observation_list_for(user=world.teacher_a1, person=world.teacher_a2)
    assert not selectors.observation_list_for(user=world.tutor_a1, person=world.teacher_a1)
    own = mine[0]
    assert selectors.observation_detail_for(user=world.teacher_a1, public_id=own.public_id)
    assert not selectors.observation_detail_for(user=world.tutor_a1, public_id=own.public_id)
    assert not selectors.observation_detail_for(user=world.teacher_a2, public_id=own.public_id)


def test_action_points_by_role(world: World, visits: dict[str, Visit]) -> None:
    def owners(user: object) -> set[str]:
        return {p.owner.full_name for p in selectors.action_point_list_for(user=user, today=TODAY)}

    assert owners(world.leader_a1) == {"Teacher A1"}
    assert owners(world.coordinator_a) == {"Teacher A1", "Teacher A2"}
    assert owners(world.teacher_a1) == {"Teacher A1"}
    assert owners(world.tutor_a1) == set()
    assert owners(world.supervisor_b1) == {"Teacher B1"}


class TestPages:
    def test_a_visit_outside_the_scope_is_not_found(
        self, client: Client, world: World, visits: dict[str, Visit]
    ) -> None:
        url = f"/en/supervision/visits/{visits['b1'].public_id}/"
        for person in (world.supervisor_a1, world.leader_a1, world.coordinator_a, world.teacher_b1):
            client.force_login(person)
            assert client.get(url).status_code == 404, person
            assert client.get(url + "report.pdf").status_code == 404
        client.force_login(world.coordinator_b)
        assert client.get(url).status_code == 200

    def test_an_observation_outside_the_scope_is_not_found(
        self, client: Client, world: World, visits: dict[str, Visit]
    ) -> None:
        observation = visits["a1"].observations.get()
        url = f"/en/supervision/observations/{observation.public_id}/"
        client.force_login(world.teacher_a2)
        assert client.get(url).status_code == 404
        client.force_login(world.teacher_a1)
        response = client.get(url)
        assert response.status_code == 200
        assert "Observation of Teacher A1" in response.content.decode()

    def test_sign_off_through_the_page_by_someone_else_is_forbidden_with_a_reason(
        self, client: Client, world: World, visits: dict[str, Visit]
    ) -> None:
        url = f"/en/supervision/visits/{visits['a1'].public_id}/acknowledge/"
        client.force_login(world.coordinator_a)
        response = client.post(url, {"signoff-confirm": "on"})
        assert response.status_code == 403
        assert "Only a school leader of School A1 can sign off" in response.content.decode()
        visits["a1"].refresh_from_db()
        assert visits["a1"].state == State.SUBMITTED

    def test_the_leader_signs_off_through_the_page(
        self, client: Client, world: World, visits: dict[str, Visit]
    ) -> None:
        url = f"/en/supervision/visits/{visits['a1'].public_id}/acknowledge/"
        client.force_login(world.leader_a1)
        response = client.post(url, {})
        assert "Tick the box" in response.content.decode()
        response = client.post(url, {"signoff-confirm": "on"})
        assert response.status_code == 302
        visits["a1"].refresh_from_db()
        assert visits["a1"].signed_off_name == "Leader A1"

    def test_recording_pages_are_for_the_schools_supervisor(
        self, client: Client, world: World
    ) -> None:
        visit = make_visit(world.year_a1, state=State.IN_PROGRESS)
        url = f"/en/supervision/visits/{visit.public_id}/observations/new/"
        client.force_login(world.leader_a1)
        response = client.get(url)
        assert response.status_code == 403
        assert "Only a supervisor of School A1" in response.content.decode()
        client.force_login(world.supervisor_b1)
        assert client.get(url).status_code == 404
        client.force_login(world.supervisor_a1)
        assert client.get(url).status_code == 200

    def test_learners_cannot_open_coverage_or_school_lists(
        self, client: Client, world: World
    ) -> None:
        client.force_login(world.tutor_a1)
        for path in ("coverage/", "schools/", "caseload/"):
            response = client.get(f"/en/supervision/{path}")
            assert response.status_code == 403, path
        assert client.get("/en/supervision/practice/").status_code == 200
        assert client.get("/en/supervision/").status_code == 200
