"""A staff import that fails part-way on a database error imports nothing: no person, no
role, no invitation, no audit entry. The failure is shown on the import's page, and
starting it again imports it, once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from people.models import RoleMembership, User
from programmes import imports
from programmes import services as programme_services
from programmes.models import StaffImport

from .conftest import World
from .test_worker_killed import staff_csv

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

FAILING_ROW = 3


def test_an_import_failing_on_a_row_imports_nothing_and_once_when_started_again(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    emails = [f"row{n}@example.kz" for n in range(5)]
    staff_import = programme_services.staff_import_create(
        actor=world.coordinator, data=staff_csv(*emails), filename="staff.csv"
    )
    assert staff_import.status == StaffImport.Status.VALID
    original = programme_services._import_row
    written: list[str] = []

    def row_then_database_error(actor: User, row: imports.StaffRow, *rest: Any) -> None:
        original(actor, row, *rest)
        written.append(row.email)
        if len(written) == FAILING_ROW:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 / 0")  # a real error from the database

    monkeypatch.setattr(programme_services, "_import_row", row_then_database_error)
    browser = Client(headers={"accept-language": "en"})
    browser.force_login(world.coordinator)
    start = reverse("staff_import_start", kwargs={"public_id": staff_import.public_id})
    mail.outbox.clear()

    response = browser.post(start, follow=True)

    assert response.status_code == 200
    page = response.content.decode()
    assert "The import stopped on an unexpected error; nothing was imported." in page
    assert "Try again" in page
    assert written == emails[:FAILING_ROW]  # three rows were written, then rolled back
    staff_import.refresh_from_db()
    assert staff_import.status == StaffImport.Status.FAILED
    assert not User.objects.filter(email__in=emails).exists()
    assert not RoleMembership.objects.filter(person__email__in=emails).exists()
    assert not ModelLogEntry.objects.filter(action="programmes.import.commit").exists()
    assert mail.outbox == []  # invitations leave only when the import commits

    monkeypatch.setattr(programme_services, "_import_row", original)  # the database is well
    response = browser.post(start, follow=True)
    assert "The staff list was imported." in response.content.decode()
    staff_import.refresh_from_db()
    assert staff_import.status == StaffImport.Status.DONE
    assert staff_import.error == ""
    assert staff_import.summary["invited"] == len(emails)

    # Started again, or its task delivered again: nothing more happens.
    browser.post(start)
    programme_services.staff_import_commit(staff_import_id=staff_import.pk)
    staff_import.refresh_from_db()
    assert staff_import.summary["invited"] == len(emails)
    assert User.objects.filter(email__in=emails).count() == len(emails)
    assert RoleMembership.objects.filter(person__email__in=emails).count() == len(emails)
    assert ModelLogEntry.objects.filter(action="programmes.import.commit").count() == 1
    assert sorted(address for message in mail.outbox for address in message.to) == emails


def test_an_import_left_waiting_or_running_by_a_failure_is_resumed_once(world: World) -> None:
    """The beat's resumption: an import queued while the broker was down, and one left
    "running" when the database went away before its failure could be recorded, are
    imported once; one being imported now (its progress is published) is left alone."""

    def started(status: str, *emails: str) -> StaffImport:
        staff_import = programme_services.staff_import_create(
            actor=world.coordinator, data=staff_csv(*emails), filename="staff.csv"
        )
        StaffImport.objects.filter(pk=staff_import.pk).update(
            status=status, created_at=timezone.now() - timedelta(hours=1)
        )
        return staff_import

    queued = started(StaffImport.Status.QUEUED, "queued@example.kz")
    stuck = started(StaffImport.Status.RUNNING, "stuck@example.kz")
    busy = started(StaffImport.Status.RUNNING, "busy@example.kz")
    cache.set(programme_services.progress_key(busy), 0, 60)
    recent = programme_services.staff_import_create(
        actor=world.coordinator, data=staff_csv("recent@example.kz"), filename="staff.csv"
    )
    StaffImport.objects.filter(pk=recent.pk).update(status=StaffImport.Status.QUEUED)

    assert programme_services.staff_imports_resume() == 2
    assert programme_services.staff_imports_resume() == 0  # both done now

    statuses = dict(StaffImport.objects.values_list("pk", "status"))
    assert statuses == {
        queued.pk: StaffImport.Status.DONE,
        stuck.pk: StaffImport.Status.DONE,
        busy.pk: StaffImport.Status.RUNNING,
        recent.pk: StaffImport.Status.QUEUED,  # just started: its task may be on its way
    }
    addresses = ["busy@example.kz", "queued@example.kz", "recent@example.kz", "stuck@example.kz"]
    imported = User.objects.filter(email__in=addresses).values_list("email", flat=True)
    assert sorted(imported) == ["queued@example.kz", "stuck@example.kz"]
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "queued@example.kz",
        "stuck@example.kz",
    ]
