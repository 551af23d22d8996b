"""Growth over the year, against examples worked by hand.

The rubric of the world has two domains: Environment (two indicators) and Teaching (one),
on a scale of 1 to 4. Region A:

==========  ==========  ============================  ==================
person      school      visit: Environment, Teaching  Environment
==========  ==========  ============================  ==================
Teacher A1  School A1   5 Oct (2, 2), 1               2.0
                        7 Dec (2, 3), 2               2.5
                        1 Mar (3, 4), 3               3.5
Tutor A1    School A1   12 Oct (3, 3), 3              3.0 (one visit)
Teacher A2  School A2   20 Oct (2, 2), 2              2.0
                        10 Feb (2, 2), 2              2.0 (flat)
==========  ==========  ============================  ==================

Region B: Teacher B1 at School B1, 9 Nov (4, 4), 4.
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

from people.models import User
from people.roles import Role
from supervision import services
from supervision.models import CalibrationSettings, Observation, SupervisionYear, Visit
from supervision.selectors.growth import DomainGrowth, Growth, growth_for, growth_table
from tests.factories.supervision import make_visit, published, rubric_data

from .conftest import World

State = Visit.State
START, END = date(2026, 9, 1), date(2027, 9, 1)


def _observe(
    world: World,
    year: SupervisionYear,
    day: date,
    person: User,
    role: str,
    environment: tuple[int, int],
    teaching: int,
    *,
    supervisor: User | None = None,
) -> Observation:
    supervisor = supervisor or year.supervisors.get()
    visit = make_visit(year, day, state=State.IN_PROGRESS)
    version = world.rubric.versions.order_by("-number").first()
    assert version is not None
    keys = list(version.indicator_keys())
    observation = services.observation_save(
        actor=supervisor,
        visit=visit,
        client_id=uuid.uuid4(),
        observed_person=person,
        observed_role=role,
        rubric=world.rubric,
        scores={keys[0]: environment[0], keys[1]: environment[1], keys[2]: teaching},
        evidence="Seen in the lesson.",
    )
    Visit.objects.filter(pk=visit.pk).update(state=State.SUBMITTED, started_at=None)
    return observation


@pytest.fixture
def year_of_visits(world: World) -> World:
    teacher, tutor = Role.TEACHER, Role.TUTOR
    _observe(world, world.year_a1, date(2026, 10, 5), world.teacher_a1, teacher, (2, 2), 1)
    _observe(world, world.year_a1, date(2026, 12, 7), world.teacher_a1, teacher, (2, 3), 2)
    _observe(world, world.year_a1, date(2027, 3, 1), world.teacher_a1, teacher, (3, 4), 3)
    _observe(world, world.year_a1, date(2026, 10, 12), world.tutor_a1, tutor, (3, 3), 3)
    _observe(world, world.year_a2, date(2026, 10, 20), world.teacher_a2, teacher, (2, 2), 2)
    _observe(world, world.year_a2, date(2027, 2, 10), world.teacher_a2, teacher, (2, 2), 2)
    _observe(world, world.year_b1, date(2026, 11, 9), world.teacher_b1, teacher, (4, 4), 4)
    return world


def _domain(figures: list[DomainGrowth], name: str) -> DomainGrowth:
    return next(f for f in figures if f.domain == name)


def _row(rows: list[Any], name: str) -> list[DomainGrowth]:
    return next(r for r in rows if r.name == name).domains


def _month(growth: Growth, figure: DomainGrowth, year: int, month: int) -> float | None:
    return figure.months[growth.months.index(date(year, month, 1))]


class TestPeople:
    def test_first_latest_and_change_per_domain(self, year_of_visits: World) -> None:
        growth = growth_for(user=year_of_visits.coordinator_a, starts_on=START, ends_before=END)
        teacher = _row(growth.people, "Teacher A1")
        environment = _domain(teacher, "Environment")
        assert (environment.first, environment.latest, environment.change) == (2.0, 3.5, 1.5)
        assert environment.visits == 3
        assert [value for _month, value in environment.trend] == [2.0, 2.5, 3.5]
        teaching = _domain(teacher, "Teaching")
        assert (teaching.first, teaching.latest, teaching.change) == (1.0, 3.0, 2.0)

    def test_one_visit_shows_its_score_and_no_change(self, year_of_visits: World) -> None:
        growth = growth_for(user=year_of_visits.coordinator_a, starts_on=START, ends_before=END)
        tutor = _domain(_row(growth.people, "Tutor A1"), "Environment")
        assert (tutor.first, tutor.latest, tutor.change) == (3.0, 3.0, None)
        assert (tutor.visits, tutor.compared) == (1, 0)

    def test_flat_practice_changes_by_nothing(self, year_of_visits: World) -> None:
        growth = growth_for(user=year_of_visits.coordinator_a, starts_on=START, ends_before=END)
        flat = _domain(_row(growth.people, "Teacher A2"), "Teaching")
        assert (flat.first, flat.latest, flat.change) == (2.0, 2.0, 0.0)


class TestPlaces:
    def test_a_school_compares_only_those_observed_twice(self, year_of_visits: World) -> None:
        growth = growth_for(user=year_of_visits.coordinator_a, starts_on=START, ends_before=END)
        school = _domain(_row(growth.schools, "School A1"), "Environment")
        assert (school.people, school.compared) == (2, 1)
        assert (school.first, school.latest, school.change) == (2.0, 3.5, 1.5)
        # The tutor's one visit counts in October's mean: (2.0 + 3.0) / 2.
        assert _month(growth, school, 2026, 10) == 2.5
        assert _month(growth, school, 2026, 11) is None

    def test_a_region_means_its_people(self, year_of_visits: World) -> None:
        growth = growth_for(user=year_of_visits.coordinator_a, starts_on=START, ends_before=END)
        environment = _domain(_row(growth.regions, "Region A"), "Environment")
        assert (environment.people, environment.compared) == (3, 2)
        # First (2.0 + 2.0) / 2, latest (3.5 + 2.0) / 2.
        assert (environment.first, environment.latest, environment.change) == (2.0, 2.75, 0.75)
        assert _month(growth, environment, 2026, 10) == round((2.0 + 3.0 + 2.0) / 3, 2)
        teaching = _domain(_row(growth.regions, "Region A"), "Teaching")
        assert (teaching.first, teaching.latest, teaching.change) == (1.5, 2.5, 1.0)

    def test_the_chart_follows_the_whole_scope_per_month(self, year_of_visits: World) -> None:
        growth = growth_for(user=year_of_visits.manager, starts_on=START, ends_before=END)
        (chart,) = growth.charts
        assert [series.name for series in chart.series] == ["Environment", "Teaching"]
        months = {month: dict(values) for month, values in chart.table}
        assert months[date(2026, 11, 1)] == {"Environment": 4.0, "Teaching": 4.0}
        assert date(2026, 9, 1) not in months  # nothing observed in September
        assert len(chart.series[0].points) == 5  # Oct, Nov, Dec, Feb, Mar


class TestScope:
    def test_a_coordinator_sees_only_their_region(self, year_of_visits: World) -> None:
        growth = growth_for(user=year_of_visits.coordinator_a, starts_on=START, ends_before=END)
        assert [r.name for r in growth.regions] == ["Region A"]
        assert "Teacher B1" not in [r.name for r in growth.people]

    def test_a_leader_sees_only_their_school(self, year_of_visits: World) -> None:
        growth = growth_for(user=year_of_visits.leader_a2, starts_on=START, ends_before=END)
        assert [r.name for r in growth.people] == ["Teacher A2"]

    def test_a_learner_sees_nothing(self, year_of_visits: World) -> None:
        growth = growth_for(user=year_of_visits.teacher_a1, starts_on=START, ends_before=END)
        assert growth.is_empty

    def test_drafts_and_unsubmitted_visits_do_not_count(self, world: World) -> None:
        visit = make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)
        version = world.rubric.versions.get()
        services.observation_save(
            actor=world.supervisor_a1,
            visit=visit,
            client_id=uuid.uuid4(),
            observed_person=world.teacher_a1,
            observed_role=Role.TEACHER,
            rubric=world.rubric,
            scores=dict.fromkeys(version.indicator_keys(), 3),
        )
        assert growth_for(user=world.manager, starts_on=START, ends_before=END).is_empty

    def test_when_calibration_is_required_uncalibrated_scores_do_not_count(
        self, year_of_visits: World
    ) -> None:
        settings = CalibrationSettings.load()
        settings.required_for_practice = True
        settings.save()
        assert growth_for(user=year_of_visits.manager, starts_on=START, ends_before=END).is_empty

    def test_another_year_is_not_counted(self, year_of_visits: World) -> None:
        growth = growth_for(
            user=year_of_visits.manager, starts_on=date(2027, 9, 1), ends_before=date(2028, 9, 1)
        )
        assert growth.is_empty


def test_versions_on_longer_scales_are_put_on_the_longest(world: World) -> None:
    """A first visit on version 1 (1 to 4), a later one on version 2 (1 to 5), same domains:
    Environment 2 of 4 is 1 + (2 - 1) * 4 / 3 = 2.33 of 5; the change to 5 is 2.67."""
    _observe(world, world.year_a1, date(2026, 10, 5), world.teacher_a1, Role.TEACHER, (2, 2), 4)
    world.rubric.scale = rubric_data(levels=5)["scale"]
    world.rubric.save()
    assert published(world.rubric).number == 2
    _observe(world, world.year_a1, date(2027, 1, 5), world.teacher_a1, Role.TEACHER, (5, 5), 5)
    growth = growth_for(user=world.manager, starts_on=START, ends_before=END)
    environment = _domain(_row(growth.people, "Teacher A1"), "Environment")
    assert (environment.first, environment.latest, environment.change) == (2.33, 5.0, 2.67)
    assert environment.scale_max == 5
    teaching = _domain(_row(growth.people, "Teacher A1"), "Teaching")
    assert (teaching.first, teaching.latest, teaching.change) == (5.0, 5.0, 0.0)


def test_growth_queries_do_not_grow_with_staff(
    world: World, django_assert_max_num_queries: Any
) -> None:
    _observe(world, world.year_a1, date(2026, 10, 5), world.teacher_a1, Role.TEACHER, (2, 2), 1)
    with django_assert_max_num_queries(8) as few:
        growth_for(user=world.manager, starts_on=START, ends_before=END)
    for number in range(6):
        person = User.objects.create(email=f"grow{number}@example.org", full_name=f"P{number}")
        from tests.factories import grant

        grant(person, Role.TEACHER, school=world.school_b1)
        _observe(world, world.year_b1, date(2026, 11, 2), person, Role.TEACHER, (3, 3), 3)
        _observe(world, world.year_b1, date(2027, 2, 2), person, Role.TEACHER, (4, 3), 3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        growth = growth_for(user=world.manager, starts_on=START, ends_before=END)
    assert len(growth.people) == 7


class TestExports:
    def test_the_table_names_its_filters_first(self, year_of_visits: World) -> None:
        growth = growth_for(user=year_of_visits.coordinator_a, starts_on=START, ends_before=END)
        title, rows = growth_table(growth, "people", filters=[("Region", "Region A")])
        assert title == ["Growth of observed practice"]
        assert rows[0] == ["Region", "Region A"]
        header = rows[2]
        assert header[:3] == ["Region", "School", "Person"]
        line = next(r for r in rows[3:] if r[2] == "Teacher A1" and r[4] == "Environment")
        first = header.index("First score")
        assert line[first : first + 3] == [2.0, 3.5, 1.5]
        assert line[header.index("Oct 2026")] == 2.0

    def test_coverage_downloads_growth_by_school(
        self, client: Client, year_of_visits: World
    ) -> None:
        client.force_login(year_of_visits.coordinator_a)
        region = year_of_visits.region_a
        response = client.get(
            reverse("supervision:coverage"),
            {"year": 2026, "region": region.pk, "table": "growth-schools", "export": "csv"},
        )
        assert response.status_code == 200
        assert f"growth-schools-2026-2027-{region.code}.csv" in response["Content-Disposition"]
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0] == ["Growth of observed practice"]
        assert rows[1] == ["School year", "2026–2027"]
        assert rows[2] == ["Region", "Region A"]
        schools = {r[1] for r in rows[5:]}
        assert schools == {"School A1", "School A2"}

    def test_coverage_xlsx_is_scoped(self, client: Client, year_of_visits: World) -> None:
        from openpyxl import load_workbook

        client.force_login(year_of_visits.coordinator_b)
        response = client.get(
            reverse("supervision:coverage"), {"table": "growth-people", "export": "xlsx"}
        )
        sheet = load_workbook(io.BytesIO(response.content)).active
        people = [row[2] for row in sheet.iter_rows(min_row=6, values_only=True)]
        assert set(people) == {"Teacher B1"}
        assert "all-regions" in response["Content-Disposition"]


def test_the_coverage_page_shows_the_chart_and_its_table(
    client: Client, year_of_visits: World
) -> None:
    client.force_login(year_of_visits.coordinator_a)
    page = client.get(reverse("supervision:coverage"), {"year": 2026}).content.decode()
    assert "Growth over the year" in page
    assert 'role="img"' in page
    assert "the chart&#x27;s figures" in page or "the chart's figures" in page
    assert "+1.50" in page  # School A1, Environment
    assert "Teacher B1" not in page
