"""The course rules as pure functions: the same answers the services and selectors give."""

from __future__ import annotations

from dataclasses import dataclass

from courses import rules


@dataclass
class Audience:
    role: str
    training_area_id: int | None
    required: bool


def test_audience_without_area_takes_the_role_in_any_area() -> None:
    audiences = [Audience("teacher", None, False)]
    assert rules.audience_match(audiences, [("teacher", 7)]) == (True, False)
    assert rules.audience_match(audiences, [("tutor", 7)]) == (False, False)


def test_audience_with_area_needs_that_area_and_required_wins() -> None:
    audiences = [Audience("teacher", 3, True), Audience("teacher", None, False)]
    assert rules.audience_match(audiences, [("teacher", 3)]) == (True, True)
    assert rules.audience_match(audiences, [("teacher", 4)]) == (True, False)
    assert rules.audience_match([Audience("teacher", 3, True)], [("teacher", None)]) == (
        False,
        False,
    )


def test_lock_reason_order_enrolment_then_prerequisites_then_sequence() -> None:
    assert "Enrol" in rules.lock_reason(
        enrolled=False, missing_prerequisites=["A"], waits_for_earlier=True
    )
    reason = rules.lock_reason(
        enrolled=True, missing_prerequisites=["Basics", "Law"], waits_for_earlier=True
    )
    assert "Basics, Law" in reason
    assert "before this one" in rules.lock_reason(
        enrolled=True, missing_prerequisites=[], waits_for_earlier=True
    )
    assert rules.lock_reason(enrolled=True, missing_prerequisites=[], waits_for_earlier=False) == ""


def test_sequence_waits_only_for_required_modules_after_an_undone_required_one() -> None:
    modules = [(True, True), (False, False), (True, False), (True, False), (False, False)]
    assert rules.sequence_waits(True, modules) == [False, False, False, True, False]
    assert rules.sequence_waits(False, modules) == [False] * 5
