"""Role offers under simultaneous requests: only a real database with row locks shows it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from people import staffing
from people.models import RoleMembership, RoleOffer
from people.roles import Role
from people.services import MembershipSpec
from tests.factories import SchoolFactory, UserFactory, grant

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def twice(action: Callable[[], object]) -> list[str]:
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def run() -> None:
        try:
            barrier.wait()
            action()
            outcomes.append("done")
        except staffing.OfferError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_two_clicks_on_accept_give_the_role_once() -> None:
    school, elsewhere = SchoolFactory(), SchoolFactory()
    leader = UserFactory()
    grant(leader, Role.SCHOOL_LEADER, school=school)
    person = UserFactory()
    grant(person, Role.TEACHER, school=elsewhere)
    offer = RoleOffer.objects.create(
        person=person,
        role=Role.TEACHER,
        school=school,
        offered_by=leader,
        expires_at=timezone.now() + timedelta(days=1),
    )
    assert twice(lambda: staffing.role_offer_accept(person=person, offer=offer)) == [
        "done",
        "refused",
    ]
    assert RoleMembership.objects.filter(person=person, school=school).count() == 1


def test_two_imports_at_once_ask_once() -> None:
    school, elsewhere = SchoolFactory(), SchoolFactory()
    leader = UserFactory()
    grant(leader, Role.SCHOOL_LEADER, school=school)
    person = UserFactory()
    grant(person, Role.TEACHER, school=elsewhere)
    spec = MembershipSpec(Role.TEACHER, school=school)
    assert twice(lambda: staffing.role_give(actor=leader, person=person, spec=spec)) == [
        "done",
        "done",
    ]
    assert RoleOffer.objects.filter(person=person).count() == 1
