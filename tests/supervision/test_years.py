"""Supervision years: who opens them, the visit plan, and changing it."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from supervision import services
from supervision.models import Frequency, SupervisionYear, Visit

from .conftest import World


def test_the_coordinator_opens_a_year_with_a_monthly_plan_on_school_days(world: World) -> None:
    SupervisionYear.objects.filter(school=world.school_a2).delete()
    year = services.year_create(
        actor=world.coordinator_a,
        school=world.school_a2,
        starts_on=date(2026, 9, 1),
        ends_on=date(2027, 5, 31),
        first_visit_on=date(2026, 9, 15),
        supervisors=[world.supervisor_a1],
    )
    dates = list(year.visits.values_list("planned_on", flat=True))
    assert len(dates) == 9
    assert dates[0] == date(2026, 9, 15)
    assert all(day.weekday() < 5 for day in dates)
    assert {day.month for day in dates} == {9, 10, 11, 12, 1, 2, 3, 4, 5}
    assert ModelLogEntry.objects.filter(action="supervision.year.create").count() == 1


@pytest.mark.parametrize(
    ("frequency", "count"),
    [(Frequency.FORTNIGHTLY, 19), (Frequency.BIMONTHLY, 5), (Frequency.TERMLY, 3)],
)
def test_the_plan_follows_the_frequency(frequency: str, count: int) -> None:
    dates = services.plan_dates(date(2026, 9, 15), date(2027, 5, 31), frequency)
    assert len(dates) == count
    assert dates == sorted(set(dates))


def test_supervisors_and_school_leaders_cannot_open_a_year(world: World) -> None:
    for person in (world.supervisor_a1, world.leader_a1, world.coordinator_b, world.trainer):
        with pytest.raises(PermissionDenied):
            services.year_create(
                actor=person,
                school=world.school_a1,
                starts_on=date(2027, 9, 1),
                ends_on=date(2028, 5, 31),
                supervisors=[world.supervisor_a1],
            )


def test_a_supervisor_must_hold_the_role_at_the_school_and_nothing_is_half_saved(
    world: World,
) -> None:
    with pytest.raises(ValidationError) as error:
        services.year_create(
            actor=world.manager,
            school=world.school_a1,
            starts_on=date(2027, 9, 1),
            ends_on=date(2028, 5, 31),
            supervisors=[world.supervisor_b1],
        )
    assert "supervisors" in error.value.message_dict
    assert not SupervisionYear.objects.filter(starts_on=date(2027, 9, 1)).exists()


def test_a_second_year_starting_the_same_day_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as error:
        services.year_create(
            actor=world.manager,
            school=world.school_a1,
            starts_on=date(2026, 9, 1),
            ends_on=date(2027, 5, 31),
            supervisors=[world.supervisor_a1],
        )
    assert "starts_on" in error.value.message_dict


def test_a_new_frequency_replans_only_visits_still_planned_after_today(world: World) -> None:
    year = world.year_a1
    kept = Visit.objects.create(
        year=year,
        school=year.school,
        planned_on=date(2026, 9, 20),
        state="closed",
        signed_off_by=world.leader_a1,
        signed_off_at="2026-09-22T10:00:00+05:00",
    )
    future = Visit.objects.create(year=year, school=year.school, planned_on=date(2026, 11, 20))
    services.year_update(
        actor=world.coordinator_a,
        year=year,
        supervisors=[world.supervisor_a1],
        frequency=Frequency.TERMLY,
        today=date(2026, 10, 1),
    )
    assert Visit.objects.filter(pk=kept.pk).exists()
    assert not Visit.objects.filter(pk=future.pk).exists()
    dates = list(year.visits.order_by("planned_on").values_list("planned_on", flat=True))
    assert dates[0] == date(2026, 9, 20)
    assert [d.month for d in dates[1:]] == [12, 3]


def test_visits_are_added_within_the_year_by_those_who_plan(world: World) -> None:
    visit = services.visit_add(
        actor=world.supervisor_a1, year=world.year_a1, planned_on=date(2026, 12, 3)
    )
    assert visit.supervisor == world.supervisor_a1
    with pytest.raises(ValidationError):
        services.visit_add(actor=world.manager, year=world.year_a1, planned_on=date(2027, 7, 1))
    with pytest.raises(PermissionDenied):
        services.visit_add(actor=world.leader_a1, year=world.year_a1, planned_on=date(2026, 12, 4))
