"""Invariants that only a real database with row locks can show."""

from __future__ import annotations

import re
import threading
import time

import pytest
from django.core import mail
from django.db import connection

from people import services
from people.models import Invitation, User
from people.roles import Role
from people.services import MembershipSpec
from tests.factories import SchoolFactory, UserFactory, grant

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_simultaneous_clicks_on_one_invitation_accept_it_once() -> None:
    school = SchoolFactory()
    leader = UserFactory()
    grant(leader, Role.SCHOOL_LEADER, school=school)
    person = services.person_create(
        actor=leader,
        email="twice@example.org",
        full_name="Twice Clicked",
        memberships=[MembershipSpec(Role.TEACHER, school=school)],
    )
    match = re.search(r"/invitations/([\w-]+)/", mail.outbox[-1].body)
    assert match
    token = match.group(1)

    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def accept(password: str) -> None:
        try:
            barrier.wait()
            services.invitation_accept(
                token=token, password=password, full_name="Twice Clicked", preferred_language="en"
            )
            outcomes.append("accepted:" + password)
        except services.InvitationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=accept, args=(password,))
        for password in ("first-long-passphrase", "second-long-passphrase")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(o.split(":")[0] for o in outcomes) == ["accepted", "refused"]
    winner = next(o for o in outcomes if o.startswith("accepted")).split(":")[1]
    assert User.objects.get(pk=person.pk).check_password(winner)
    assert Invitation.objects.filter(person=person, accepted_at__isnull=False).count() == 1


def test_a_password_set_while_an_invitation_is_accepted_is_not_overwritten() -> None:
    """A password reset commits while the invitation is being accepted: the acceptance,
    waiting on the person's row lock, sees the new password and refuses."""
    from django.db import transaction
    from django.utils import translation

    school = SchoolFactory()
    leader = UserFactory()
    grant(leader, Role.SCHOOL_LEADER, school=school)
    person = services.person_create(
        actor=leader,
        email="raced@example.org",
        full_name="Raced Person",
        memberships=[MembershipSpec(Role.TEACHER, school=school)],
    )
    match = re.search(r"/invitations/([\w-]+)/", mail.outbox[-1].body)
    assert match
    token = match.group(1)

    locked = threading.Event()
    outcome: list[str] = []

    def reset() -> None:
        try:
            with transaction.atomic():
                row = User.objects.select_for_update().get(pk=person.pk)
                locked.set()
                time.sleep(1)  # the acceptance starts and waits on this row
                row.set_password("reset-long-passphrase")
                row.save()
        finally:
            connection.close()

    def accept() -> None:
        try:
            locked.wait()
            with translation.override("en"):
                services.invitation_accept(
                    token=token,
                    password="invited-long-passphrase",
                    full_name="Raced Person",
                    preferred_language="en",
                )
            outcome.append("accepted")
        except services.InvitationError as error:
            outcome.append(error.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=reset), threading.Thread(target=accept)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(outcome) == 1
    assert "already set up" in outcome[0]
    stored = User.objects.get(pk=person.pk)
    assert stored.check_password("reset-long-passphrase")
    assert not Invitation.objects.filter(person=person, accepted_at__isnull=False).exists()
