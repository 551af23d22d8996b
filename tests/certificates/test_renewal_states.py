"""The renewal states at the edges of their windows, and where people read them: My
learning, My certificates and the public verification page ("renewed by")."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from certificates import renewal
from certificates.models import Certificate, RenewalRule, today_in_almaty
from certificates.renewal_states import RenewalState, annotate, state_on, states_by_person
from courses.models import CoursePage
from tests.factories.certificates import publish_template
from tests.factories.courses import course_page

from .conftest import World

EXPIRY = date(2031, 8, 20)


@pytest.fixture
def rule(db: None) -> RenewalRule:
    # Not saved: the dates are all a state needs.
    return RenewalRule(validity_years=5, window_months=6, grace_months=12)


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (date(2031, 2, 19), RenewalState.CURRENT),  # the day before the window opens
        (date(2031, 2, 20), RenewalState.DUE),  # six months before expiry
        (date(2031, 8, 20), RenewalState.DUE),  # the last valid day
        (date(2031, 8, 21), RenewalState.OVERDUE),  # the day after expiry
        (date(2032, 8, 20), RenewalState.OVERDUE),  # the last day of grace
        (date(2032, 8, 21), RenewalState.LAPSED),
    ],
)
def test_states_at_the_window_edges(rule: RenewalRule, today: date, state: str) -> None:
    assert state_on(expires_on=EXPIRY, rule=rule, renewed=False, today=today) == state


def test_renewed_and_rule_less_certificates(rule: RenewalRule) -> None:
    day = date(2031, 8, 1)
    assert state_on(expires_on=EXPIRY, rule=rule, renewed=True, today=day) == "renewed"
    assert state_on(expires_on=None, rule=rule, renewed=False, today=day) == "current"
    # Without a rule nothing renews it: current until it ends, lapsed after.
    assert state_on(expires_on=EXPIRY, rule=None, renewed=False, today=day) == "current"
    after = EXPIRY + timedelta(days=1)
    assert state_on(expires_on=EXPIRY, rule=None, renewed=False, today=after) == "lapsed"


def test_month_arithmetic_keeps_the_day_or_the_months_end() -> None:
    assert renewal.months_before(date(2031, 8, 31), 6) == date(2031, 2, 28)
    assert renewal.months_before(date(2031, 3, 15), 6) == date(2030, 9, 15)
    assert renewal.months_after(date(2031, 8, 31), 1) == date(2031, 9, 30)


@pytest.fixture
def renewed_pair(world: World, finish: Any, django_capture_on_commit_callbacks: Any) -> Any:
    refresher: CoursePage = course_page(
        "Autism support: refresher", modules=1, audiences=[("tutor", None, False)]
    )
    publish_template(validity_years=5, courses=[world.course])
    finish(world.tutor, world.course)
    old = Certificate.objects.get(person=world.tutor)
    Certificate.objects.filter(pk=old.pk).update(expires_on=today_in_almaty() + timedelta(days=30))
    rule = RenewalRule.objects.create(course=world.course)
    rule.path_courses.set([refresher])
    with django_capture_on_commit_callbacks(execute=True):
        renewal.renewals_open()
    return old, refresher


def test_my_learning_shows_the_certificate_due_and_its_renewal_course(
    world: World, renewed_pair: Any, client: Client
) -> None:
    _old, refresher = renewed_pair
    client.force_login(world.tutor)
    body = client.get(reverse("my_learning"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "renewal-state--due" in body
    assert refresher.url in body
    certificates = client.get(reverse("my_certificates")).content.decode()
    assert "renewal-state--due" in certificates
    # Someone with nothing to renew sees no renewal section.
    client.force_login(world.teacher)
    body = client.get(reverse("my_learning")).content.decode()
    assert "learning-renewals" not in body


def test_the_verification_page_says_renewed_by(
    world: World, renewed_pair: Any, finish: Any, client: Client
) -> None:
    old, refresher = renewed_pair
    finish(world.tutor, refresher)
    new = Certificate.objects.get(renews=old)
    body = client.get(old.verify_path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Renewed by" in body
    assert new.grouped_code in body
    assert "This certificate is valid" in body  # the old one stays valid until its end
    data = client.get(f"/verify/{old.grouped_code}.json").json()
    assert data["renewed_by"]["code"] == new.grouped_code
    # The renewed certificate's own page says nothing of the kind.
    assert "Renewed by" not in client.get(new.verify_path).content.decode()
    # The person's most urgent state is the renewed certificate's: current.
    assert states_by_person([world.tutor.pk]) == {world.tutor.pk: "current"}
    states = {c.pk: c.renewal_state for c in annotate([old, new])}
    assert states == {old.pk: "renewed", new.pk: "current"}
