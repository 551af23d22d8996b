"""A real Celery worker over Redis takes the work the web process sends after commit."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from people import services
from people.roles import Role
from people.services import MembershipSpec
from tests.factories import SchoolFactory, UserFactory, grant

pytestmark = [pytest.mark.worker, pytest.mark.postgres]


def test_the_invitation_email_is_sent_by_the_worker(celery_worker_process: dict[str, str]) -> None:
    school = SchoolFactory()
    leader = UserFactory()
    grant(leader, Role.SCHOOL_LEADER, school=school)
    services.person_create(
        actor=leader,
        email="queued@example.org",
        full_name="Queued Person",
        preferred_language="ru",
        memberships=[MembershipSpec(Role.TEACHER, school=school)],
    )
    mail_dir = Path(celery_worker_process["EMAIL_DIR"])
    deadline = time.monotonic() + 30
    messages: list[str] = []
    # The file backend creates the file, then writes it: wait for a whole message.
    while time.monotonic() < deadline:
        messages = [path.read_text() for path in mail_dir.iterdir()]
        if messages and all("/invitations/" in message for message in messages):
            break
        time.sleep(0.2)
    assert len(messages) == 1, "the worker did not send the invitation"
    assert "To: queued@example.org" in messages[0]
    assert "/ru/invitations/" in messages[0]
