"""Percentages shown to people: one rule for every page, report and export.

A share is rounded to the nearest whole percent, halves up (8 of 12 is 67%, not the 66%
that integer division gives), except that anything short of the whole never reads 100%:
a learner with 199 of 200 modules done is not shown as finished.
"""

from __future__ import annotations


def percent(part: int, whole: int) -> int:
    """``part`` of ``whole`` as a whole percent; 0 when there is nothing to count."""
    if whole <= 0:
        return 0
    value = (200 * part + whole) // (2 * whole)  # exact half-up rounding in integers
    if value >= 100 and part < whole:
        return 99
    return value
