"""Growth of observed practice on the programme dashboard: its schools only, the reader's
scope, the downloads, and a number of queries that does not grow with staff.

Worked by hand (rubric: Environment with two indicators, Teaching with one, 1 to 4):
Teacher A at School A is scored Environment (1, 2) = 1.5 in October and (3, 4) = 3.5 in
February: a change of +2.0. Teacher B at School B is scored (2, 2) = 2.0 once, in November.
A school outside the programme has a visit that must not count.
"""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from people.models import School, User
from people.roles import Role
from programmes.models import Programme
from programmes.selectors.dashboard import programme_growth
from supervision import services
from supervision.models import RubricVersion, SupervisionYear, Visit
from tests.factories import RegionFactory, SchoolFactory, UserFactory, activate_totp, grant
from tests.factories.supervision import RubricFactory, make_visit, make_year, published

pytestmark = pytest.mark.django_db


class World:
    def __init__(self) -> None:
        self.region_a = RegionFactory(code="gr-a", name_en="Region A")
        self.region_b = RegionFactory(code="gr-b", name_en="Region B")
        self.region_c = RegionFactory(code="gr-c", name_en="Region C")
        self.school_a = SchoolFactory(region=self.region_a, code="gr-a1", name_en="School A")
        self.school_b = SchoolFactory(region=self.region_b, code="gr-b1", name_en="School B")
        self.school_c = SchoolFactory(region=self.region_c, code="gr-c1", name_en="School C")
        self.programme = Programme.objects.create(
            code="grow",
            name_kk="Бағдарлама",
            name_ru="Программа",
            name_en="Programme",
            starts_on=date(2026, 8, 15),
            ends_on=date(2027, 5, 31),
        )
        self.programme.regions.add(self.region_a, self.region_b)
        self.programme.save()
        self.supervisor = self.person("Supervisor", Role.SUPERVISOR, self.school_a)
        for school in (self.school_b, self.school_c):
            grant(self.supervisor, Role.SUPERVISOR, school=school)
        self.manager = UserFactory(full_name="Manager")
        grant(self.manager, Role.PROGRAMME_MANAGER)
        self.coordinator_b = UserFactory(full_name="Coordinator B")
        grant(self.coordinator_b, Role.REGIONAL_COORDINATOR, region=self.region_b)
        self.rubric = RubricFactory()
        self.version: RubricVersion = published(self.rubric)
        self.years = {
            school.pk: make_year(school, [self.supervisor], starts_on=date(2026, 9, 1))
            for school in (self.school_a, self.school_b, self.school_c)
        }
        self.teacher_a = self.person("Teacher A", Role.TEACHER, self.school_a)
        self.teacher_b = self.person("Teacher B", Role.TEACHER, self.school_b)
        self.teacher_c = self.person("Teacher C", Role.TEACHER, self.school_c)
        self.observe(self.teacher_a, self.school_a, date(2026, 10, 6), (1, 2), 1)
        self.observe(self.teacher_a, self.school_a, date(2027, 2, 9), (3, 4), 2)
        self.observe(self.teacher_b, self.school_b, date(2026, 11, 3), (2, 2), 2)
        self.observe(self.teacher_c, self.school_c, date(2026, 11, 3), (4, 4), 4)

    def person(self, name: str, role: str, school: School) -> User:
        user = UserFactory(full_name=name)
        grant(user, role, school=school)
        return user

    def observe(
        self, person: User, school: School, day: date, environment: tuple[int, int], teaching: int
    ) -> None:
        year: SupervisionYear = self.years[school.pk]
        visit = make_visit(year, day, state=Visit.State.IN_PROGRESS)
        keys = list(self.version.indicator_keys())
        services.observation_save(
            actor=self.supervisor,
            visit=visit,
            client_id=uuid.uuid4(),
            observed_person=person,
            observed_role=Role.TEACHER,
            rubric=self.rubric,
            scores={keys[0]: environment[0], keys[1]: environment[1], keys[2]: teaching},
        )
        Visit.objects.filter(pk=visit.pk).update(state=Visit.State.SUBMITTED, started_at=None)


@pytest.fixture
def world() -> World:
    return World()


def _client(client: Client, person: User) -> Client:
    activate_totp(person)
    client.force_login(person)
    return client


def test_growth_counts_the_programmes_schools_only(world: World) -> None:
    growth = programme_growth(world.manager, world.programme)
    assert [row.name for row in growth.schools] == ["School A", "School B"]
    environment = next(f for f in growth.overall if f.domain == "Environment")
    # Only Teacher A was observed twice: first 1.5, latest 3.5.
    assert (environment.people, environment.compared) == (2, 1)
    assert (environment.first, environment.latest, environment.change) == (1.5, 3.5, 2.0)
    # The programme's months run from August to May.
    assert growth.months[0] == date(2026, 8, 1)
    assert growth.months[-1] == date(2027, 5, 1)


def test_the_dashboard_shows_growth_with_a_table(client: Client, world: World) -> None:
    client = _client(client, world.manager)
    body = client.get(reverse("programme_dashboard", args=["grow"])).content.decode()
    assert "Growth over the year" in body
    assert "Growth by region" in body
    assert "+2.00" in body
    assert "Teacher C" not in body


def test_a_coordinator_sees_their_regions_growth_only(client: Client, world: World) -> None:
    client = _client(client, world.coordinator_b)
    response = client.get(
        reverse("programme_dashboard", args=["grow"]),
        {"table": "growth-people", "export": "csv"},
    )
    assert 'filename="grow-growth-people.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Growth of observed practice"]
    assert rows[1] == ["Programme", "Programme"]
    assert rows[2] == ["From", "2026-08-15"]
    assert {row[2] for row in rows[6:]} == {"Teacher B"}
    header = rows[5]
    line = next(row for row in rows[6:] if row[4] == "Environment")
    assert line[header.index("First score")] == "2.0"
    assert line[header.index("Change")] == ""  # observed once


def test_dashboard_queries_do_not_grow_with_observed_staff(
    client: Client, world: World, django_assert_max_num_queries: Any
) -> None:
    client = _client(client, world.manager)
    url = reverse("programme_dashboard", args=["grow"])
    client.get(url)
    with django_assert_max_num_queries(30) as before:
        client.get(url)
    for number in range(8):
        school = [world.school_a, world.school_b][number % 2]
        person = world.person(f"Extra {number}", Role.TEACHER, school)
        world.observe(person, school, date(2026, 10, 13), (2, 3), 2)
        world.observe(person, school, date(2027, 3, 2), (3, 3), 3)
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url)
