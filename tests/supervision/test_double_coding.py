"""Double-coded visits: picking (deterministic and even), choosing a co-observer (never the
visit's own supervisor, only a supervisor the coordinator coordinates), blind scoring, the
pair's agreement against a worked example, and only the lead's scores counting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from supervision import services
from supervision.models import CoObservationScore, DoubleCoding, Observation, Visit
from supervision.selectors import double_coding as selectors
from supervision.selectors.records import observed_practice_for
from tests.factories.supervision import make_visit

from .conftest import World
from .double_coding_helpers import co_scores, coded_visit, second_supervisor


def test_double_coding_picks_spread_evenly_through_the_visits() -> None:
    assert selectors.picks(25, 10) == [10, 20]
    assert selectors.picks(20, 25) == [4, 8, 12, 16, 20]
    assert selectors.picks(9, 10) == []
    assert selectors.picks(3, 100) == [1, 2, 3]
    assert selectors.picks(10, 0) == []


def test_double_coding_pick_takes_every_tenth_visit_and_keeps_earlier_picks(
    world: World,
) -> None:
    a2 = second_supervisor(world)
    start = date(2026, 9, 7)
    visits = [make_visit(world.year_a1, start + timedelta(days=7 * i)) for i in range(20)]
    made = services.double_coding_pick(actor=world.coordinator_a, region=world.region_a)
    assert [coding.visit_id for coding in made] == [visits[9].pk, visits[19].pk]
    assert {coding.co_observer for coding in made} == {a2}
    assert services.double_coding_pick(actor=world.coordinator_a, region=world.region_a) == []
    assert DoubleCoding.objects.count() == 2
    assert ModelLogEntry.objects.filter(action="supervision.double_coding.pick").count() == 2


def test_double_coding_pick_shares_the_co_observations_fairly(world: World) -> None:
    a2 = second_supervisor(world)
    a3 = second_supervisor(world, "Supervisor A3")
    services.double_coding_share_set(actor=world.coordinator_a, region=world.region_a, share=50)
    for i in range(8):
        make_visit(world.year_a1, date(2026, 9, 7) + timedelta(days=7 * i))
    made = services.double_coding_pick(actor=world.coordinator_a, region=world.region_a)
    assert len(made) == 4
    chosen = [coding.co_observer for coding in made]
    assert chosen.count(a2) == 2
    assert chosen.count(a3) == 2


def test_double_coding_share_is_the_coordinators_and_checked(world: World) -> None:
    assert selectors.share_for(world.region_a) == 10
    services.double_coding_share_set(actor=world.coordinator_a, region=world.region_a, share=25)
    services.double_coding_share_set(actor=world.coordinator_a, region=world.region_a, share=25)
    assert selectors.share_for(world.region_a) == 25
    assert selectors.share_for(world.region_b) == 10
    assert ModelLogEntry.objects.filter(action="supervision.double_coding.share").count() == 1
    with pytest.raises(ValidationError):
        services.double_coding_share_set(
            actor=world.coordinator_a, region=world.region_a, share=101
        )
    with pytest.raises(PermissionDenied):
        services.double_coding_share_set(actor=world.coordinator_b, region=world.region_a, share=5)
    assert selectors.share_for(world.region_a) == 25


def test_double_coding_refuses_the_visits_own_supervisor_as_co_observer(world: World) -> None:
    visit = make_visit(world.year_a1)
    with pytest.raises(ValidationError) as refused:
        services.double_coding_assign(
            actor=world.coordinator_a, visit=visit, co_observer=world.supervisor_a1
        )
    assert "own supervisor" in str(refused.value)
    assert not DoubleCoding.objects.exists()


def test_double_coding_co_observer_from_the_coordinators_region_only(world: World) -> None:
    visit = make_visit(world.year_a1)
    with pytest.raises(ValidationError):
        services.double_coding_assign(
            actor=world.coordinator_a, visit=visit, co_observer=world.supervisor_b1
        )
    with pytest.raises(PermissionDenied):
        services.double_coding_assign(
            actor=world.coordinator_b, visit=visit, co_observer=world.supervisor_b1
        )
    assert not DoubleCoding.objects.exists()


def test_double_coding_change_of_co_observer_is_audited_and_stops_at_submission(
    world: World,
) -> None:
    a2 = second_supervisor(world)
    a3 = second_supervisor(world, "Supervisor A3")
    coding = coded_visit(world, a2, [3, 3, 3], None, submit_visit=False)
    same = services.double_coding_assign(
        actor=world.coordinator_a, visit=coding.visit, co_observer=a2
    )
    assert same.pk == coding.pk
    services.double_coding_assign(actor=world.coordinator_a, visit=coding.visit, co_observer=a3)
    coding.refresh_from_db()
    assert coding.co_observer == a3
    assert ModelLogEntry.objects.filter(action="supervision.double_coding.assign").count() == 2
    services.double_coding_submit(
        actor=a3, double_coding=coding, scores=co_scores(coding.visit, [3, 3, 3])
    )
    with pytest.raises(ValidationError):
        services.double_coding_assign(actor=world.coordinator_a, visit=coding.visit, co_observer=a2)


def test_double_coding_scores_are_the_co_observers_once_and_on_the_scale(world: World) -> None:
    a2 = second_supervisor(world)
    coding = coded_visit(world, a2, [3, 3, 3], None, submit_visit=False)
    with pytest.raises(PermissionDenied):
        services.double_coding_submit(
            actor=world.supervisor_a1,
            double_coding=coding,
            scores=co_scores(coding.visit, [3, 3, 3]),
        )
    with pytest.raises(ValidationError) as refused:
        services.double_coding_submit(
            actor=a2, double_coding=coding, scores=co_scores(coding.visit, [3, 5, 3])
        )
    assert "from 1 to 4" in str(refused.value)
    assert not CoObservationScore.objects.exists()
    services.double_coding_submit(
        actor=a2, double_coding=coding, scores=co_scores(coding.visit, [3, 3, 3])
    )
    with pytest.raises(ValidationError):
        services.double_coding_submit(
            actor=a2, double_coding=coding, scores=co_scores(coding.visit, [2, 2, 2])
        )
    assert sorted(CoObservationScore.objects.values_list("score", flat=True)) == [3, 3, 3]


def test_double_coding_agreement_is_recorded_when_both_have_submitted(world: World) -> None:
    a2 = second_supervisor(world)
    coding = coded_visit(world, a2, [3, 3, 2], [3, 4, 4], submit_visit=False)
    assert coding.submitted_at is not None
    assert not coding.is_complete
    assert selectors.hides_lead_scores(a2, coding.visit)
    services.visit_submit(actor=world.supervisor_a1, visit=coding.visit)
    coding.refresh_from_db()
    # Worked by hand: pairs (3,3) (3,4) (2,4) on four levels. Exact 1/3, within one 2/3.
    # Quadratic weights (i−j)²/9: observed 5/9; expected from the margins (lead: 3×2, 2×1;
    # co: 3×1, 4×2) 13/27; kappa = 1 − (5/9)/(13/27) = −2/13.
    assert coding.is_complete
    assert coding.pairs == 3
    assert coding.exact_share == pytest.approx(33.3)
    assert coding.adjacent_share == pytest.approx(66.7)
    assert coding.largest_gap == 2
    assert coding.kappa == pytest.approx(-2 / 13, abs=1e-3)
    assert not selectors.hides_lead_scores(a2, coding.visit)
    assert ModelLogEntry.objects.filter(action="supervision.double_coding.record").count() == 1


def test_double_coding_agreement_waits_for_the_co_observer(world: World) -> None:
    a2 = second_supervisor(world)
    coding = coded_visit(world, a2, [3, 3, 3], None)
    assert coding.visit.state == Visit.State.SUBMITTED
    assert not coding.is_complete
    coding = services.double_coding_submit(
        actor=a2, double_coding=coding, scores=co_scores(coding.visit, [3, 3, 3])
    )
    coding.refresh_from_db()
    assert coding.is_complete
    assert coding.exact_share == 100.0


def test_double_coding_only_the_leads_scores_count(world: World) -> None:
    a2 = second_supervisor(world)
    coded_visit(world, a2, [4, 4, 4], [1, 1, 1])
    observation = Observation.objects.get()
    assert observation.average_score == 4.0
    assert sorted(observation.scores.values_list("score", flat=True)) == [4, 4, 4]
    count, mean, top = observed_practice_for(person=world.tutor_a1)
    assert (count, mean, top) == (1, 4.0, 4)
