"""Benchmark: render one certificate, and issue 1,000 certificates end to end.

Builds its data in its own PostgreSQL database (created if missing) with a Redis broker,
then:

1. renders one certificate (the default template with two signatories, in Kazakh) many
   times in this process, on one core, and takes the median wall time;
2. starts real Celery workers on this machine and issues 1,000 certificates of completed
   enrolments with the "issue missing certificates" bulk job (records, PDFs stored on
   disk, audit entries, e-mails queued), timing from the job's start until the last
   certificate is committed; then the same through 1,000 separate issue tasks, as 1,000
   completions would queue them.

It fails (exit status 1) if WeasyPrint would subset fonts with fontTools instead of
HarfBuzz, or did so during the renders.

    .venv/bin/python bench/certificates.py [--count 1000] [--renders 40] [--concurrency 2]

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench_certificates),
REDIS_URL (default redis://127.0.0.1:6379/2). The last line printed is:
    render_ms_median=X bulk_1000_s=Y
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.gettempdir()) / "bench-certificates"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_certificates")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/2")
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
os.environ.setdefault("PRIVATE_MEDIA_ROOT", str(WORK / "private"))
os.environ.setdefault("MEDIA_ROOT", str(WORK / "media"))
os.environ.setdefault("EMAIL_URL", "dummymail://")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("LMS_MFA_REQUIRED", "false")

COURSE_SLUG = "bench-certificates"


def fail(message: str) -> None:
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def ensure_database() -> None:
    """Create the benchmark's PostgreSQL database if it does not exist yet."""
    import environ
    import psycopg

    config = environ.Env.db_url_config(os.environ["DATABASE_URL"])
    if not config["ENGINE"].endswith("postgresql"):
        return
    with psycopg.connect(
        host=config["HOST"] or "localhost",
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{config["NAME"]}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--renders", type=int, default=40)
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()

    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from certificates import pdf

    if not pdf.uses_harfbuzz_subsetting():
        fail(
            "WeasyPrint would subset fonts with fontTools, not HarfBuzz: install "
            "libharfbuzz-subset0 (HarfBuzz 4.1 or later)."
        )
    fonttools_subsets = count_fonttools_subsetting()

    course, enrolments = build(args.count)
    render_ms, cpu_ms = render_benchmark(enrolments[0], args.renders)
    from credential_timing import credential_benchmark

    sign_ms, credential_ms = credential_benchmark(enrolments[0], args.renders)
    if fonttools_subsets():
        fail(f"WeasyPrint subset fonts with fontTools {fonttools_subsets()} times.")

    workers = start_workers(args.concurrency)
    try:
        bulk_s = bulk_job(course, args.count)
        per_task_s = per_task(course, enrolments)
    finally:
        stop_workers(workers)

    from django.db import connection

    print(
        f"database={connection.vendor} certificates={args.count} "
        f"worker_processes={args.concurrency} cpus={os.cpu_count()}"
    )
    print(f"render_cpu_ms_median={cpu_ms:.1f}")
    print(f"sign_ms_median={sign_ms:.1f} credential_ms_median={credential_ms:.1f}")
    print(f"per_completion_tasks_{args.count}_s={per_task_s:.1f}")
    print(f"render_ms_median={render_ms:.1f} bulk_1000_s={bulk_s:.1f}")


def count_fonttools_subsetting():  # type: ignore[no-untyped-def]
    """Count calls of WeasyPrint's fontTools subsetter (there must be none)."""
    from weasyprint.pdf import fonts

    calls = {"count": 0}
    original = fonts.Font._fonttools_subset

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["count"] += 1
        return original(self, *args, **kwargs)

    fonts.Font._fonttools_subset = counted
    return lambda: calls["count"]


def build(count: int):  # type: ignore[no-untyped-def]
    """A course in Kazakh (with a Russian translation), the demo's templates and
    signatures, and ``count`` tutors who completed it, without certificates (earlier runs'
    certificates and jobs are removed)."""
    import uuid

    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale

    from certificates import services
    from certificates.models import Certificate, CertificateJob
    from courses.models import CourseAudience, CourseCatalogue, CoursePage, Enrolment, ModulePage
    from courses.setup import ensure_authoring_setup
    from demo.certificates import seed_templates
    from people.models import Region, RoleMembership, School, TrainingArea, User

    with transaction.atomic():
        ensure_authoring_setup()
        seed_templates()
        course = CoursePage.objects.filter(slug=COURSE_SLUG, locale__language_code="kk").first()
        if course is None:
            catalogue = CourseCatalogue.objects.get(locale__language_code="kk")
            course = CoursePage(
                title="Жалпы білім беретін сыныпта аутизмі бар баланы сүйемелдеу",
                slug=COURSE_SLUG,
                summary="Benchmark.",
                academic_hours=8,
                provider="«Қамқорлық» инклюзивті білім беру бағдарламасының оқу орталығы",
                locale=catalogue.locale,
            )
            course.audiences.add(CourseAudience(role="tutor"))
            catalogue.add_child(instance=course)
            course.save_revision().publish()
            for number in range(3):
                module = ModulePage(
                    title=f"Модуль {number + 1}",
                    body=[{"type": "paragraph", "value": "<p>Мәтін.</p>", "id": str(uuid.uuid4())}],
                    locale=course.locale,
                )
                course.add_child(instance=module)
                module.save_revision().publish()
            russian = course.copy_for_translation(Locale.objects.get(language_code="ru"))
            russian.title = "Сопровождение ребёнка с аутизмом в общеобразовательном классе"
            russian.provider = "Учебный центр программы инклюзивного образования «Қамқорлық»"
            russian.save_revision().publish()

        # Earlier runs' certificates, jobs and files go.
        for name in Certificate.objects.filter(course=course).values_list("pdf_name", flat=True):
            services.private_storage().delete(name)
        Certificate.objects.filter(course=course, replaces__isnull=False).delete()
        Certificate.objects.filter(course=course).delete()
        CertificateJob.objects.filter(course=course).delete()

        enrolments = list(Enrolment.objects.filter(course=course).select_related("person"))
        if len(enrolments) != count:
            Enrolment.objects.filter(course=course).delete()
            User.objects.filter(email__startswith="bench.cert.").delete()
            region, _ = Region.objects.get_or_create(
                code="bench-cert",
                defaults={"name_kk": "Бенч", "name_ru": "Бенч", "name_en": "Bench"},
            )
            school, _ = School.objects.get_or_create(
                code="bench-cert-school",
                defaults={
                    "region": region,
                    "name_kk": "№1 мектеп",
                    "name_ru": "Школа №1",
                    "name_en": "School No. 1",
                },
            )
            area, _ = TrainingArea.objects.get_or_create(
                code="bench-cert-area",
                defaults={"name_kk": "Бағыт", "name_ru": "Направление", "name_en": "Area"},
            )
            password = make_password("bench-password")
            first = ["Әйгерім", "Гүлнұр", "Айбек", "Ұлжан", "Нұрлан", "Ольга", "Дәулет", "Іңкәр"]
            last = ["Сейітова", "Төлеуова", "Қасымов", "Бекмұратова", "Оспанов", "Соколова"]
            people = User.objects.bulk_create(
                [
                    User(
                        email=f"bench.cert.{n}@example.org",
                        full_name=f"{first[n % len(first)]} {last[n % len(last)]}",
                        full_name_alt=f"Learner {n}",
                        preferred_language=("kk", "ru", "en")[n % 3],
                        password=password,
                    )
                    for n in range(count)
                ]
            )
            RoleMembership.objects.bulk_create(
                [
                    RoleMembership(person=p, role="tutor", school=school, training_area=area)
                    for p in people
                ]
            )
            now = timezone.now()
            Enrolment.objects.bulk_create(
                [
                    Enrolment(
                        person=p,
                        course=course,
                        source="cohort",
                        status="completed",
                        completed_at=now,
                        modules_completed_at=now,
                        required_total=3,
                        required_done=3,
                        percent=100,
                    )
                    for p in people
                ]
            )
            enrolments = list(Enrolment.objects.filter(course=course).select_related("person"))
    return course, sorted(enrolments, key=lambda e: e.pk)


def render_benchmark(enrolment, renders: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median wall and CPU time of rendering one certificate (Kazakh, two signatories)."""
    from django.utils import timezone

    from certificates import pdf, services

    person = enrolment.person
    person.preferred_language = "kk"
    certificate = services._build(
        enrolment=enrolment,
        person=person,
        course=enrolment.course,
        issued_at=timezone.now(),
        issued_by=None,
    )
    for _warm in range(3):
        pdf.render_document(certificate)
    wall, cpu = [], []
    for _run in range(renders):
        start, start_cpu = time.perf_counter(), time.process_time()
        pdf.render_document(certificate)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def start_workers(concurrency: int) -> subprocess.Popen:
    from lms.celery import app

    app.control.purge()
    process = subprocess.Popen(  # noqa: S603  (this interpreter, fixed arguments)
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--loglevel=WARNING",
            f"--concurrency={concurrency}",
            "--pool=prefork",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=(WORK / "worker.log").open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        replies = app.control.ping(timeout=1)
        if replies:
            return process
    process.kill()
    fail("the Celery workers did not start within a minute")
    raise AssertionError  # unreachable


def stop_workers(process: subprocess.Popen) -> None:
    from lms.celery import app

    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
    app.control.purge()


def wait_for_certificates(course, count: int, started: float) -> float:  # type: ignore[no-untyped-def]
    from certificates.models import Certificate

    deadline = started + 600
    while time.monotonic() < deadline:
        if Certificate.objects.filter(course=course).count() >= count:
            return time.monotonic() - started
        time.sleep(0.1)
    fail(f"{count} certificates were not issued within ten minutes")
    raise AssertionError  # unreachable


def check_issued(course, count: int) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    from certificates import services
    from certificates.models import Certificate

    certificates = list(Certificate.objects.filter(course=course))
    if len(certificates) != count or len({c.enrolment_id for c in certificates}) != count:
        fail(f"expected {count} certificates, one per enrolment; found {len(certificates)}")
    storage = services.private_storage()
    for certificate in certificates[:: max(count // 20, 1)]:
        with storage.open(certificate.pdf_name, "rb") as handle:
            if hashlib.sha256(handle.read()).hexdigest() != certificate.pdf_sha256:
                fail(f"the stored PDF of {certificate.code} does not match its hash")


def clear(course) -> None:  # type: ignore[no-untyped-def]
    from certificates import services
    from certificates.models import Certificate, CertificateJob

    for name in Certificate.objects.filter(course=course).values_list("pdf_name", flat=True):
        services.private_storage().delete(name)
    Certificate.objects.filter(course=course).delete()
    CertificateJob.objects.filter(course=course).delete()


def bulk_job(course, count: int) -> float:  # type: ignore[no-untyped-def]
    """Issue the course's missing certificates with the bulk job, on the workers."""
    from certificates import services
    from certificates.models import CertificateJob

    started = time.monotonic()
    job = services.certificate_job_start(actor=None, course=course, kind="issue_missing")
    elapsed = wait_for_certificates(course, count, started)
    deadline = time.monotonic() + 60
    while not CertificateJob.objects.filter(pk=job.pk, finished_at__isnull=False).exists():
        if time.monotonic() > deadline:
            fail("the job did not record its end")
        time.sleep(0.1)
    check_issued(course, count)
    return elapsed


def per_task(course, enrolments) -> float:  # type: ignore[no-untyped-def]
    """The same, as 1,000 completions would queue it: one issue task per enrolment."""
    from lms.celery import app

    clear(course)
    started = time.monotonic()
    for enrolment in enrolments:
        app.send_task("certificates.certificate_issue", args=[enrolment.pk])
    elapsed = wait_for_certificates(course, len(enrolments), started)
    check_issued(course, len(enrolments))
    return elapsed


if __name__ == "__main__":
    shutil.rmtree(WORK / "private", ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    main()
