"""Bulk jobs: issue a course's missing certificates, or reissue them after a template fix,
in the background with exact progress, from the managers' page or the command line; and
reconciliation of completions whose certificate was never issued."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from certificates import services, tasks
from certificates.models import Certificate, CertificateJob, CertificateJobItem
from courses.models import Enrolment
from people.roles import Role
from tests.factories import SchoolFactory, TrainingAreaFactory, UserFactory, grant
from tests.factories.certificates import complete, publish_template

from .conftest import World


def completed_without_certificates(world: World, count: int) -> list[Enrolment]:
    """Completions whose certificate task never ran (as if the broker had been down): the
    test's transaction never commits, so nothing queued after commit runs."""
    school = SchoolFactory(region=world.region_a)
    area = TrainingAreaFactory()
    enrolments = []
    for number in range(count):
        person = UserFactory(full_name=f"Learner {number}")
        grant(person, Role.TUTOR, school=school, training_area=area)
        enrolments.append(complete(person, world.course))
    assert not Certificate.objects.exists()
    return enrolments


def test_a_manager_issues_the_missing_certificates_of_a_course(
    world: World, client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    completed_without_certificates(world, 3)
    client.force_login(world.manager)
    assert client.get("/en/certificates/jobs/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/certificates/jobs/", {"course": world.course.pk, "kind": "issue_missing"}
        )
    job = CertificateJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/certificates/jobs/{job.public_id}/"
    assert Certificate.objects.filter(job=job).count() == 3
    job.refresh_from_db()
    assert job.total == 3
    assert job.finished_at is not None
    status = client.get(f"/en/certificates/jobs/{job.public_id}/status/").json()
    assert status == {
        "total": 3,
        "handled": 3,
        "done": 3,
        "skipped": 0,
        "failed": 0,
        "percent": 100,
        "finished": True,
    }
    html = client.get(f"/en/certificates/jobs/{job.public_id}/").content.decode()
    assert "3 of 3 (100%)" in html
    assert 'http-equiv="refresh"' not in html  # finished: nothing to wait for


def test_the_progress_page_refreshes_itself_while_the_job_runs(
    world: World, client: Client
) -> None:
    completed_without_certificates(world, 2)
    job = services.certificate_job_start(
        actor=world.manager, course=world.course, kind="issue_missing", queue=False
    )
    services.certificate_job_item_process(item=job.items.first())
    client.force_login(world.manager)
    html = client.get(f"/en/certificates/jobs/{job.public_id}/").content.decode()
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in html
    assert 'data-job-status="/en/certificates/jobs/' in html  # polled with JavaScript
    assert '<progress max="2" value="1"' in html
    assert "1 of 2 (50%)" in html
    for outsider in (world.coordinator_a, world.tutor):
        client.force_login(outsider)
        assert client.get(f"/en/certificates/jobs/{job.public_id}/").status_code == 404
        assert client.get("/en/certificates/jobs/").status_code == 403


def test_reissuing_after_a_template_fix(
    world: World, finish: Any, client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    template = publish_template(courses=[world.course])
    finish(world.tutor, world.course)
    finish(world.tutor_b, world.course)
    original = set(Certificate.objects.values_list("pk", flat=True))

    template.title_kk = "Сертификат (түзетілген)"
    template.title_ru = "Сертификат (исправленный)"
    template.save_revision().publish()
    client.force_login(world.manager)
    refused = client.post(
        "/en/certificates/jobs/", {"course": world.course.pk, "kind": "regenerate"}
    )
    assert refused.status_code == 400
    assert "Say why the certificates are reissued" in refused.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_job_start(
            actor=world.manager, course=world.course, kind="regenerate", reason="Title corrected"
        )
    assert set(Certificate.objects.filter(pk__in=original).values_list("status", flat=True)) == {
        "superseded"
    }
    new = Certificate.objects.filter(status="valid")
    assert new.count() == 2
    titles = {text["title"] for c in new for text in c.snapshot["texts"].values()}
    assert titles == {"Сертификат (түзетілген)", "Сертификат (исправленный)"}
    assert all(c.reason == "Title corrected" and c.issued_by == world.manager for c in new)

    # Run again: every certificate already has the current template, so nothing to do.
    again = services.certificate_job_start(
        actor=world.manager, course=world.course, kind="regenerate", reason="Once more"
    )
    assert again.total == 0
    assert again.finished_at is not None
    assert Certificate.objects.count() == 4


def test_a_job_item_is_handled_once_however_often_it_runs(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    completed_without_certificates(world, 2)
    job = services.certificate_job_start(
        actor=world.manager, course=world.course, kind="issue_missing", queue=False
    )
    items = list(job.items.order_by("pk"))
    ids = [item.pk for item in items]
    tasks.job_chunk(job.pk, ids)
    tasks.job_chunk(job.pk, ids)  # delivered twice
    with django_capture_on_commit_callbacks(execute=True):
        tasks.job_run(job.pk)  # and the job sent again
    assert Certificate.objects.count() == 2
    assert set(job.items.values_list("outcome", flat=True)) == {"done"}
    job.refresh_from_db()
    assert job.finished_at is not None


def test_an_item_whose_certificate_appeared_meanwhile_is_skipped(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    enrolments = completed_without_certificates(world, 2)
    job = services.certificate_job_start(
        actor=world.manager, course=world.course, kind="issue_missing", queue=False
    )
    services.certificate_issue(enrolment=enrolments[0])  # reconciliation got there first
    with django_capture_on_commit_callbacks(execute=True):
        tasks.job_run(job.pk)
    outcomes = dict(job.items.values_list("enrolment_id", "outcome"))
    assert outcomes == {enrolments[0].pk: "skipped", enrolments[1].pk: "done"}
    assert Certificate.objects.count() == 2


def test_the_command_line_shows_progress_and_resumes(world: World) -> None:
    completed_without_certificates(world, 3)
    out = StringIO()
    call_command("certificates_bulk", "--course", world.course.slug, "--issue-missing", stdout=out)
    text = out.getvalue()
    assert "Issue missing certificates: Supporting a child with autism — 3 to do of 3" in text
    assert "3/3 (100%)" in text
    assert "Done: 3 issued, 0 with nothing to do, 0 failed" in text
    assert Certificate.objects.count() == 3

    job = CertificateJob.objects.get()
    out = StringIO()
    call_command("certificates_bulk", "--job", str(job.public_id), stdout=out)
    assert "0 to do of 3" in out.getvalue()

    with pytest.raises(Exception, match="--regenerate"):
        call_command("certificates_bulk", "--course", world.course.slug, stdout=StringIO())
    with pytest.raises(Exception, match="Say why"):
        call_command(
            "certificates_bulk", "--course", str(world.course.pk), "--regenerate", stdout=StringIO()
        )


def test_reconciliation_issues_what_completion_missed(world: World) -> None:
    enrolments = completed_without_certificates(world, 3)
    assert tasks.reconcile() == 3
    assert set(Certificate.objects.values_list("enrolment_id", flat=True)) == {
        e.pk for e in enrolments
    }
    assert tasks.reconcile() == 0


def test_a_stalled_job_is_sent_again(world: World, django_capture_on_commit_callbacks: Any) -> None:
    completed_without_certificates(world, 2)
    job = services.certificate_job_start(
        actor=world.manager, course=world.course, kind="issue_missing", queue=False
    )
    assert services.certificate_jobs_resume() == 0  # not stalled yet
    CertificateJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - timedelta(minutes=30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.certificate_jobs_resume() == 1
    assert Certificate.objects.count() == 2
    assert not CertificateJobItem.objects.filter(outcome="pending").exists()
