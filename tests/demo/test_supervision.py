"""The supervision demo: every state, notes in three languages, idempotent."""

from __future__ import annotations

from datetime import date
from io import StringIO

import pytest
from django.apps import apps
from django.core.management.base import OutputWrapper
from django.db.models import Count
from django.utils import timezone

from demo import people as people_demo
from demo import supervision as demo
from supervision.models import ActionPoint, Observation, Rubric, SupervisionYear, Visit

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)


def seed() -> str:
    out = StringIO()
    wrapper = OutputWrapper(out)
    people = people_demo.seed(wrapper)
    demo.seed(wrapper, people)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_app_config("supervision").get_models()
    }


def test_a_second_run_changes_nothing() -> None:
    first_output = seed()
    assert "Supervision demo: created" in first_output
    first = counts()
    states = list(Visit.objects.order_by("pk").values_list("state", "planned_on"))
    second_output = seed()
    assert counts() == first
    assert list(Visit.objects.order_by("pk").values_list("state", "planned_on")) == states
    assert "created nothing new" in second_output


def test_the_demo_covers_every_school_state_and_language() -> None:
    seed()
    assert Rubric.objects.count() == 4
    assert SupervisionYear.objects.filter(starts_on=date(2026, 9, 1)).count() == 16
    states = set(Visit.objects.values_list("state", flat=True))
    assert states == set(Visit.State.values)
    assert Visit.objects.filter(state="in_progress", school__code="almaty-region-31").exists()
    evidence = " ".join(Observation.objects.values_list("evidence", flat=True))
    assert "оқушы" in evidence  # Kazakh
    assert "ученик" in evidence  # Russian
    assert "pupil" in evidence  # English
    statuses = dict(ActionPoint.objects.values_list("status").annotate(n=Count("pk")))
    assert {"open", "done", "dropped"} <= set(statuses)
    assert ActionPoint.objects.filter(status="open", due_on__lt=TODAY).exists()
    # Every submitted visit has reviewed all points open from earlier visits.
    from supervision.selectors import action_points_to_review

    for visit in Visit.objects.filter(state__in=["submitted", "acknowledged", "closed"]):
        assert (
            not action_points_to_review(visit)
            .filter(status="open")
            .exclude(reviews__visit=visit)
            .exists()
        ), visit


def test_the_demo_has_calibrated_and_uncalibrated_supervisors() -> None:
    from people.models import User
    from supervision.models import Calibration, CalibrationAttempt, CalibrationExercise
    from supervision.selectors import calibration as calibration_selectors

    seed()
    assert CalibrationExercise.objects.filter(is_published=True).count() == 2
    assert CalibrationAttempt.objects.filter(passed=True).exists()
    assert CalibrationAttempt.objects.filter(passed=False).exists()
    manager = User.objects.filter(memberships__role="programme_manager").first()
    statuses = {
        row.status
        for row in calibration_selectors.register_for(user=manager, today=TODAY)
        if row.rubric.session_type == "inclusive_lesson"
    }
    assert {"calibrated", "expiring", "never"} <= statuses
    # The demo's own supervisor has exercises waiting.
    own = User.objects.get(email__startswith="supervisor@")
    assert not CalibrationAttempt.objects.filter(supervisor=own).exists()
    assert not Calibration.objects.filter(supervisor=own).exists()


def test_the_demo_has_double_coded_visits_and_a_flagged_supervisor() -> None:
    from people.models import User
    from supervision.models import Calibration, DoubleCoding
    from supervision.selectors import calibration as calibration_selectors

    seed()
    complete = DoubleCoding.objects.filter(completed_at__isnull=False)
    assert complete.filter(adjacent_share__gte=80).exists()
    assert complete.filter(adjacent_share__lt=50).exists()
    flagged = Calibration.objects.filter(flagged_at__isnull=False)
    assert flagged.values("supervisor").distinct().count() == 1
    manager = User.objects.filter(memberships__role="programme_manager").first()
    rows = calibration_selectors.register_for(user=manager, today=TODAY)
    assert any(row.status == "flagged" for row in rows)
    before = DoubleCoding.objects.count()
    seed()
    assert DoubleCoding.objects.count() == before


def test_the_demo_shows_growth_both_improving_and_flat() -> None:
    from people.models import User
    from supervision.selectors.growth import growth_for

    seed()
    manager = User.objects.filter(memberships__role="programme_manager").first()
    assert manager is not None
    growth = growth_for(user=manager, starts_on=date(2026, 9, 1), ends_before=date(2027, 9, 1))
    changes = [
        figure.change
        for row in growth.people
        for figure in row.domains
        if figure.change is not None
    ]
    assert any(change > 0 for change in changes)
    assert any(change <= 0 for change in changes)
    assert any(figure.change is None for row in growth.people for figure in row.domains)
