"""Benchmark: the programme dashboard at national scale, in PostgreSQL.

Builds (once; it is kept between runs) 50,000 staff in 17 regions and about 2,000
schools, 8 courses, about 400,000 enrolments, 3,000,000 module completions and the
certificates of the completed required courses, then refreshes the programme's stored
training statuses and times the national dashboard and a region's drill-down as a
programme manager.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_dashboard \\
        .venv/bin/python bench/dashboard.py [--staff 50000] [--runs 15] [--rebuild]

Certificates end as in a second five-year cycle: most run five years, some end in the
next six months and some have ended unrenewed, so the dashboard's renewal columns ("due in
the next 90 days", "overdue") have work to do.

The last line printed is:
    staff=N dashboard_ms_median=X dashboard_queries=N region_drilldown_ms_median=Y
    renewal_due_90_days=N renewal_overdue=N
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_dashboard")
os.environ.setdefault("LMS_MFA_REQUIRED", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")

REGIONS = 17
SCHOOLS_PER_REGION = 118
COURSES = 8
MODULES_PER_COURSE = 8
ROLES = [
    ("tutor", 40),
    ("teacher", 35),
    ("specialist", 12),
    ("methodologist", 5),
    ("school_leader", 8),
]


def ensure_database() -> None:
    import psycopg

    url = os.environ["DATABASE_URL"]
    if not url.startswith("postgres"):
        return
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--staff", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    ensure_database()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)

    from people.models import User
    from programmes import services
    from programmes.models import Programme, TrainedStatus

    programme = Programme.objects.filter(code="bench").first()
    if (
        args.rebuild
        or programme is None
        or User.objects.filter(email__startswith="staff.").count() != args.staff
    ):
        started = time.perf_counter()
        programme = build(args.staff)
        print(f"built in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    services.statuses_refresh(programme=programme)
    refresh_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    from courses.models import Enrolment, ModuleCompletion

    manager = User.objects.get(email="bench.manager@example.org")
    client = Client()
    client.force_login(manager)
    dashboard_url = f"/en/programmes/{programme.code}/"
    region_url = f"/en/programmes/{programme.code}/regions/bench-r01/"

    def timed(url: str) -> tuple[list[float], int]:
        client.get(url)  # warm the caches a real session would have
        reset_queries()  # the log keeps at most 9,000 queries; building filled it
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _run in range(args.runs):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        return times, len(queries)

    dashboard_times, dashboard_queries = timed(dashboard_url)
    region_times, region_queries = timed(region_url)
    trained = (
        TrainedStatus.objects.filter(programme=programme, stage=4)
        .values("person")
        .distinct()
        .count()
    )
    print(
        f"database={connection.vendor} enrolments={Enrolment.objects.count()} "
        f"completions={ModuleCompletion.objects.count()} trained={trained} "
        f"statuses_refresh_s={refresh_s:.1f} region_drilldown_queries={region_queries}"
    )
    from django.utils import timezone

    from programmes.renewal_figures import renewal_counts

    due = overdue = 0
    statuses = TrainedStatus.objects.filter(programme=programme)
    for region_due, region_overdue in renewal_counts(
        statuses, "region_id", timezone.localdate()
    ).values():
        due += region_due
        overdue += region_overdue
    print(
        f"staff={User.objects.filter(email__startswith='staff.').count()} "
        f"dashboard_ms_median={statistics.median(dashboard_times):.1f} "
        f"dashboard_queries={dashboard_queries} "
        f"region_drilldown_ms_median={statistics.median(region_times):.1f} "
        f"renewal_due_90_days={due} renewal_overdue={overdue}"
    )


def expiry(rng, completed_on, today):  # type: ignore[no-untyped-def]
    """An end date as a national programme in its second five-year cycle has them: most
    certificates run five years; some, of the older cohort, end in the next six months
    (due for renewal) and some ended in the last year without renewal (overdue)."""
    from datetime import timedelta

    from certificates.pdf import years_later

    draw = rng.random()
    if draw < 0.08:
        return today + timedelta(days=rng.randint(0, 180))
    if draw < 0.12:
        return today - timedelta(days=rng.randint(1, 360))
    return years_later(completed_on, 5)


def build(staff: int):  # type: ignore[no-untyped-def]
    """The national data set, written in bulk (the services' behaviour is tested
    elsewhere; this only has to look like a year of real use)."""
    import random
    import uuid
    from datetime import timedelta

    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from certificates.models import Certificate, CertificateTemplate
    from courses.models import CourseAudience, CourseCatalogue, CoursePage, Enrolment, ModulePage
    from courses.setup import ensure_authoring_setup
    from people.models import Region, RoleMembership, School, TrainingArea, User
    from people.roles import Role
    from programmes.models import Programme, RequiredCourse, Target, TrainedStatus

    rng = random.Random(2026)
    today = timezone.localdate()
    start = today - timedelta(days=100)
    with transaction.atomic():
        TrainedStatus.objects.all().delete()
        Programme.objects.filter(code="bench").delete()
        Certificate.objects.filter(person__email__startswith="staff.").delete()
        Enrolment.objects.filter(person__email__startswith="staff.").delete()
        User.objects.filter(email__startswith="staff.").delete()
        ensure_authoring_setup()

        regions = []
        for number in range(1, REGIONS + 1):
            region, _ = Region.objects.get_or_create(
                code=f"bench-r{number:02d}",
                defaults={
                    "name_kk": f"Облыс {number}",
                    "name_ru": f"Область {number}",
                    "name_en": f"Region {number}",
                },
            )
            regions.append(region)
        schools = list(School.objects.filter(code__startswith="bench-s"))
        if len(schools) != REGIONS * SCHOOLS_PER_REGION:
            School.objects.filter(code__startswith="bench-s").delete()
            schools = School.objects.bulk_create(
                [
                    School(
                        code=f"bench-s{r.pk}-{n}",
                        region=r,
                        name_kk=f"№{n} мектеп",
                        name_ru=f"Школа №{n}",
                        name_en=f"School {n} of {r.name_en}",
                    )
                    for r in regions
                    for n in range(1, SCHOOLS_PER_REGION + 1)
                ]
            )
        areas = []
        for code in ("autism", "intellectual", "motor", "sensory"):
            area, _ = TrainingArea.objects.get_or_create(
                code=code, defaults={"name_kk": code, "name_ru": code, "name_en": code}
            )
            areas.append(area)

    # Courses first, in their own transaction: publishing queues a recompute of each course's
    # enrolments, which must find none yet.
    with transaction.atomic():
        catalogue = CourseCatalogue.objects.get(locale__language_code="kk")
        course_roles = [("tutor", a) for a in areas] + [
            (r, None) for r in ("teacher", "specialist", "methodologist", "school_leader")
        ]
        courses = []
        for index, (role, area) in enumerate(course_roles):
            course = CoursePage.objects.filter(slug=f"bench-course-{index}").first()
            if course is None:
                course = CoursePage(
                    title=f"Course {index}",
                    slug=f"bench-course-{index}",
                    summary="Bench",
                    academic_hours=8,
                    provider="Bench",
                    locale=catalogue.locale,
                )
                course.audiences.add(CourseAudience(role=role, training_area=area))
                catalogue.add_child(instance=course)
                course.save_revision().publish()
                for number in range(MODULES_PER_COURSE):
                    module = ModulePage(title=f"Module {number + 1}", body=[], locale=course.locale)
                    course.add_child(instance=module)
                    module.save_revision().publish()
            courses.append((role, area, course))

    with transaction.atomic():
        password = make_password("bench-password")
        users = User.objects.bulk_create(
            [
                User(
                    email=f"staff.{n}@example.org", full_name=f"Staff Member {n}", password=password
                )
                for n in range(staff)
            ],
            batch_size=5000,
        )
        weights = [w for _r, w in ROLES]
        memberships = []
        person_role: dict[int, tuple[str, int | None]] = {}
        for user in users:
            role = rng.choices([r for r, _w in ROLES], weights)[0]
            area = rng.choice(areas) if role == "tutor" else None
            memberships.append(
                RoleMembership(
                    person=user,
                    role=role,
                    school=rng.choice(schools),
                    training_area=area,
                    specialism="psychologist" if role == Role.SPECIALIST else "",
                )
            )
            person_role[user.pk] = (role, area.pk if area else None)
        RoleMembership.objects.bulk_create(memberships, batch_size=5000)

        # Enrolments: everyone in all eight courses; the course of their role goes furthest.
        enrolments = []
        now = timezone.now()
        for user in users:
            role, area = person_role[user.pk]
            for c_role, c_area, course in courses:
                own = c_role == role and (c_area is None or c_area.pk == area)
                # Most learners have finished most courses by now.
                finished = rng.random() < (0.85 if own else 0.8)
                done = MODULES_PER_COURSE if finished else rng.randint(0, MODULES_PER_COURSE - 1)
                completed = done == MODULES_PER_COURSE
                completed_at = now - timedelta(days=rng.randint(1, 99)) if completed else None
                enrolments.append(
                    Enrolment(
                        person=user,
                        course=course,
                        source="cohort",
                        status="completed" if completed else "active",
                        completed_at=completed_at,
                        modules_completed_at=completed_at,
                        required_done=done,
                        required_total=MODULES_PER_COURSE,
                        percent=done * 100 // MODULES_PER_COURSE,
                        last_activity_at=completed_at or now,
                    )
                )
        Enrolment.objects.bulk_create(enrolments, batch_size=10000)

    # Completions in SQL: each enrolment has its first required_done modules done.
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO courses_modulecompletion (enrolment_id, module_id, how, completed_at)
            SELECT e.id, m.page_ptr_id, 'marked_done', COALESCE(e.completed_at, %s)
            FROM courses_enrolment e
            JOIN people_user u ON u.id = e.person_id AND u.email LIKE 'staff.%%'
            JOIN (
                SELECT p.id AS page_ptr_id, parent.id AS course_id,
                       row_number() OVER (PARTITION BY parent.id ORDER BY p.path) AS position
                FROM wagtailcore_page p
                JOIN wagtailcore_page parent
                  ON p.path LIKE parent.path || '%%' AND p.depth = parent.depth + 1
                JOIN courses_modulepage mp ON mp.page_ptr_id = p.id
                WHERE parent.slug LIKE 'bench-course-%%'
            ) m ON m.course_id = e.course_id AND m.position <= e.required_done
            """,
            # A parameter rather than now(), which SQLite does not have.
            [connection.ops.adapt_datetimefield_value(timezone.now())],
        )

    with transaction.atomic():
        template = (
            CertificateTemplate.objects.filter(is_default=True).first()
            or CertificateTemplate.objects.first()
        )
        certificates = []
        completed = (
            Enrolment.objects.filter(person__email__startswith="staff.", status="completed")
            .select_related("course", "person")
            .iterator(chunk_size=5000)
        )
        for number, enrolment in enumerate(completed):
            certificates.append(
                Certificate(
                    code=uuid.uuid4().hex[:20].upper(),
                    enrolment=enrolment,
                    person=enrolment.person,
                    course=enrolment.course,
                    template=template,
                    language="kk",
                    full_name=enrolment.person.full_name,
                    course_title=enrolment.course.title,
                    academic_hours=8,
                    completed_on=enrolment.completed_at.date(),
                    provider="Bench",
                    issued_at=enrolment.completed_at,
                    expires_on=expiry(rng, enrolment.completed_at.date(), today),
                    status="valid",
                    pdf_name=f"bench/{number}.pdf",
                    pdf_size=1,
                    pdf_sha256="0" * 64,
                )
            )
            if len(certificates) == 5000:
                Certificate.objects.bulk_create(certificates)
                certificates = []
        Certificate.objects.bulk_create(certificates)

        programme = Programme.objects.create(
            code="bench",
            name_kk="Бағдарлама",
            name_ru="Программа",
            name_en="National programme",
            starts_on=start,
            ends_on=today + timedelta(days=200),
        )
        programme.regions.set(regions)
        programme.save()
        for role, area, course in courses:
            RequiredCourse.objects.create(
                programme=programme, role=role, training_area=area, course=course
            )
        Target.objects.create(
            programme=programme, number=staff // 2, deadline=today + timedelta(days=40)
        )
        for region in regions:
            Target.objects.create(
                programme=programme,
                region=region,
                number=staff // (2 * REGIONS),
                deadline=today + timedelta(days=40),
            )
        manager, _ = User.objects.get_or_create(
            email="bench.manager@example.org",
            defaults={"full_name": "Bench Manager", "password": password},
        )
        if not RoleMembership.objects.filter(person=manager, role="programme_manager").exists():
            RoleMembership.objects.create(person=manager, role="programme_manager")
    return programme


if __name__ == "__main__":
    main()
