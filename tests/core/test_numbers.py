"""One rounding rule for every percentage people read."""

from __future__ import annotations

import pytest

from core.numbers import percent


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (8, 12, 67),  # 66.67: rounded, not truncated to 66
        (1, 3, 33),
        (2, 3, 67),
        (1, 8, 13),  # 12.5: halves go up
        (1, 200, 1),  # 0.5
        (0, 7, 0),
        (7, 7, 100),
        (199, 200, 99),  # 99.5 is not finished: never 100% short of the whole
        (3, 0, 0),  # nothing to count
        (5, 4, 125),  # more than planned stays visible
    ],
)
def test_percent_rounds_to_the_nearest_whole(part: int, whole: int, expected: int) -> None:
    assert percent(part, whole) == expected
