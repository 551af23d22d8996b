"""Agreement between two codings of the same indicators: exact and within one level, and
Cohen's kappa with quadratic weights, computed in one pass over pairs of scores.

Pairs come from calibration (a supervisor against the master codes) and are grouped by any
key: rubric, domain, supervisor, region, month. Kappa corrects agreement for chance: with
``k`` levels, weights ``w = (i - j)² / (k - 1)²``, ``κ = 1 − Σ w·observed / Σ w·expected``
where the expected counts come from each coder's own distribution of levels. It is
undefined (``None``) when both coders used one level only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Agreement:
    """The running tally of one group of pairs; ``add`` one pair at a time."""

    levels: int
    pairs: int = 0
    exact: int = 0
    adjacent: int = 0
    largest_gap: int = 0
    matrix: dict[tuple[int, int], int] = field(default_factory=dict)

    def add(self, first: int, second: int) -> None:
        self.pairs += 1
        gap = abs(first - second)
        if gap == 0:
            self.exact += 1
        if gap <= 1:
            self.adjacent += 1
        self.largest_gap = max(self.largest_gap, gap)
        self.matrix[(first, second)] = self.matrix.get((first, second), 0) + 1
        self.levels = max(self.levels, first, second)

    @property
    def exact_share(self) -> float | None:
        return round(100 * self.exact / self.pairs, 1) if self.pairs else None

    @property
    def adjacent_share(self) -> float | None:
        return round(100 * self.adjacent / self.pairs, 1) if self.pairs else None

    @property
    def kappa(self) -> float | None:
        return quadratic_kappa(self.matrix, self.levels)


def quadratic_kappa(matrix: dict[tuple[int, int], int], levels: int) -> float | None:
    """Cohen's kappa with quadratic weights for a table of counts (level, level) → n,
    levels numbered from 1 to ``levels``."""
    total = sum(matrix.values())
    if total == 0 or levels < 2:
        return None
    rows = [0] * (levels + 1)
    columns = [0] * (levels + 1)
    for (first, second), count in matrix.items():
        rows[first] += count
        columns[second] += count
    span = (levels - 1) ** 2
    observed = sum(count * (a - b) ** 2 / span for (a, b), count in matrix.items())
    expected = sum(
        rows[a] * columns[b] / total * (a - b) ** 2 / span
        for a in range(1, levels + 1)
        for b in range(1, levels + 1)
        if rows[a] and columns[b]
    )
    if expected == 0:
        return None
    return 1 - observed / expected


def agreement_of(pairs: Iterable[tuple[int, int]], levels: int) -> Agreement:
    tally = Agreement(levels=levels)
    for first, second in pairs:
        tally.add(first, second)
    return tally


def agreement_by(
    rows: Iterable[Mapping[str, Any]],
    key: Callable[[Mapping[str, Any]], Hashable | None],
    *,
    first: str = "score",
    second: str = "master_level",
    levels: str = "levels",
) -> dict[Any, Agreement]:
    """Tally the pairs of ``rows`` per group, in one pass. ``key`` gives a row's group; a
    row whose key is ``None`` is left out."""
    return agreement_by_many(
        rows,
        lambda row: [] if (found := key(row)) is None else [found],
        first=first,
        second=second,
        levels=levels,
    )


def agreement_by_many(
    rows: Iterable[Mapping[str, Any]],
    keys: Callable[[Mapping[str, Any]], Iterable[Hashable]],
    *,
    first: str = "score",
    second: str = "master_level",
    levels: str = "levels",
) -> dict[Any, Agreement]:
    """As ``agreement_by``, a row counting in each of its groups (a supervisor working in
    two regions counts in both)."""
    groups: dict[Any, Agreement] = {}
    for row in rows:
        for group in keys(row):
            tally = groups.get(group)
            if tally is None:
                tally = groups[group] = Agreement(levels=row[levels])
            tally.add(row[first], row[second])
    return groups
