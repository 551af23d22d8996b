"""Agreement statistics against worked examples computed independently: exact and within
one level by counting, and quadratic-weighted kappa by the identity
κ = 2·cov(x, y) / (var x + var y + (mean x − mean y)²) (population moments), which gives
the same number as the weighted-table definition the module uses."""

from __future__ import annotations

from statistics import fmean, pvariance

import pytest
from django.utils import timezone

from supervision.selectors import calibration as calibration_selectors
from supervision.selectors.agreement import (
    agreement_by,
    agreement_by_many,
    agreement_of,
    quadratic_kappa,
)
from tests.factories.supervision import make_exercise

from .conftest import World
from .test_calibration import submit


def kappa_by_moments(x: list[int], y: list[int]) -> float:
    mean_x, mean_y = fmean(x), fmean(y)
    covariance = fmean([(a - mean_x) * (b - mean_y) for a, b in zip(x, y, strict=True)])
    return 2 * covariance / (pvariance(x) + pvariance(y) + (mean_x - mean_y) ** 2)


def test_agreement_worked_example_by_hand() -> None:
    # Supervisor 1 2 3 4 2 1 against master 1 2 4 4 3 2 on a four-level scale.
    # Exact: 3 of 6. Within one level: 6 of 6. By hand: means 13/6 and 16/6, variances
    # 1.1389 and 1.2222, covariance 1.0556, so κ = 2.1111 / 2.6111 = 0.8085.
    x = [1, 2, 3, 4, 2, 1]
    y = [1, 2, 4, 4, 3, 2]
    tally = agreement_of(zip(x, y, strict=True), 4)
    assert tally.pairs == 6
    assert tally.exact_share == 50.0
    assert tally.adjacent_share == 100.0
    assert tally.largest_gap == 1
    assert tally.kappa == pytest.approx(0.8085, abs=0.0001)
    assert tally.kappa == pytest.approx(kappa_by_moments(x, y), abs=0.0005)


def test_agreement_kappa_matches_the_moment_identity_on_wider_tables() -> None:
    x = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 2, 3, 4, 1, 5]
    y = [1, 2, 2, 3, 3, 5, 4, 2, 5, 4, 1, 3, 4, 3, 5]
    tally = agreement_of(zip(x, y, strict=True), 5)
    assert tally.kappa == pytest.approx(kappa_by_moments(x, y), abs=0.0005)
    assert tally.exact == sum(a == b for a, b in zip(x, y, strict=True)) == 8
    assert tally.adjacent == sum(abs(a - b) <= 1 for a, b in zip(x, y, strict=True)) == 12


def test_agreement_kappa_limits() -> None:
    # Perfect agreement is 1; full reversal on two levels is −1.
    assert agreement_of([(1, 1), (2, 2), (3, 3)], 3).kappa == pytest.approx(1.0)
    assert agreement_of([(1, 2), (2, 1)], 2).kappa == pytest.approx(-1.0)
    # Both coders used one level only: chance agreement explains everything, κ undefined.
    assert agreement_of([(3, 3), (3, 3)], 4).kappa is None
    assert quadratic_kappa({}, 4) is None
    assert agreement_of([], 4).exact_share is None


def test_agreement_weights_distance_quadratically() -> None:
    # The same exact agreement, but a miss of three levels costs more than three misses of one.
    near = agreement_of([(1, 1), (2, 2), (3, 3), (4, 4), (1, 2), (2, 3), (3, 4), (4, 3)], 4)
    far = agreement_of([(1, 1), (2, 2), (3, 3), (4, 4), (1, 4), (2, 2), (3, 3), (4, 1)], 4)
    assert near.kappa is not None
    assert far.kappa is not None
    assert far.exact > near.exact
    assert far.kappa < near.kappa


def test_agreement_by_groups_in_one_pass() -> None:
    rows = [
        {"who": "a", "score": 1, "master_level": 1, "levels": 4, "regions": ["north"]},
        {"who": "a", "score": 2, "master_level": 4, "levels": 4, "regions": ["north"]},
        {"who": "b", "score": 3, "master_level": 3, "levels": 4, "regions": ["north", "south"]},
        {"who": None, "score": 3, "master_level": 3, "levels": 4, "regions": []},
    ]
    people = agreement_by(rows, lambda r: r["who"])
    assert set(people) == {"a", "b"}
    assert people["a"].exact_share == 50.0
    assert people["a"].largest_gap == 2
    regions = agreement_by_many(rows, lambda r: r["regions"])
    assert regions["north"].pairs == 3
    assert regions["south"].pairs == 1


def test_agreement_report_per_rubric_domain_supervisor_region_and_month(world: World) -> None:
    keys = list(world.version.indicator_keys())
    exercise = make_exercise(world.version, {keys[0]: 1, keys[1]: 2, keys[2]: 4})
    submit(world, exercise, [1, 2, 3])  # supervisor A1: exact 2 of 3
    submit(world, exercise, [2, 4, 4], who=world.supervisor_b1)  # B1: exact 1 of 3

    report = calibration_selectors.agreement_report_for(user=world.manager)
    ((rubric, overall),) = report.overall.items()
    assert overall.pairs == 6
    assert overall.exact_share == 50.0
    assert overall.kappa == pytest.approx(
        kappa_by_moments([1, 2, 3, 2, 4, 4], [1, 2, 4, 1, 2, 4]), abs=0.0005
    )
    by_person = dict(report.supervisors)
    assert by_person[world.supervisor_a1].exact_share == pytest.approx(66.7)
    assert by_person[world.supervisor_b1].exact_share == pytest.approx(33.3)
    domains = dict(report.domain_rows)
    assert domains[f"{rubric} · Environment"].pairs == 4
    assert domains[f"{rubric} · Teaching"].pairs == 2
    regions = dict(report.regions)
    assert regions["Region A"].pairs == 3
    assert regions["Region B"].pairs == 3
    # Attempts are placed in the month they were submitted.
    assert [month for month, _tally in report.months] == [timezone.now().strftime("%Y-%m")]

    # A coordinator sees only the supervisors of their region.
    mine = calibration_selectors.agreement_report_for(user=world.coordinator_a)
    assert [person for person, _tally in mine.supervisors] == [world.supervisor_a1]
    assert next(iter(mine.overall.values())).pairs == 3
    assert calibration_selectors.agreement_report_for(user=world.teacher_a1).supervisors == []
