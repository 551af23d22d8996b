"""Issue a course's missing certificates, or reissue them after a template fix, from the
command line, with progress. The same job as the programme managers' page starts, run
here instead of by the workers; ``--job`` picks up a job that stopped half way.

    manage.py certificates_bulk --course tutor-autism --issue-missing
    manage.py certificates_bulk --course 12 --regenerate --reason "Signatory corrected"
    manage.py certificates_bulk --course 12 --sign   (credentials for earlier certificates)
    manage.py certificates_bulk --job 5f0c…   (resume)
"""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from certificates import selectors, services
from certificates.models import CertificateJob, CertificateJobItem
from courses.models import CoursePage
from courses.services import canonical_course
from people.models import User


class Command(BaseCommand):
    help = "Issue missing certificates of a course, or reissue them with the current template."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--course", help="The course: its page id or its slug.")
        what = parser.add_mutually_exclusive_group()
        what.add_argument("--issue-missing", action="store_true", help="Issue missing ones.")
        what.add_argument(
            "--regenerate", action="store_true", help="Reissue with the current template."
        )
        what.add_argument(
            "--sign",
            action="store_true",
            help="Add credentials and signatures to certificates issued without them.",
        )
        parser.add_argument("--reason", default="", help="Why (required to regenerate).")
        parser.add_argument(
            "--actor", help="E-mail of the manager to record as having run it (optional)."
        )
        parser.add_argument("--job", help="Resume the job with this id.")

    def handle(self, *args: Any, **options: Any) -> None:
        job = self.resume(options["job"]) if options["job"] else self.start(options)
        items = list(job.items.filter(outcome=CertificateJobItem.Outcome.PENDING).order_by("pk"))
        self.stdout.write(
            f"{job.get_kind_display()}: {job.course.title} — {len(items)} to do of {job.total} "
            f"(job {job.public_id})"
        )
        started = time.monotonic()
        for number, item in enumerate(items, start=1):
            services.certificate_job_item_process(item=item)
            self.progress(number, len(items), started)
        services.certificate_job_finish_if_done(job=job)
        job.refresh_from_db()
        result = selectors.job_progress(job)
        self.stdout.write(
            self.style.SUCCESS(
                f"Done: {result.done} issued, {result.skipped} with nothing to do, "
                f"{result.failed} failed, in {time.monotonic() - started:.1f} s."
            )
        )
        for failure in selectors.job_failures(job):
            self.stdout.write(self.style.WARNING(f"  failed: item {failure.pk}: {failure.message}"))

    def start(self, options: dict[str, Any]) -> CertificateJob:
        if not options["course"]:
            raise CommandError("Name the course with --course (page id or slug), or use --job.")
        if not (options["issue_missing"] or options["regenerate"] or options["sign"]):
            raise CommandError("Say what to do: --issue-missing, --regenerate or --sign.")
        course = self.course(options["course"])
        actor = None
        if options["actor"]:
            actor = User.objects.filter(email=options["actor"].strip().lower()).first()
            if actor is None:
                raise CommandError(f"No person with the e-mail address {options['actor']}.")
        kind = (
            CertificateJob.Kind.REGENERATE
            if options["regenerate"]
            else CertificateJob.Kind.SIGN
            if options["sign"]
            else CertificateJob.Kind.ISSUE_MISSING
        )
        try:
            return services.certificate_job_start(
                actor=actor, course=course, kind=kind, reason=options["reason"], queue=False
            )
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from error

    def resume(self, public_id: str) -> CertificateJob:
        job = CertificateJob.objects.filter(public_id=public_id).first()
        if job is None:
            raise CommandError(f"No certificate job {public_id}.")
        return job

    def course(self, value: str) -> CoursePage:
        pages = CoursePage.objects.all()
        course = pages.filter(pk=int(value)).first() if value.isdigit() else None
        course = course or pages.filter(slug=value).order_by("pk").first()
        if course is None:
            raise CommandError(f"No course {value!r}.")
        return canonical_course(course)

    def progress(self, number: int, total: int, started: float) -> None:
        if self.stdout.isatty():
            width = 30
            filled = width * number // total
            bar = "#" * filled + "-" * (width - filled)
            rate = number / max(time.monotonic() - started, 1e-6)
            self.stdout.write(f"\r[{bar}] {number}/{total} ({rate:.0f}/s)", ending="")
            if number == total:
                self.stdout.write("")
            sys.stdout.flush()
        elif number == total or number % max(total // 10, 1) == 0:
            self.stdout.write(f"{number}/{total} ({number * 100 // total}%)")
