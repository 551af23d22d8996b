"""Benchmark: the learner pages of a course with 50 modules and 1,000 enrolments.

Builds the data in its own database (SQLite file by default; set DATABASE_URL to use
PostgreSQL), then requests the course page, a module page, My learning and the catalogue
as one of the learners, counting queries and timing the course page.

    .venv/bin/python bench/course_pages.py [--modules 50] [--learners 1000] [--runs 30]

The last line printed is:
    course_page_queries=N module_page_queries=N my_learning_queries=N course_page_ms=X
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
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/lms-bench-course-pages.sqlite3")
os.environ.setdefault("LMS_MFA_REQUIRED", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--modules", type=int, default=50)
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)

    from courses.models import CoursePage, ModulePage

    course = CoursePage.objects.filter(slug="bench-course").first()
    if course is None or ModulePage.objects.child_of(course).count() != args.modules:
        course = build(args.modules, args.learners)
    from people.models import User

    learner = User.objects.get(email="bench.learner@example.org")
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    client = Client()
    client.force_login(learner)

    def measure(url: str) -> tuple[int, float]:
        client.get(url)  # warm caches, as for a learner who has just opened the site
        reset_queries()  # the log keeps at most 9,000 queries; building filled it
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return len(queries), 0.0

    course_queries, _ = measure(course.url)
    module_queries, _ = measure(modules[25].url)
    learning_queries, _ = measure("/kk/learning/")
    catalogue_queries, _ = measure("/kk/courses/")

    timings = []
    for _run in range(args.runs):
        start = time.perf_counter()
        client.get(course.url)
        timings.append((time.perf_counter() - start) * 1000)
    module_timings = []
    for _run in range(args.runs):
        start = time.perf_counter()
        client.get(modules[25].url)
        module_timings.append((time.perf_counter() - start) * 1000)

    print(f"database={connection.vendor} modules={args.modules} learners={args.learners}")
    print(f"catalogue_queries={catalogue_queries}")
    print(f"module_page_ms_median={statistics.median(module_timings):.1f}")
    print(
        f"course_page_queries={course_queries} module_page_queries={module_queries} "
        f"my_learning_queries={learning_queries} "
        f"course_page_ms={statistics.median(timings):.1f}"
    )


def build(module_count: int, learner_count: int):  # type: ignore[no-untyped-def]
    """A course of ``module_count`` modules with ``learner_count`` tutors enrolled, each
    part-way through it (completions in bulk: the services' behaviour is tested elsewhere)."""
    import random
    import uuid

    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from courses.models import (
        CourseAudience,
        CourseCatalogue,
        CoursePage,
        Enrolment,
        ModuleCompletion,
        ModulePage,
    )
    from courses.setup import ensure_authoring_setup
    from people.models import Region, RoleMembership, School, TrainingArea, User

    rng = random.Random(50)
    with transaction.atomic():
        ensure_authoring_setup()
        CoursePage.objects.filter(slug="bench-course").delete()
        catalogue = CourseCatalogue.objects.get(locale__language_code="kk")
        course = CoursePage(
            title="Bench course",
            slug="bench-course",
            summary="For the benchmark.",
            academic_hours=40,
            provider="Bench",
            locale=catalogue.locale,
        )
        course.audiences.add(CourseAudience(role="tutor"))
        catalogue.add_child(instance=course)
        course.save_revision().publish()
        body = [
            {
                "type": "paragraph",
                "value": "<p>" + "Some reading. " * 80 + "</p>",
                "id": str(uuid.uuid4()),
            }
        ]
        modules = []
        for number in range(module_count):
            module = ModulePage(title=f"Module {number + 1}", body=body, locale=course.locale)
            course.add_child(instance=module)
            module.save_revision().publish()
            modules.append(module)

        region, _ = Region.objects.get_or_create(
            code="bench-region", defaults={"name_kk": "Бенч", "name_ru": "Бенч", "name_en": "Bench"}
        )
        school, _ = School.objects.get_or_create(
            code="bench-school",
            defaults={
                "region": region,
                "name_kk": "Мектеп",
                "name_ru": "Школа",
                "name_en": "School",
            },
        )
        area, _ = TrainingArea.objects.get_or_create(
            code="bench-area",
            defaults={"name_kk": "Бағыт", "name_ru": "Направление", "name_en": "Area"},
        )
        password = make_password("bench-password")
        User.objects.filter(email__startswith="bench.").delete()
        people = User.objects.bulk_create(
            [
                User(email=f"bench.{n}@example.org", full_name=f"Learner {n}", password=password)
                for n in range(learner_count - 1)
            ]
            + [
                User(
                    email="bench.learner@example.org", full_name="Bench Learner", password=password
                )
            ]
        )
        RoleMembership.objects.bulk_create(
            [
                RoleMembership(person=p, role="tutor", school=school, training_area=area)
                for p in people
            ]
        )
        now = timezone.now()
        enrolments = Enrolment.objects.bulk_create(
            [
                Enrolment(
                    person=p,
                    course=course,
                    source="cohort",
                    required_total=module_count,
                    last_activity_at=now,
                )
                for p in people
            ]
        )
        completions = []
        for enrolment in enrolments:
            done = rng.randint(0, module_count - 1)
            enrolment.required_done = done
            enrolment.percent = done * 100 // module_count
            completions += [
                ModuleCompletion(enrolment=enrolment, module=m, how="marked_done")
                for m in modules[:done]
            ]
        Enrolment.objects.bulk_update(enrolments, ["required_done", "percent"])
        ModuleCompletion.objects.bulk_create(completions, batch_size=5000)
    return course


if __name__ == "__main__":
    main()
