"""A whole Celery worker killed (SIGKILL, no chance to clean up) in the middle of a bulk
certificate job or a staff import: the message it had taken but not acknowledged comes
back to the next worker (late acknowledgement; Redis gives an unacknowledged message out
again after the visibility timeout, shortened here), and the work is done exactly once."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from wagtail.models import ModelLogEntry

from certificates import services as certificate_services
from certificates.models import Certificate, CertificateJob, CertificateJobItem
from lms.celery import app
from people.models import RoleMembership, User
from programmes import services as programme_services
from programmes.models import StaffImport
from tests.workers import WorkerProcess

from .conftest import World, complete, queue_length, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.worker]

Outcome = CertificateJobItem.Outcome
RESTORE = {"TEST_WORKER_VISIBILITY_TIMEOUT": "3"}


def held(gate: Path) -> bool:
    return any(gate.glob("held-*"))


def release(gate: Path) -> None:
    for marker in gate.glob("held-*"):
        marker.unlink()
    (gate / "hold").unlink(missing_ok=True)


def mail_to(mail_dir: Path, address: str) -> int:
    """How many messages the worker has written for ``address``."""
    return sum(path.read_text().count(f"To: {address}") for path in mail_dir.iterdir())


def settled() -> bool:
    return queue_length() == 0


def test_a_worker_killed_in_the_middle_of_a_bulk_job_handles_each_item_once(
    world: World, worker: Callable[[], WorkerProcess], worker_env: dict[str, str]
) -> None:
    enrolments = [complete(person, world.course) for person in world.learners]
    app.control.purge()  # the completions' own certificate tasks are lost
    job = certificate_services.certificate_job_start(
        actor=world.manager, course=world.course, kind=CertificateJob.Kind.ISSUE_MISSING
    )
    assert job.total == len(enrolments)
    gate = Path(worker_env["TEST_WORKER_GATE"])
    (gate / "hold").touch()

    first = worker().start(TEST_WORKER_RENDERS_FREE="1")
    assert wait_for(lambda: held(gate))  # the second certificate is being rendered
    assert job.items.filter(outcome=Outcome.DONE).count() == 1
    first.kill()
    release(gate)
    assert Certificate.objects.count() == 1  # the one in the middle was never committed

    worker().start(**RESTORE)
    assert wait_for(lambda: CertificateJob.objects.get(pk=job.pk).finished_at is not None)
    assert list(job.items.values_list("outcome", flat=True)) == [Outcome.DONE] * len(enrolments)

    # The same chunk delivered again, and the reconciliation on top: nothing changes.
    app.send_task(
        "certificates.job_chunk", args=[job.pk, list(job.items.values_list("pk", flat=True))]
    )
    app.send_task("certificates.reconcile")
    mail_dir = Path(worker_env["EMAIL_DIR"])
    assert wait_for(
        lambda: settled() and all(mail_to(mail_dir, person.email) >= 1 for person in world.learners)
    )
    time.sleep(1.5)  # anything still running finishes
    for enrolment in enrolments:
        [certificate] = Certificate.objects.filter(enrolment=enrolment)
        assert certificate.job_id == job.pk
        assert certificate.status == Certificate.Status.VALID
        with certificate_services.private_storage().open(certificate.pdf_name, "rb") as handle:
            assert handle.read().startswith(b"%PDF")
    assert ModelLogEntry.objects.filter(action="certificates.issue").count() == len(enrolments)
    assert [mail_to(mail_dir, person.email) for person in world.learners] == [1, 1, 1]


def staff_csv(*emails: str) -> bytes:
    header = "email,full_name,full_name_alt,language,role,school,region,training_area,specialism"
    rows = [f"{email},Imported {n},,ru,teacher,hard-school,,," for n, email in enumerate(emails)]
    return ("\n".join([header, *rows]) + "\n").encode()


def test_a_worker_killed_in_the_middle_of_a_staff_import_imports_it_once(
    world: World,
    worker: Callable[[], WorkerProcess],
    worker_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(programme_services, "INLINE_IMPORT_ROWS", 0)  # every import queued
    emails = [f"staff{n}@example.kz" for n in range(4)]
    staff_import = programme_services.staff_import_create(
        actor=world.coordinator, data=staff_csv(*emails), filename="staff.csv"
    )
    staff_import = programme_services.staff_import_start(
        actor=world.coordinator, staff_import=staff_import
    )
    assert staff_import.status == StaffImport.Status.QUEUED
    gate = Path(worker_env["TEST_WORKER_GATE"])
    (gate / "hold").touch()

    first = worker().start(TEST_WORKER_IMPORT_ROWS_FREE="2")
    assert wait_for(lambda: held(gate))  # two rows written, the third waits
    staff_import.refresh_from_db()
    assert staff_import.status == StaffImport.Status.RUNNING
    first.kill()
    release(gate)
    assert not User.objects.filter(email__in=emails).exists()  # all or nothing

    worker().start(**RESTORE)
    assert wait_for(
        lambda: StaffImport.objects.get(pk=staff_import.pk).status == StaffImport.Status.DONE
    )
    staff_import.refresh_from_db()
    assert staff_import.summary["invited"] == len(emails)
    summary, finished_at = staff_import.summary, staff_import.finished_at

    # The same task delivered again (a second delivery, a retry): the import is done.
    app.send_task("programmes.staff_import_commit", args=[staff_import.pk])
    mail_dir = Path(worker_env["EMAIL_DIR"])
    assert wait_for(lambda: settled() and all(mail_to(mail_dir, email) >= 1 for email in emails))
    time.sleep(1.5)
    staff_import.refresh_from_db()
    assert (staff_import.summary, staff_import.finished_at) == (summary, finished_at)
    assert User.objects.filter(email__in=emails).count() == len(emails)
    assert RoleMembership.objects.filter(person__email__in=emails).count() == len(emails)
    assert [mail_to(mail_dir, email) for email in emails] == [1] * len(emails)  # invitations
