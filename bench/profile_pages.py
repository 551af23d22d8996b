"""Profile: where a learner's module, course, catalogue and home pages spend their time.

Uses the data of ``bench/course_pages.py`` (building it on first use), warms each page once
as a learner who has just opened the site, then runs ``--runs`` requests of each page under
cProfile and prints, per page, the median time and the functions with the most time of
their own and the most cumulative time.

    .venv/bin/python bench/profile_pages.py [--runs 50] [--top 15] [--pages module,course]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/lms-bench-course-pages.sqlite3")
os.environ.setdefault("LMS_MFA_REQUIRED", "false")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--pages", default="module,course,catalogue,home")
    parser.add_argument("--modules", type=int, default=50)
    parser.add_argument("--learners", type=int, default=1000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)

    from course_pages import build  # type: ignore[import-not-found]

    from courses.models import CoursePage, ModulePage
    from people.models import User

    course = CoursePage.objects.filter(slug="bench-course").first()
    if course is None or ModulePage.objects.child_of(course).count() != args.modules:
        course = build(args.modules, args.learners)
    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    urls = {
        "module": modules[len(modules) // 2].url,
        "course": course.url,
        "catalogue": "/kk/courses/",
        "home": "/kk/",
    }
    client = Client()
    client.force_login(User.objects.get(email="bench.learner@example.org"))

    for name in args.pages.split(","):
        url = urls[name]
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        profile = cProfile.Profile()
        timings = []
        for _run in range(args.runs):
            start = time.perf_counter()
            profile.enable()
            client.get(url)
            profile.disable()
            timings.append((time.perf_counter() - start) * 1000)
        print(f"=== {name} {url} median_ms={statistics.median(timings):.1f} (under cProfile)")
        for order in ("tottime", "cumulative"):
            out = io.StringIO()
            stats = pstats.Stats(profile, stream=out)
            stats.strip_dirs().sort_stats(order).print_stats(args.top)
            lines = [line for line in out.getvalue().splitlines() if line.strip()]
            start_at = next(i for i, line in enumerate(lines) if "ncalls" in line)
            print(f"--- by {order}")
            print("\n".join(lines[start_at:]))


if __name__ == "__main__":
    main()
